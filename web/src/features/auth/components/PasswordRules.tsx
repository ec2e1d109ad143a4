import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import type { RuleStatus } from '../password-rules.ts';
import { t } from '../strings.ts';

/** The password rules, each ticked as soon as the new password meets it. */
export function PasswordRules({ rules }: { rules: RuleStatus[] }) {
  return (
    <section className="password-rules" aria-labelledby="password-rules-title">
      <h2 id="password-rules-title">{t.rulesTitle}</h2>
      <ul>
        {rules.map((r) => (
          <li key={r.label} className={r.ok ? 'ok' : undefined}>
            {r.ok ? <CheckCircleFilled aria-hidden /> : <MinusCircleOutlined aria-hidden />}
            <span>{r.label}</span>
            <span className="sr-only">{r.ok ? '（已满足）' : '（未满足）'}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
