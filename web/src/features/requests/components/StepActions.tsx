import { Alert, App, Button, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { todayInShanghai } from '../../../lib/format.ts';
import { steps, type RequestDetail, type RequestOptions } from '../api.ts';
import { t } from '../strings.ts';
import { CaseFileUploads, type CaseFile } from './CaseFileUploads.tsx';

export type StepKind = keyof typeof t.step;

/** The steps open to the caller in the case's state (the server checks again, with the clock). */
export function availableSteps(d: RequestDetail, can: { handle: boolean; extend: boolean; reopen: boolean }): StepKind[] {
  const sent = (kind: string) => d.events.some((e) => e.kind === kind && !e.voided);
  const out: StepKind[] = [];
  const extend = can.extend && d.extendedDays === 0 ? (['extend'] as StepKind[]) : [];
  if (can.handle) {
    switch (d.status) {
      case '待确认收到':
        out.push('receipt');
        break;
      case '办理中':
        out.push('decide', ...(sent('correction_sent') ? [] : (['correction'] as StepKind[])), 'consult', ...extend, ...(d.feeBasis ? [] : (['feeNotice'] as StepKind[])));
        break;
      case '待补正':
        out.push('correctionReceived');
        break;
      case '征求意见':
        out.push('consultAnswer', 'consult', ...extend);
        break;
      case '待缴费':
        out.push('feePayment', ...extend);
        break;
      case '已决定':
        out.push('deliver', 'decide');
        break;
    }
  } else if (['办理中', '征求意见', '待缴费'].includes(d.status)) out.push(...extend);
  if (d.status === '已办结' && can.reopen && !d.imported) out.push('reopen');
  return out;
}

const LAPSE = ['6.1', '6.2'];

/** One form per step: the choice of step, then its fields; every date defaults to today. */
export function StepActions({ detail, kinds, options, onDone }: { detail: RequestDetail; kinds: StepKind[]; options: RequestOptions; onDone: () => void }) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<StepKind>(kinds[0]);
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [proof, setProof] = useState<CaseFile[]>([]);
  const active = kinds.includes(kind) ? kind : kinds[0];
  const id = detail.id;
  const today = todayInShanghai();
  const outcome = (seq: number) => Form.useWatch(['decisions', String(seq), 'outcome'], form) as string | undefined;
  // hooks in a fixed order: one watcher per item
  const chosen = detail.items.map((i) => outcome(i.seq));

  const run = async (v: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const on = String(v.on ?? today);
      const note = (v.note as string) || undefined;
      switch (active) {
        case 'receipt':
          await steps.receipt(id, { receivedOn: on, note });
          break;
        case 'correction':
          await steps.correction(id, { on, needed: String(v.needed), note });
          break;
        case 'correctionReceived':
          await steps.correctionReceived(id, { on, note });
          break;
        case 'consult':
          await steps.consult(id, { on, party: String(v.party), kind: v.consultKind as '第三方' | '其他机关', note });
          break;
        case 'consultAnswer':
          await steps.consultAnswer(id, { on, answer: v.answer as '同意公开' | '不同意公开' | '逾期未答复', note });
          break;
        case 'extend':
          await steps.extend(id, { on, days: Number(v.days), reason: String(v.reason), notice: String(v.notice), note });
          break;
        case 'feeNotice':
          await steps.feeNotice(id, v.basis === '按量' ? { basis: '按量', pages: Number(v.pages), on, note } : { basis: '按件', on, note });
          break;
        case 'feePayment':
          await steps.feePayment(id, { on, note });
          break;
        case 'decide': {
          const ds = (v.decisions ?? {}) as Record<string, { outcome?: string; reason?: string }>;
          const decisions = detail.items
            .map((i) => ({ seq: i.seq, outcome: ds[i.seq]?.outcome, reason: ds[i.seq]?.reason ?? '' }))
            .filter((x): x is { seq: number; outcome: string; reason: string } => !!x.outcome);
          await steps.decide(id, { decisions: decisions as Parameters<typeof steps.decide>[1]['decisions'], note });
          break;
        }
        case 'deliver':
          await steps.deliver(id, { method: v.method as Parameters<typeof steps.deliver>[1]['method'], servedOn: on, proof: String(v.proof), proofFileId: proof[0]?.fileId, note });
          break;
        case 'reopen':
          await steps.reopen(id, { reason: String(v.reason) });
          break;
      }
      message.success(`${t.step[active]}：${t.done}`);
      form.resetFields();
      setProof([]);
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const outcomeOptions = [...new Set(options.outcomes.map((o) => o.group))].map((g) => ({
    label: g,
    title: g,
    options: options.outcomes.filter((o) => o.group === g && !LAPSE.includes(o.code)).map((o) => ({ value: o.code, label: o.group.length > 3 ? `${o.group.slice(3)}：${o.label}` : o.label })),
  }));
  const dateItem = (label = t.on) => (
    <Form.Item label={label} name="on" rules={[{ required: true, message: '请填写日期' }]}>
      <Input type="date" max={today} />
    </Form.Item>
  );
  const required = (message: string) => [{ required: true, whitespace: true, message }];

  return (
    <div>
      {kinds.length > 1 && (
        <Radio.Group
          aria-label="办理环节"
          optionType="button"
          className="request-steps"
          value={active}
          onChange={(e) => {
            setKind(e.target.value);
            setError(null);
          }}
          options={kinds.map((k) => ({ value: k, label: t.step[k] }))}
        />
      )}
      <Form
        key={active}
        form={form}
        layout="vertical"
        name={`request-step-${active}`}
        onFinish={run}
        initialValues={{
          on: active === 'receipt' && detail.channel === '当面' ? detail.createdAt.slice(0, 10) : today,
          consultKind: '第三方',
          answer: '不同意公开',
          basis: '按件',
          method: options.serviceMethods[0],
          days: 20,
          decisions: Object.fromEntries(detail.items.map((i) => [i.seq, { outcome: i.outcome ?? undefined, reason: i.reason ?? '' }])),
        }}
      >
        {active === 'receipt' && (
          <>
            <Typography.Paragraph type="secondary">
              {t.receiptRule}：{options.channels.find((c) => c.value === detail.channel)?.receiptRule}
            </Typography.Paragraph>
            {dateItem(t.receivedLabel)}
          </>
        )}
        {active === 'correction' && (
          <>
            {detail.correctionWindowEnds && (
              <Alert type={detail.correctionWindowEnds < today ? 'warning' : 'info'} showIcon className="block-gap" title={detail.correctionWindowEnds < today ? t.correctionLate(detail.correctionWindowEnds) : t.correctionInTime(detail.correctionWindowEnds)} />
            )}
            {dateItem()}
            <Form.Item label={t.needed} name="needed" rules={required('请写明需要补正的事项')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={3000} />
            </Form.Item>
          </>
        )}
        {active === 'correctionReceived' && dateItem(t.correctionOn)}
        {active === 'consult' && (
          <>
            <Form.Item label={t.consultKind} name="consultKind">
              <Radio.Group options={options.consultationKinds.map((k) => ({ value: k, label: t.consultKinds[k] ?? k }))} />
            </Form.Item>
            <Form.Item label={t.party} name="party" rules={required('请填写征求意见对象')}>
              <Input maxLength={200} />
            </Form.Item>
            {dateItem(t.consultStarted)}
          </>
        )}
        {active === 'consultAnswer' && (
          <>
            <Form.Item label={t.answer} name="answer">
              <Radio.Group options={['同意公开', '不同意公开', '逾期未答复']} />
            </Form.Item>
            {dateItem(t.answerOn)}
          </>
        )}
        {active === 'extend' && (
          <>
            <Typography.Paragraph type="secondary">{t.extendOnlyHead}</Typography.Paragraph>
            <Form.Item label={t.extendDays} name="days" rules={[{ required: true }]}>
              <InputNumber min={1} max={20} precision={0} />
            </Form.Item>
            <Form.Item label={t.extendReason} name="reason" rules={required('请填写延期理由')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
            </Form.Item>
            <Form.Item label={t.extendNotice} name="notice" rules={required('请填写告知申请人的方式')}>
              <Input maxLength={500} />
            </Form.Item>
            {dateItem()}
          </>
        )}
        {active === 'feeNotice' && (
          <>
            <Form.Item label={t.feeBasis} name="basis">
              <Radio.Group
                options={[
                  { value: '按件', label: t.feeBasisItems },
                  { value: '按量', label: t.feeBasisPages },
                ]}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.basis !== b.basis}>
              {({ getFieldValue }) =>
                getFieldValue('basis') === '按量' && (
                  <Form.Item label={t.pages} name="pages" rules={[{ required: true, message: '请填写页数' }]}>
                    <InputNumber min={1} precision={0} />
                  </Form.Item>
                )
              }
            </Form.Item>
            {dateItem(t.feeOn)}
          </>
        )}
        {active === 'feePayment' && dateItem(t.paidOn)}
        {active === 'decide' &&
          detail.items.map((item, k) => {
            const o = options.outcomes.find((x) => x.code === chosen[k]);
            return (
              <fieldset key={item.seq} className="request-decision">
                <legend>
                  {item.seq}. {item.description}
                </legend>
                <Form.Item label={t.outcomeFor(item.seq)} name={['decisions', String(item.seq), 'outcome']} rules={[{ required: true, message: '请选择办理结果' }]} extra={o ? t.basis(o.basis) : undefined}>
                  <Select options={outcomeOptions} showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
                <Form.Item label={t.reasonFor(item.seq)} name={['decisions', String(item.seq), 'reason']} extra={t.reasonHelp} rules={[{ required: !!o && o.code !== '1', whitespace: true, message: '除予以公开外，应写明理由和依据' }]}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={3000} />
                </Form.Item>
              </fieldset>
            );
          })}
        {active === 'deliver' && (
          <>
            <Form.Item label={t.serviceMethod} name="method">
              <Select options={options.serviceMethods.map((m) => ({ value: m, label: m }))} />
            </Form.Item>
            {dateItem(t.servedOn)}
            <Form.Item label={t.proof} name="proof" rules={required('请填写送达凭证')}>
              <Input maxLength={500} />
            </Form.Item>
            <CaseFileUploads kinds={proof.length ? [] : [{ kind: '送达回证', label: t.proofFile }]} value={proof} onChange={setProof} />
          </>
        )}
        {active === 'reopen' && (
          <Form.Item label={t.reopenReason} name="reason" rules={[{ required: true, whitespace: true, min: 2, message: '请填写重新办理的原因' }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        )}
        {active !== 'reopen' && active !== 'decide' && (
          <Form.Item label={t.note} name="note">
            <Input maxLength={2000} />
          </Form.Item>
        )}
        {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
        <Button type="primary" htmlType="submit" loading={busy} danger={active === 'reopen'}>
          {t.step[active]}
        </Button>
      </Form>
    </div>
  );
}
