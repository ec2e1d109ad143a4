import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { common } from '../../../lib/strings.ts';

/** The centred card that the login and password pages share, under the platform's name. */
export function AuthShell({ title, children, embedded }: { title: string; children: ReactNode; embedded?: boolean }) {
  // Inside the signed-in layout the page already has its <main>.
  const Root = embedded ? 'section' : 'main';
  return (
    <Root className={embedded ? 'auth-shell embedded' : 'auth-shell'}>
      <div className="auth-brand" aria-hidden="true">
        <span className="auth-brand-mark">公</span>
        <span>{common.appName}</span>
      </div>
      <Card className="auth-card">
        <Typography.Title level={1} className="auth-title">
          {title}
        </Typography.Title>
        {children}
      </Card>
    </Root>
  );
}
