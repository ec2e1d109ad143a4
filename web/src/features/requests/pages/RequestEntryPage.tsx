import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { showServerErrors } from '../../../lib/form-errors.ts';
import { todayInShanghai } from '../../../lib/format.ts';
import { Link, navigate, type PageProps } from '../../../lib/router.tsx';
import { useMe } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { loadUnitCatalog } from '../../units/api.ts';
import { createRequest, loadOptions, type CreateInput } from '../api.ts';
import { CaseFileUploads, type CaseFile } from '../components/CaseFileUploads.tsx';
import { t } from '../strings.ts';

type Values = Omit<CreateInput, 'items' | 'files'> & { items: { description: string }[] };

/** 登记申请: staff entry of a letter, fax, walk-in or e-mail request, with the envelope scan and ID documents. */
export function RequestEntryPage(_: PageProps) {
  const { message } = App.useApp();
  const me = useMe();
  const districtWide = me.user.roles.some((r) => r === 'office_admin' || r === 'sys_admin');
  const options = useLoad(loadOptions, []);
  const units = useLoad(() => (districtWide ? loadUnitCatalog() : Promise.resolve({ kinds: {}, items: [] })), [districtWide]);
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<CaseFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const channel = Form.useWatch('channel', form);
  const rule = options.data?.channels.find((c) => c.value === channel)?.receiptRule;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body = {
        ...v,
        agencyUnitId: v.agencyUnitId || undefined,
        receivedOn: v.receivedOn || undefined,
        applicantIdKind: v.applicantIdKind || undefined,
        preferredForm: v.preferredForm || undefined,
        deliveryMethod: v.deliveryMethod || undefined,
        files: files.map((f) => ({ fileId: f.fileId, kind: f.kind })),
      } as CreateInput;
      const created = await createRequest(body);
      message.success(t.saved(created.code));
      navigate(`/requests/${created.id}`);
    } catch (err) {
      setError(showServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  if (options.error) return <LoadError error={options.error} onRetry={() => void options.reload()} />;
  const o = options.data;
  const pick = (xs: readonly string[] | undefined) => (xs ?? []).map((x) => ({ value: x, label: x }));
  return (
    <>
      <PageHeader title={t.entryTitle} intro={<><Link to="/requests">{t.back}</Link><br />{t.entryIntro}</>} />
      <Form<Values>
        form={form}
        name="request-entry"
        layout="vertical"
        onFinish={submit}
        initialValues={{ channel: '信函', applicantKind: '自然人', items: [{ description: '' }], agencyUnitId: districtWide ? undefined : me.user.unitId }}
        className="request-entry"
      >
        <Card title={<h2 className="card-title">{t.sectionReceipt}</h2>} className="block-gap">
          <div className="form-grid">
            {districtWide && (
              <Form.Item label={t.agency} name="agencyUnitId" rules={[{ required: true, message: '请选择受理机关' }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={(units.data?.items ?? []).filter((u) => u.active && u.isAgency).map((u) => ({ value: u.id, label: u.name }))} />
              </Form.Item>
            )}
            <Form.Item label={t.channel} name="channel" rules={[{ required: true }]}>
              <Select options={(o?.channels ?? []).filter((c) => c.value !== '网上').map((c) => ({ value: c.value, label: c.value }))} />
            </Form.Item>
            <Form.Item label={t.receivedOn} name="receivedOn" extra={channel === '当面' ? `${rule ?? ''}（不填即今天）` : `${rule ?? ''}。${t.receivedOnHelp}`}>
              <Input type="date" max={todayInShanghai()} />
            </Form.Item>
          </div>
        </Card>
        <Card title={<h2 className="card-title">{t.sectionApplicant}</h2>} className="block-gap">
          <div className="form-grid">
            <Form.Item label={t.applicantKind} name="applicantKind" rules={[{ required: true }]}>
              <Select options={pick(o?.applicantKinds)} />
            </Form.Item>
            <Form.Item label={t.applicantName} name="applicantName" rules={[{ required: true, whitespace: true, message: '请填写申请人姓名或名称' }]}>
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
            <Form.Item label={t.idKind} name="applicantIdKind">
              <Select allowClear options={pick(o?.idKinds)} />
            </Form.Item>
            <Form.Item label={t.idNumber} name="applicantIdNumber">
              <Input maxLength={40} autoComplete="off" />
            </Form.Item>
            <Form.Item label={t.phone} name="applicantPhone">
              <Input maxLength={40} autoComplete="off" inputMode="tel" />
            </Form.Item>
            <Form.Item label={t.email} name="applicantEmail" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
            <Form.Item label={t.address} name="applicantAddress" className="form-grid-wide">
              <Input maxLength={300} autoComplete="off" />
            </Form.Item>
          </div>
        </Card>
        <Card title={<h2 className="card-title">{t.sectionRequest}</h2>} className="block-gap">
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <div key={field.key} className="request-item-row">
                    <Form.Item label={t.item(i + 1)} name={[field.name, 'description']} rules={[{ required: true, whitespace: true, message: '请填写所需信息' }]} className="request-item-text">
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t.itemPlaceholder} />
                    </Form.Item>
                    {fields.length > 1 && <Button type="text" icon={<MinusCircleOutlined />} aria-label={t.removeItem(i + 1)} onClick={() => remove(field.name)} />}
                  </div>
                ))}
                {fields.length < 20 && (
                  <Button icon={<PlusOutlined />} onClick={() => add({ description: '' })} className="block-gap">
                    {t.addItem}
                  </Button>
                )}
              </>
            )}
          </Form.List>
          <div className="form-grid">
            <Form.Item label={t.docNumber} name="docNumber">
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item label={t.purpose} name="purpose">
              <Input maxLength={1000} />
            </Form.Item>
            <Form.Item label={t.preferredForm} name="preferredForm">
              <Select allowClear options={pick(o?.preferredForms)} />
            </Form.Item>
            <Form.Item label={t.deliveryMethod} name="deliveryMethod">
              <Select allowClear options={pick(o?.deliveryMethods)} />
            </Form.Item>
          </div>
        </Card>
        <Card title={<h2 className="card-title">{t.sectionFiles}</h2>} className="block-gap">
          <Typography.Paragraph type="secondary">{t.uploadHelp}</Typography.Paragraph>
          <CaseFileUploads
            kinds={[
              { kind: '信封扫描件', label: t.uploadEnvelope },
              { kind: '身份证明', label: t.uploadId },
            ]}
            value={files}
            onChange={setFiles}
          />
          <Form.Item label={t.note} name="note" className="block-gap-top">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
          </Form.Item>
        </Card>
        {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
        <Button type="primary" htmlType="submit" loading={busy} size="large">
          {t.save}
        </Button>
      </Form>
    </>
  );
}
