import { DisconnectOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Form, Modal, Popconfirm, Radio, Select, Spin, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { Link } from '../../../lib/router.tsx';
import { common } from '../../../lib/strings.ts';
import { getDocument, linkInterpretation, searchDocuments, unlinkInterpretation, type DocumentDetail, type DocumentHit, type InterpretationForm, type LinkedDocument } from '../api.ts';
import { BLUE, BROWN, GREEN, GREY, RED } from '../colors.ts';
import { t } from '../strings.ts';

const STATUS_COLOR: Record<string, string> = { draft: GREY, in_review: BLUE, returned: BROWN, rejected: RED, scheduled: BLUE, published: GREEN, withdrawn: GREY };

/** The 政策解读 sub-columns are named after the form (视频 / 图片 / 文字): a good first guess. */
const formOf = (columnName: string | undefined): InterpretationForm => (columnName?.includes('视频') ? 'video' : columnName?.includes('图片') ? 'image' : 'text');

/** Which side this document takes in a new link: the policy (it gets an interpretation) or the interpretation. */
type Mode = 'interpretation' | 'policy';

function LinkedList({ items, empty, canEdit, onUnlink }: { items: LinkedDocument[]; empty: string; canEdit: boolean; onUnlink: (d: LinkedDocument) => Promise<void> }) {
  if (!items.length) return <p className="text-muted">{empty}</p>;
  return (
    <ul className="linked-list">
      {items.map((d) => {
        const title = d.title ?? t.interpHidden;
        return (
          <li key={d.id}>
            <div className="linked-main">
              {d.title ? <Link to={`/catalog/documents/${d.id}`}>{d.title}</Link> : <span className="text-muted">{t.interpHidden}</span>}
              <div className="linked-tags">
                <Tag>{t.interpForm[d.form] ?? d.form}</Tag>
                <Tag color={STATUS_COLOR[d.status]}>{t.statusLabel[d.status] ?? d.status}</Tag>
                <span className="cell-note">{d.columnName}</span>
              </div>
              {canEdit && !d.canUnlink && <div className="cell-note">{t.interpNotOwner}</div>}
            </div>
            {canEdit && d.canUnlink && (
              <Popconfirm title={t.interpUnlinkConfirm(title)} okText={t.interpUnlink} okButtonProps={{ danger: true }} onConfirm={() => onUnlink(d)}>
                <Button size="small" type="text" danger icon={<DisconnectOutlined />} aria-label={t.interpUnlinkAria(title)} />
              </Popconfirm>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * 政策解读: the interpretations linked to this policy, and the policy this document interprets;
 * an editor links one (found by title) or undoes a link. The portal shows both directions.
 */
export function InterpretationsPanel({ detail, canEdit }: { detail: DocumentDetail; canEdit: boolean }) {
  const { message } = App.useApp();
  const doc = detail.document;
  // Kept here and re-read after a change: reloading the whole page would reset unsaved edits in the form.
  const [links, setLinks] = useState({ interpretations: detail.interpretations ?? [], interprets: detail.interprets ?? [] });
  useEffect(() => setLinks({ interpretations: detail.interpretations ?? [], interprets: detail.interprets ?? [] }), [detail]);
  const { interpretations, interprets } = links;
  const onChanged = async () => {
    const d = await getDocument(doc.id);
    setLinks({ interpretations: d.interpretations ?? [], interprets: d.interprets ?? [] });
  };
  const [mode, setMode] = useState<Mode | null>(null);
  const [form] = Form.useForm<{ documentId: string; form: InterpretationForm }>();
  const [hits, setHits] = useState<DocumentHit[]>([]);
  const [query, setQuery] = useState('');
  const [searching, setSearching] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const taken = new Set([doc.id, ...(mode === 'policy' ? interprets : interpretations).map((d) => d.id)]);

  const search = (q: string) => {
    setQuery(q);
    window.clearTimeout(timer.current);
    const text = q.trim();
    if (!text) {
      setHits([]);
      return;
    }
    // Wait for a pause in typing; a late answer to an older query is dropped.
    timer.current = window.setTimeout(async () => {
      const mine = ++seq.current;
      setSearching(true);
      try {
        const r = await searchDocuments(text, { publicToo: mode === 'policy' });
        if (mine !== seq.current) return;
        setHits(r.items);
        setError(null);
      } catch (err) {
        if (mine === seq.current) setError(errorMessage(err));
      } finally {
        if (mine === seq.current) setSearching(false);
      }
    }, 300);
  };

  const open = (m: Mode) => {
    setMode(m);
    setHits([]);
    setQuery('');
    setError(null);
    form.resetFields();
    form.setFieldsValue({ form: m === 'policy' ? formOf(detail.column.name) : 'text' });
  };

  const submit = async (v: { documentId: string; form: InterpretationForm }) => {
    setBusy(true);
    setError(null);
    try {
      if (mode === 'policy') await linkInterpretation(v.documentId, doc.id, v.form);
      else await linkInterpretation(doc.id, v.documentId, v.form);
      message.success(t.interpLinked);
      setMode(null);
      await onChanged().catch(() => undefined);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const unlink = async (policyId: string, interpretationId: string) => {
    try {
      await unlinkInterpretation(policyId, interpretationId);
      message.success(t.interpUnlinked);
      await onChanged().catch(() => undefined);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <section aria-labelledby="interp-title" data-testid="interpretations-panel">
      <h2 id="interp-title" className="card-title">
        {t.interpTitle}
      </h2>
      <p className="cell-note">{t.interpIntro}</p>
      <h3 className="panel-title">{t.interpOfPolicy}</h3>
      <div data-testid="interpretations-of-policy">
        <LinkedList items={interpretations} empty={t.interpOfPolicyEmpty} canEdit={canEdit} onUnlink={(d) => unlink(doc.id, d.id)} />
      </div>
      {canEdit && (
        <Button size="small" icon={<LinkOutlined />} onClick={() => open('interpretation')}>
          {t.interpAddInterpretation}
        </Button>
      )}
      <h3 className="panel-title">{t.interpPolicies}</h3>
      <div data-testid="interpreted-policies">
        <LinkedList items={interprets} empty={t.interpPoliciesEmpty} canEdit={canEdit} onUnlink={(d) => unlink(d.id, doc.id)} />
      </div>
      {canEdit && (
        <Button size="small" icon={<LinkOutlined />} onClick={() => open('policy')}>
          {t.interpAddPolicy}
        </Button>
      )}
      <Modal
        open={mode !== null}
        title={mode === 'policy' ? t.interpAddPolicyTitle : t.interpAddInterpretationTitle}
        okText={t.interpLink}
        cancelText={common.cancel}
        onOk={() => form.submit()}
        onCancel={() => setMode(null)}
        confirmLoading={busy}
        destroyOnHidden
      >
        {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
        <Form form={form} layout="vertical" name="link-interpretation" onFinish={(v) => void submit(v)}>
          <Form.Item name="documentId" label={t.interpSearch} rules={[{ required: true, message: t.interpPickRequired }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: search, searchValue: query }}
              // Sized by CSS, not measured: typed into while the dialog still zooms in, the measured width is a fraction.
              popupMatchSelectWidth={false}
              classNames={{ popup: { root: 'interp-popup' } }}
              placeholder={t.interpSearchPlaceholder}
              notFoundContent={searching ? <Spin size="small" /> : query.trim() ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.interpSearchEmpty} /> : t.interpSearchHint}
              options={hits.map((h) => ({ value: h.id, label: h.title, disabled: taken.has(h.id) }))}
              optionRender={(o) => {
                const h = hits.find((x) => x.id === o.value);
                return (
                  <span className="interp-hit">
                    <span>{o.label}</span>
                    {h && (
                      <span className="cell-note">
                        {h.columnName} · {t.statusLabel[h.status] ?? h.status}
                        {h.id === doc.id ? ` · ${t.interpSelf}` : ''}
                      </span>
                    )}
                  </span>
                );
              }}
              onChange={(id: string) => {
                if (mode === 'interpretation') form.setFieldValue('form', formOf(hits.find((h) => h.id === id)?.columnName));
              }}
            />
          </Form.Item>
          <Form.Item name="form" label={t.interpFormLabel} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={(['text', 'image', 'video'] as const).map((f) => ({ value: f, label: t.interpForm[f] }))} />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
