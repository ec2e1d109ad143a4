import { describe, expect, it } from 'vitest';
import { bodyText, sanitizeBody } from './document-content.ts';
import { publicBodyHtml } from './body-files.ts';

const FILE = '3f2b1c9a-0d4e-4a51-9b7c-2e6f8a1d5c30';

// What Word (and WPS, which copies its markup) puts on the clipboard for a table with merged cells.
const WORD_TABLE = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style></head><body lang=ZH-CN>
<!--StartFragment--><h1 class=MsoTitle>重点任务完成情况</h1>
<p class=MsoNormal style='text-indent:2em;mso-char-indent-count:2.0'><span style='font-family:仿宋_GB2312;mso-bidi-font-family:宋体'>现将有关情况报告如下：<o:p></o:p></span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 width=568 style='width:426.1pt;border-collapse:collapse;mso-yfti-tbllook:1184'>
<caption>表1 各单位完成情况</caption>
<tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'><td width=142 rowspan=2 valign=top style='width:106.5pt;border:solid windowtext 1.0pt'><p class=MsoNormal align=center style='text-align:center'><b>单位<o:p></o:p></b></p></td><td colspan=2 style='border:solid windowtext 1.0pt'><p class=MsoNormal>任务<o:p></o:p></p></td></tr>
<tr><td>已完成</td><td>推进中</td></tr>
<tr><td>区发展改革委</td><td>12</td><td colspan=0>3</td></tr>
</table>
<![if !supportLists]><span>1.</span><![endif]><p>第一条</p><!--EndFragment--></body></html>`;

describe('sanitizeBody: the one authority on a document body', () => {
  const clean = sanitizeBody(WORD_TABLE);

  it('keeps a Word table with its caption and merged cells, without Word’s classes, widths and mso styles', () => {
    expect(clean).toContain('<caption>表1 各单位完成情况</caption>');
    expect(clean).toContain('<td rowspan="2">');
    expect(clean).toContain('<td colspan="2">');
    expect(clean).not.toMatch(/mso|MsoNormal|class=|width|<o:p|border/);
    // colspan="0" is not a span a browser honours the same everywhere: dropped.
    expect(clean).toContain('<td>3</td>');
    expect(clean).not.toMatch(/StartFragment|<!--|supportLists|<style/);
  });

  it('keeps alignment and first-line indent; Word’s h1 becomes h2 (the page’s h1 is the title)', () => {
    expect(clean).toContain('<h2>重点任务完成情况</h2>');
    expect(clean).toContain('<p style="text-indent:2em">');
    expect(clean).toContain('<p style="text-align:center">');
    expect(bodyText(clean)).toContain('区发展改革委');
  });

  it('keeps header cells with a known scope and numbered lists with their start', () => {
    const out = sanitizeBody('<table><thead><tr><th scope="col" colspan="2">项目</th><th scope="evil">x</th></tr></thead><tbody><tr><th scope="row">一</th><td>1</td></tr></tbody><tfoot><tr><td>合计</td></tr></tfoot></table><ol start="3" type="a"><li>三</li></ol>');
    expect(out).toContain('<th scope="col" colspan="2">项目</th>');
    expect(out).toContain('<th>x</th>');
    expect(out).toContain('<th scope="row">一</th>');
    expect(out).toContain('<tfoot>');
    expect(out).toContain('<ol start="3" type="a">');
  });

  it('keeps images of our file store only; data:, file:/// and other sites’ images go', () => {
    const out = sanitizeBody(
      `<p><img src="/api/files/${FILE}" alt="示意图" width="300"><img src="https://evil.example/track.png"><img src="data:image/png;base64,AAAA"><img src="file:///C:/Users/a/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png"><img src="/api/files/${FILE}/../x"></p>`,
    );
    expect(out).toBe(`<p><img src="/api/files/${FILE}" alt="示意图" width="300" /></p>`);
  });

  it('keeps links to attachments and web pages, with rel; script links go', () => {
    const out = sanitizeBody(`<p><a href="/api/files/${FILE}">附件1</a> <a href="https://www.cq.gov.cn/">市政府</a> <a href="javascript:alert(1)">x</a></p>`);
    expect(out).toContain(`<a href="/api/files/${FILE}" rel="noopener noreferrer">附件1</a>`);
    expect(out).toContain('<a href="https://www.cq.gov.cn/" rel="noopener noreferrer">市政府</a>');
    expect(out).not.toContain('javascript');
  });
});

describe('publicBodyHtml: a body as the portal shows it', () => {
  const DOC = '11111111-2222-4333-8444-555555555555';

  it('points file addresses at the document’s public files', () => {
    const out = publicBodyHtml(sanitizeBody(`<p><img src="/api/files/${FILE}" alt="图"><a href="/api/files/${FILE}">附件</a></p>`), DOC);
    expect(out).toContain(`src="/doc/${DOC}/files/${FILE}"`);
    expect(out).toContain(`href="/doc/${DOC}/files/${FILE}"`);
    expect(out).not.toContain('/api/files');
  });

  it('puts each table in a labelled region that scrolls sideways, and gives header cells a scope', () => {
    const out = publicBodyHtml(sanitizeBody(WORD_TABLE + '<table><tr><th>项目</th><th>数量</th></tr><tr><th>一</th><td>1</td></tr></table>'), DOC);
    expect(out).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="表1 各单位完成情况（可左右滑动查看）"><table>\n<caption>');
    expect(out).toContain('aria-label="表格2（可左右滑动查看）"');
    expect(out).toContain('<th scope="col">项目</th>');
    expect(out).toContain('<th scope="row">一</th>');
    expect(out.match(/<\/table><\/div>/g)).toHaveLength(2);
  });
});
