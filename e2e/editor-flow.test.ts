import zlib from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './browser-path.ts';
import { documentAttachments, documents } from '../src/db/schema/index.ts';
import type { ApiClient } from '../src/testing/test-app.ts';
import { chooseOption, DESKTOP, PHONE, UI_POLL, noSideScroll, screenshot, seriousA11yViolations, signIn, startHarness, type Harness } from './harness.ts';

/** A real 240×120 PNG (three bars), so the screenshots show the picture where it stands. */
function barChartPng(): Buffer {
  const [w, hgt] = [240, 120];
  const rows: Buffer[] = [];
  for (let y = 0; y < hgt; y++) {
    const row = Buffer.alloc(1 + w * 3, 0xff);
    row[0] = 0;
    for (let x = 0; x < w; x++) {
      const bar = [[20, 40], [100, 70], [180, 100]].find(([x0]) => x >= x0 && x < x0 + 40);
      if (bar && y >= hgt - bar[1]) row.set([0xa4, 0x16, 0x1a], 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(hgt, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Writing a document the way editors write, in a real browser: an editor starts 新建文件 from the top
 * of the document list (the column chosen in the dialog), pastes a table from Word (mso classes,
 * conditional comments, merged cells), inserts a picture (uploaded into the file store), saves and
 * sends it up; the review chain publishes it; the portal shows the table, in a labelled region that
 * scrolls sideways on a phone, and the picture. Screenshots at 1366 and 390 px.
 */
describe.skipIf(browserSkipReason() !== null)('the rich-text editor, from a Word paste to the portal', () => {
  let h: Harness;
  let editor: ApiClient & { actor: { username: string } };
  let reviewers: ApiClient[] = [];
  let docId = '';
  const TITLE = '渝中区2021年重点民生实事第二季度进展情况';

  // A fragment as Word 2016 puts it on the clipboard (WPS writes the same Mso markup).
  const WORD = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; text-align:justify; font-size:10.5pt; font-family:等线;} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'><!--StartFragment-->
<h1 class=MsoTitle align=center style='text-align:center'><span style='font-family:方正小标宋简体'>二季度进展情况<o:p></o:p></span></h1>
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>截至6月底，10件重点民生实事总体进展顺利，具体情况如下：<o:p></o:p></span></p>
<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>一、<span style='font:7.0pt "Times New Roman"'>&nbsp;</span></span><![endif]><span style='font-family:黑体'>总体进展<o:p></o:p></span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 width=553 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=138 rowspan=2 style='width:103.7pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'><b><span style='font-family:黑体'>实事项目<o:p></o:p></span></b></p></td>
  <td width=277 colspan=2 style='width:207.4pt;border:solid windowtext 1.0pt;border-left:none'><p class=MsoNormal align=center style='text-align:center'><b><span style='font-family:黑体'>完成情况<o:p></o:p></span></b></p></td>
  <td width=138 rowspan=2 style='width:103.7pt;border:solid windowtext 1.0pt;border-left:none'><p class=MsoNormal align=center style='text-align:center'><b><span style='font-family:黑体'>责任单位<o:p></o:p></span></b></p></td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td width=138 style='border-top:none'><p class=MsoNormal align=center style='text-align:center'><b>年度目标<o:p></o:p></b></p></td>
  <td width=138 style='border-top:none'><p class=MsoNormal align=center style='text-align:center'><b>已完成<o:p></o:p></b></p></td>
 </tr>
 <tr style='mso-yfti-irow:2'>
  <td><p class=MsoNormal>老旧小区改造<o:p></o:p></p></td><td><p class=MsoNormal align=center style='text-align:center'>32个<o:p></o:p></p></td><td><p class=MsoNormal align=center style='text-align:center'>18个<o:p></o:p></p></td><td><p class=MsoNormal>区住房城乡建委<o:p></o:p></p></td>
 </tr>
 <tr style='mso-yfti-irow:3;mso-yfti-lastrow:yes'>
  <td><p class=MsoNormal>新增公共停车位<o:p></o:p></p></td><td><p class=MsoNormal align=center style='text-align:center'>2000个<o:p></o:p></p></td><td><p class=MsoNormal align=center style='text-align:center'>1260个<o:p></o:p></p></td><td><p class=MsoNormal>区城市管理局<o:p></o:p></p></td>
 </tr>
</table>
<p class=MsoNormal><span lang=EN-US><!--[if gte vml 1]><v:shape id="图片_x0020_1" type="#_x0000_t75" style='width:200pt;height:100pt'><v:imagedata src="file:///C:/Users/ADMINI~1/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" o:title=""/></v:shape><![endif]--><![if !vml]><img width=267 height=133 src="file:///C:/Users/ADMINI~1/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png" v:shapes="图片_x0020_1"><![endif]></span></p>
<!--EndFragment--></body></html>`;

  const PNG = barChartPng();

  beforeAll(async () => {
    h = await startHarness();
    editor = await h.t.userWith(['editor']);
    reviewers = [await h.t.userWith(['reviewer']), await h.t.userWith(['reviewer']), await h.t.userWith(['approver'])];
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an editor starts 新建文件 from the list, pastes a Word table, inserts a picture, saves and sends it up', async () => {
    const page = await h.openPage(DESKTOP);
    await signIn(page, editor.actor.username);
    await page.goto('/admin/catalog/documents');
    const list = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '文件列表' }) });
    await list.getByRole('button', { name: /新建文件/ }).click();
    const dialog = page.getByRole('dialog', { name: '新建文件' });
    await chooseOption(dialog.getByLabel('发布到栏目'), /^通知公告$/, '通知公告');
    await dialog.getByRole('button', { name: '开始编写' }).click();
    await page.waitForURL('**/admin/catalog/documents/new?columnId=*');
    await page.getByRole('heading', { level: 1, name: '新建文件' }).waitFor();
    await page.locator('.ant-select').filter({ hasText: '通知公告' }).first().waitFor();

    await page.getByLabel('标题').fill(TITLE);
    const body = page.getByRole('textbox', { name: '正文' });
    await body.click();
    await body.evaluate((el, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', '二季度进展情况');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, WORD);
    // The table keeps its merged cells in the editor; Word's picture on the writer's disk is announced, not kept.
    await body.locator('td[rowspan="2"]').first().waitFor();
    await expect(body.locator('td[colspan="2"]').count()).resolves.toBe(1);
    await page.getByText('粘贴内容中有 1 张图片无法随文字一起粘贴', { exact: false }).waitFor();
    // The picture goes in through 插入图片, into the file store.
    await body.locator('p').filter({ hasText: '截至6月底' }).click();
    await page.keyboard.press('End');
    await page.locator('input[type=file][aria-label="插入图片"]').setInputFiles({ name: '进展示意图.png', mimeType: 'image/png', buffer: PNG });
    await body.locator('img[src^="/api/files/"]').waitFor();
    await screenshot(page, 'editor-word-paste-1366');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText(/已新建，索引号 .+/).waitFor();
    await page.waitForURL(/\/admin\/catalog\/documents\/[0-9a-f-]{36}$/);
    docId = page.url().split('/').pop()!;
    const [saved] = await h.t.database.db.select().from(documents).where(eq(documents.id, docId));
    expect(saved.bodyHtml).toMatch(/<td rowspan="2">\s*<p style="text-align:center"><strong>实事项目<\/strong><\/p>/);
    expect(saved.bodyHtml).toMatch(/<td colspan="2">/);
    expect(saved.bodyHtml).toContain('<h2 style="text-align:center">二季度进展情况</h2>');
    expect(saved.bodyHtml).not.toMatch(/(colspan|rowspan)="1"/);
    expect(saved.bodyHtml).not.toMatch(/mso|Mso|<o:p|file:\/\/|font-family/);
    const [img] = saved.bodyHtml.match(/\/api\/files\/[0-9a-f-]{36}/) ?? [];
    const attached = await h.t.database.db.select().from(documentAttachments).where(eq(documentAttachments.documentId, docId));
    expect(attached.map((a) => `/api/files/${a.fileId}`)).toEqual([img]);

    await page.getByRole('button', { name: /送\s?审/ }).click();
    await page.getByText('已送审').waitFor();
    // The editor shows the saved body again after the reload, table and picture included.
    await page.getByRole('textbox', { name: '正文' }).locator('td[rowspan="2"]').first().waitFor();
  }, 180_000);

  it('the review chain publishes it (初审, 复审, 终审 by three people)', async () => {
    for (const [i, r] of reviewers.entries()) {
      const res = await r.request('POST', `/api/documents/${docId}/reviews`, { decision: 'approve', ...(i === 2 && { secrecyConfirmed: true }) });
      expect(res.statusCode, res.body).toBe(200);
    }
    const [doc] = await h.t.database.db.select().from(documents).where(eq(documents.id, docId));
    expect(doc.status).toBe('published');
  });

  it('the portal shows the table with its merged cells and the picture, on a desktop and on a phone', async () => {
    for (const [size, viewport] of [
      ['1366', DESKTOP],
      ['390', PHONE],
    ] as const) {
      const page = await h.openPage(viewport);
      const res = await page.goto(`/doc/${docId}`);
      expect(res?.status()).toBe(200);
      const region = page.getByRole('region', { name: /表格1/ });
      await region.waitFor();
      await expect(region.locator('td[rowspan="2"]').first().innerText()).resolves.toBe('实事项目');
      await expect(region.locator('td[colspan="2"]').innerText()).resolves.toBe('完成情况');
      const loaded = await page.locator('.doc-body img').evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0);
      expect(loaded).toBe(true);
      // The picture is in the text, not listed again as a download.
      await expect(page.getByRole('heading', { name: '附件' }).count()).resolves.toBe(0);
      expect(await noSideScroll(page), `page scrolls sideways at ${size}`).toBeLessThanOrEqual(0);
      await region.scrollIntoViewIfNeeded();
      await screenshot(page, `editor-portal-table-${size}`, { keepScroll: true });
      expect(await seriousA11yViolations(page), `document at ${size}`).toEqual([]);
    }
  }, 180_000);

  it('on a phone: the editor, and the portal’s home and search start on the first screen', async () => {
    const page = await h.openPage(PHONE);
    await signIn(page, editor.actor.username);
    await page.goto(`/admin/catalog/documents/${docId}`);
    await page.getByRole('textbox', { name: '正文' }).locator('td[rowspan="2"]').first().waitFor();
    await page.getByRole('toolbar', { name: '正文编辑工具栏' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'editor-390', { keepScroll: true });

    const portal = await h.openPage(PHONE);
    await portal.goto('/');
    // The menu is one folded line; it opens without script.
    const menu = portal.locator('.nav-menu');
    await expect(menu.locator('summary').boundingBox().then((b) => b!.height)).resolves.toBeLessThan(60);
    await screenshot(portal, 'editor-portal-home-390');
    await menu.locator('summary').click();
    await menu.getByRole('link', { name: '政府信息公开指南', exact: true }).waitFor();
    await screenshot(portal, 'editor-portal-menu-390');

    await portal.goto(`/search?q=${encodeURIComponent('民生实事')}`);
    await expect(portal.getByRole('searchbox').count()).resolves.toBe(1);
    const first = portal.locator('.hits > li').first();
    await first.waitFor();
    await expect.poll(async () => (await first.boundingBox())!.y, UI_POLL).toBeLessThan(PHONE.height - 80);
    await screenshot(portal, 'editor-portal-search-390');
    expect(await seriousA11yViolations(portal), 'search at 390').toEqual([]);
    // On a desktop the filters stay open and the header has no second search box.
    const wide = await h.openPage(DESKTOP);
    await wide.goto(`/search?q=${encodeURIComponent('民生实事')}`);
    await expect(wide.getByLabel('栏目').isVisible()).resolves.toBe(true);
    await expect(wide.getByRole('searchbox').count()).resolves.toBe(1);
    await screenshot(wide, 'editor-portal-search-1366');
    expect(h.errors).toEqual([]);
  }, 180_000);
});
