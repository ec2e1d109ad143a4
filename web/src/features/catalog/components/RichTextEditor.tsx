import {
  AlignCenterOutlined,
  AlignLeftOutlined,
  AlignRightOutlined,
  BoldOutlined,
  ClearOutlined,
  DisconnectOutlined,
  DownOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  PaperClipOutlined,
  PictureOutlined,
  RedoOutlined,
  TableOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import TextAlign from '@tiptap/extension-text-align';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { App, Button, Dropdown, Form, Input, Modal, Select, Tooltip } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { cleanWordHtml } from '../clean-word-html.ts';
import { t } from '../strings.ts';
import '../catalog.css';

const r = t.rte;
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif'];

interface Props {
  /** The body as HTML (what the server saves after its sanitiser). */
  value?: string;
  onChange?: (html: string) => void;
  disabled?: boolean;
  /** The document's attachments, for 链接附件. */
  attachments: { id: string; name: string }[];
  /** Uploads an image into the file store; the body then shows it as /api/files/<id>. */
  uploadImage: (file: File) => Promise<{ id: string; name: string }>;
  id?: string;
  /** The editing area's accessible name (default 正文). */
  label?: string;
}

function Tool({ label, icon, onClick, active, disabled }: { label: string; icon: ReactNode; onClick: () => void; active?: boolean; disabled?: boolean }) {
  return (
    <Tooltip title={label}>
      <Button type={active ? 'primary' : 'text'} size="small" icon={icon} aria-label={label} aria-pressed={active} disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={onClick} />
    </Tooltip>
  );
}

/**
 * 正文 editor (TipTap): headings, paragraphs, lists, alignment, tables with merged cells, images in the
 * file store and links to the document's attachments. A paste is cleaned of Word's and WPS's markup
 * first (clean-word-html.ts); pasted or dropped picture files are uploaded.
 */
export function RichTextEditor({ value, onChange, disabled, attachments, uploadImage, id, label }: Props) {
  const { message } = App.useApp();
  const fileInput = useRef<HTMLInputElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkForm] = Form.useForm<{ url: string }>();
  // The last HTML this editor reported, so a value coming back from the form does not reset the cursor.
  const reported = useRef<string | undefined>(undefined);
  const uploadRef = useRef<(files: File[]) => void>(() => {});

  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, code: false, codeBlock: false, link: { openOnClick: false, autolink: true, HTMLAttributes: { rel: 'noopener noreferrer', target: null } } }),
      TextAlign.configure({ types: ['heading', 'paragraph'] }),
      Image.configure({ allowBase64: false }),
      TableKit.configure({ table: { resizable: false } }),
    ],
    content: value ?? '',
    editable: !disabled,
    editorProps: {
      attributes: { class: 'rte-content', role: 'textbox', 'aria-multiline': 'true', 'aria-label': label ?? r.area, ...(id && { id }) },
      transformPastedHTML: (html) => {
        const { html: clean, droppedImages } = cleanWordHtml(html);
        if (droppedImages) message.warning(r.imagesDropped(droppedImages), 8);
        return clean;
      },
      handlePaste: (_view, event) => {
        const files = Array.from(event.clipboardData?.files ?? []).filter((f) => IMAGE_TYPES.includes(f.type));
        // A Word paste carries a picture of the selection too: the HTML is what the editor wants then.
        if (!files.length || event.clipboardData?.getData('text/html')) return false;
        uploadRef.current(files);
        return true;
      },
      handleDrop: (_view, event) => {
        const files = Array.from((event as DragEvent).dataTransfer?.files ?? []).filter((f) => IMAGE_TYPES.includes(f.type));
        if (!files.length) return false;
        uploadRef.current(files);
        return true;
      },
    },
    onUpdate: ({ editor: e }) => {
      const html = e.isEmpty ? '' : e.getHTML();
      reported.current = html;
      onChange?.(html);
    },
  });

  uploadRef.current = (files: File[]) => {
    if (!editor) return;
    void (async () => {
      const hide = message.loading(r.imageUploading, 0);
      let n = 0;
      try {
        for (const f of files) {
          if (!IMAGE_TYPES.includes(f.type)) {
            message.error(r.imageOnly);
            continue;
          }
          const up = await uploadImage(f);
          editor.chain().focus().setImage({ src: `/api/files/${up.id}`, alt: up.name.replace(/\.[^.]+$/, '') }).run();
          n++;
        }
        if (n) message.success(r.imageUploaded(n));
      } catch (err) {
        message.error(errorMessage(err));
      } finally {
        hide();
      }
    })();
  };

  // A value set from outside (the document loaded, a version restored) replaces the content.
  useEffect(() => {
    if (!editor || value === reported.current) return;
    if ((value ?? '') !== (editor.isEmpty ? '' : editor.getHTML())) editor.commands.setContent(value ?? '', { emitUpdate: false });
    reported.current = value;
  }, [editor, value]);
  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }: { editor: Editor | null }) =>
      e
        ? {
            block: e.isActive('heading', { level: 2 }) ? 'h2' : e.isActive('heading', { level: 3 }) ? 'h3' : e.isActive('heading', { level: 4 }) ? 'h4' : 'p',
            bold: e.isActive('bold'),
            italic: e.isActive('italic'),
            underline: e.isActive('underline'),
            ordered: e.isActive('orderedList'),
            bullet: e.isActive('bulletList'),
            left: e.isActive({ textAlign: 'left' }),
            center: e.isActive({ textAlign: 'center' }),
            right: e.isActive({ textAlign: 'right' }),
            link: e.isActive('link'),
            inTable: e.isActive('table'),
            canUndo: e.can().undo(),
            canRedo: e.can().redo(),
          }
        : null,
  });

  if (!editor || !state) return <div className="rte" />;
  const chain = () => editor.chain().focus();
  const off = !!disabled;

  const tableItems = [
    { key: 'addRowAfter', label: r.addRowAfter, run: () => chain().addRowAfter().run() },
    { key: 'addColumnAfter', label: r.addColumnAfter, run: () => chain().addColumnAfter().run() },
    { key: 'deleteRow', label: r.deleteRow, run: () => chain().deleteRow().run() },
    { key: 'deleteColumn', label: r.deleteColumn, run: () => chain().deleteColumn().run() },
    { key: 'mergeCells', label: r.mergeCells, run: () => chain().mergeCells().run() },
    { key: 'splitCell', label: r.splitCell, run: () => chain().splitCell().run() },
    { key: 'toggleHeaderRow', label: r.toggleHeaderRow, run: () => chain().toggleHeaderRow().run() },
    { key: 'deleteTable', label: r.deleteTable, run: () => chain().deleteTable().run(), danger: true },
  ];

  return (
    <div className={`rte${off ? ' rte-disabled' : ''}`}>
      <div className="rte-toolbar" role="toolbar" aria-label={r.toolbar}>
        <Select
          size="small"
          aria-label={r.blockType}
          value={state.block}
          disabled={off}
          style={{ width: 112 }}
          options={[
            { value: 'p', label: r.paragraph },
            { value: 'h2', label: r.heading(2) },
            { value: 'h3', label: r.heading(3) },
            { value: 'h4', label: r.heading(4) },
          ]}
          onChange={(v: string) => (v === 'p' ? chain().setParagraph().run() : chain().setHeading({ level: Number(v[1]) as 2 | 3 | 4 }).run())}
        />
        <span className="rte-sep" />
        <Tool label={r.bold} icon={<BoldOutlined />} active={state.bold} disabled={off} onClick={() => chain().toggleBold().run()} />
        <Tool label={r.italic} icon={<ItalicOutlined />} active={state.italic} disabled={off} onClick={() => chain().toggleItalic().run()} />
        <Tool label={r.underline} icon={<UnderlineOutlined />} active={state.underline} disabled={off} onClick={() => chain().toggleUnderline().run()} />
        <span className="rte-sep" />
        <Tool label={r.orderedList} icon={<OrderedListOutlined />} active={state.ordered} disabled={off} onClick={() => chain().toggleOrderedList().run()} />
        <Tool label={r.bulletList} icon={<UnorderedListOutlined />} active={state.bullet} disabled={off} onClick={() => chain().toggleBulletList().run()} />
        <Tool label={r.alignLeft} icon={<AlignLeftOutlined />} active={state.left} disabled={off} onClick={() => chain().setTextAlign('left').run()} />
        <Tool label={r.alignCenter} icon={<AlignCenterOutlined />} active={state.center} disabled={off} onClick={() => chain().setTextAlign('center').run()} />
        <Tool label={r.alignRight} icon={<AlignRightOutlined />} active={state.right} disabled={off} onClick={() => chain().setTextAlign('right').run()} />
        <span className="rte-sep" />
        <Tool label={r.insertTable} icon={<TableOutlined />} disabled={off} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()} />
        <Dropdown disabled={off || !state.inTable} trigger={['click']} menu={{ items: tableItems.map(({ key, label, danger }) => ({ key, label, danger })), onClick: ({ key }) => tableItems.find((i) => i.key === key)?.run() }}>
          <Button size="small" type="text" disabled={off || !state.inTable} onMouseDown={(e) => e.preventDefault()}>
            {r.tableMenu} <DownOutlined />
          </Button>
        </Dropdown>
        <Tool label={r.insertImage} icon={<PictureOutlined />} disabled={off} onClick={() => fileInput.current?.click()} />
        <Tool
          label={r.link}
          icon={<LinkOutlined />}
          active={state.link}
          disabled={off}
          onClick={() => {
            linkForm.setFieldsValue({ url: (editor.getAttributes('link').href as string | undefined) ?? 'https://' });
            setLinkOpen(true);
          }}
        />
        <Dropdown
          disabled={off}
          trigger={['click']}
          menu={{
            items: attachments.length ? attachments.map((a) => ({ key: a.id, label: a.name, icon: <PaperClipOutlined /> })) : [{ key: '', label: r.noAttachments, disabled: true }],
            onClick: ({ key }) => {
              const a = attachments.find((x) => x.id === key);
              if (!a) return;
              const href = `/api/files/${a.id}`;
              if (editor.state.selection.empty) chain().insertContent({ type: 'text', text: a.name, marks: [{ type: 'link', attrs: { href } }] }).run();
              else chain().setLink({ href }).run();
            },
          }}
        >
          <Button size="small" type="text" icon={<PaperClipOutlined />} disabled={off} onMouseDown={(e) => e.preventDefault()}>
            {r.linkAttachment}
          </Button>
        </Dropdown>
        <Tool label={r.unlink} icon={<DisconnectOutlined />} disabled={off || !state.link} onClick={() => chain().unsetLink().run()} />
        <span className="rte-sep" />
        <Tool label={r.clear} icon={<ClearOutlined />} disabled={off} onClick={() => chain().unsetAllMarks().clearNodes().run()} />
        <Tool label={r.undo} icon={<UndoOutlined />} disabled={off || !state.canUndo} onClick={() => chain().undo().run()} />
        <Tool label={r.redo} icon={<RedoOutlined />} disabled={off || !state.canRedo} onClick={() => chain().redo().run()} />
        <input
          ref={fileInput}
          type="file"
          accept={IMAGE_TYPES.join(',')}
          multiple
          style={{ display: 'none' }}
          aria-label={r.insertImage}
          onChange={(e) => {
            uploadRef.current(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
      </div>
      <EditorContent editor={editor} />
      <Modal open={linkOpen} title={r.linkTitle} onOk={() => linkForm.submit()} onCancel={() => setLinkOpen(false)} destroyOnHidden>
        <Form
          form={linkForm}
          layout="vertical"
          onFinish={({ url }) => {
            const href = url.trim();
            if (editor.state.selection.empty && !state.link) chain().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
            else chain().extendMarkRange('link').setLink({ href }).run();
            setLinkOpen(false);
          }}
        >
          <Form.Item name="url" label={r.linkUrl} extra={r.linkUrlHelp} rules={[{ required: true, pattern: /^(https?:\/\/|mailto:)\S+$/, message: r.linkUrlInvalid }]}>
            <Input maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
