import { Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { common } from '../lib/strings.ts';

/** The page's one h1, an optional line of explanation and its main actions; also sets the tab title. */
export function PageHeader({ title, intro, extra }: { title: string; intro?: ReactNode; extra?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · ${common.appName}`;
  }, [title]);
  return (
    <div className="page-header">
      <div className="page-header-text">
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {intro && <Typography.Paragraph type="secondary" className="page-intro">{intro}</Typography.Paragraph>}
      </div>
      {extra && <div className="page-header-extra">{extra}</div>}
    </div>
  );
}
