import { Empty } from 'antd';
import type { ReactNode } from 'react';

/** What a filtered list that shows nothing suggests. */
const WIDEN = '换一个关键词或筛选条件，或清除筛选后再看。';

/**
 * A list's empty state, for a table's `locale.emptyText`: with a filter on, that nothing matches and how
 * to widen it; without, that there is nothing yet and (`hint`) how rows get there.
 */
export function ListEmpty({ filtered, empty, hint, noMatch }: { filtered: boolean; empty: string; hint?: ReactNode; noMatch: string }) {
  return filtered ? <Empty description={noMatch}>{WIDEN}</Empty> : <Empty description={empty}>{hint}</Empty>;
}
