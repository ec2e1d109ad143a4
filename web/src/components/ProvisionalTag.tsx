import { Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { BROWN } from '../features/catalog/colors.ts';
import { listYears } from '../features/calendar/api.ts';

/** The entered calendar years, read once per page load and shared by every tag. */
let knownYears: Promise<Set<number>> | null = null;
function loadKnownYears(): Promise<Set<number>> {
  knownYears ??= listYears()
    .then((items) => new Set(items.map((y) => y.year)))
    .catch(() => {
      knownYears = null; // try again on the next tag rather than remember a failure
      return new Set<number>();
    });
  return knownYears;
}

/**
 * 暂定 beside a due date whose year's holidays are not entered yet: the server counted it Monday to
 * Friday (`Calendar.provisionalWorkingDays`) and recomputes it when the year is entered.
 */
export function ProvisionalTag({ date }: { date: string | null | undefined }) {
  const [provisional, setProvisional] = useState(false);
  useEffect(() => {
    let live = true;
    if (date) void loadKnownYears().then((years) => live && setProvisional(years.size > 0 && !years.has(Number(date.slice(0, 4)))));
    else setProvisional(false);
    return () => {
      live = false;
    };
  }, [date]);
  if (!provisional || !date) return null;
  const why = `${date.slice(0, 4)} 年节假日安排尚未录入，此期限暂按周一至周五推算，录入后自动重算`;
  return (
    <Tooltip title={why}>
      <Tag color={BROWN} style={{ marginLeft: 8 }} aria-label={`暂定：${why}`} tabIndex={0}>
        暂定
      </Tag>
    </Tooltip>
  );
}
