import { describe, expect, it } from 'vitest';
import { escapeHtml, highlightHtml, highlightNeedles, snippetHtml } from './highlight.ts';

describe('search highlighting', () => {
  it('marks the whole query where it occurs, else its pairs', () => {
    const n = highlightNeedles('政务公开');
    expect(highlightHtml('推进政务公开工作', n)).toBe('推进<mark>政务公开</mark>工作');
    expect(highlightHtml('政务信息公开', n)).toBe('<mark>政务</mark>信息<mark>公开</mark>');
  });

  it('marks one character, and a document number as one piece', () => {
    expect(highlightHtml('预算与决算', highlightNeedles('算'))).toBe('预<mark>算</mark>与决<mark>算</mark>');
    expect(highlightHtml('依据渝中府办发〔2021〕12号文件', highlightNeedles('渝中府办发〔2021〕12号'))).toBe('依据<mark>渝中府办发〔2021〕12号</mark>文件');
  });

  it('matches latin case-blind and full-width forms, whole runs only', () => {
    expect(highlightHtml('公共WiFi与ｗｉｆｉ', highlightNeedles('wifi'))).toBe('公共<mark>WiFi</mark>与<mark>ｗｉｆｉ</mark>');
    expect(highlightHtml('2012年与12号', highlightNeedles('12'))).toBe('2012年与<mark>12</mark>号');
  });

  it('escapes everything outside the marks, and the marked text too', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(highlightHtml('<script>alert(1)</script>', highlightNeedles('<script>'))).toBe('<mark>&lt;script&gt;</mark>alert(1)&lt;/<mark>script</mark>&gt;');
    expect(highlightHtml('a < b', highlightNeedles('〔'))).toBe('a &lt; b');
  });

  it('cuts a snippet around the best match with ellipses', () => {
    const body = `${'前文'.repeat(60)}本次会议研究了预算编制工作。${'后文'.repeat(80)}`;
    const s = snippetHtml(body, highlightNeedles('预算编制'));
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('<mark>预算编制</mark>');
    expect(s.replace(/<\/?mark>|…/g, '').length).toBeLessThanOrEqual(110);
    // Only the title matched: the snippet is the opening of the body.
    expect(snippetHtml('正文开头。', highlightNeedles('标题词'))).toBe('正文开头。');
  });
});
