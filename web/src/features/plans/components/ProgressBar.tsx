import { Progress } from 'antd';

/** A labelled progress bar: the label names what the percentage is of, for screen readers. */
export function ProgressBar({ percent, label, size = 'small' }: { percent: number; label: string; size?: 'small' | 'default' }) {
  return (
    <Progress
      percent={percent}
      size={size === 'small' ? 'small' : undefined}
      status={percent >= 100 ? 'success' : 'normal'}
      // The number, not a tick, also at 100%: it reads the same in a screenshot and to a screen reader.
      format={(p) => `${p ?? 0}%`}
      aria-label={label}
      className="plan-progress"
    />
  );
}
