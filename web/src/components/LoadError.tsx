import { Alert, Button } from 'antd';
import { common } from '../lib/strings.ts';

/** A failed load, with the server's message and a way to try again. */
export function LoadError({ error, onRetry }: { error: string; onRetry?: () => void }) {
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      title={common.loadFailed}
      description={error}
      action={onRetry && <Button size="small" onClick={onRetry}>{common.retry}</Button>}
      className="block-gap"
    />
  );
}
