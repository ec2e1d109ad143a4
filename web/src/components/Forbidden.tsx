import { Button, Result } from 'antd';
import { navigate } from '../lib/router.tsx';
import { common } from '../lib/strings.ts';

export function Forbidden() {
  return (
    <Result
      status="403"
      title={common.forbiddenTitle}
      subTitle={common.forbiddenBody}
      extra={<Button type="primary" onClick={() => navigate('/')}>{common.backHome}</Button>}
    />
  );
}

export function NotFound() {
  return (
    <Result
      status="404"
      title={common.notFoundTitle}
      subTitle={common.notFoundBody}
      extra={<Button type="primary" onClick={() => navigate('/')}>{common.backHome}</Button>}
    />
  );
}
