import { describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS, MAX_BODY_DEPTH, MAX_BODY_NODES, checkBodyBounds } from './check-body-bounds.ts';

const codeOf = (html: string) => {
  try {
    checkBodyBounds(html);
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('document body bounds, checked before sanitising', () => {
  it('counts depth as the sanitiser parses: implied closes and void elements do not nest', () => {
    expect(codeOf('<div>'.repeat(MAX_BODY_DEPTH) + 'x')).toBe('ok');
    expect(codeOf('<div>'.repeat(MAX_BODY_DEPTH + 1))).toBe('body_too_deep');
    expect(codeOf('<span>'.repeat(MAX_BODY_DEPTH + 1))).toBe('body_too_deep');
    // <p> closes the open <p>, <br> and <img> close themselves: 10 000 of them stay one level deep.
    expect(codeOf('<p>段落'.repeat(10_000) + '<br><img src="a.png">'.repeat(10_000))).toBe('ok');
    expect(codeOf(('<div>'.repeat(99) + 'x' + '</div>'.repeat(99)).repeat(100))).toBe('ok');
  });

  it('refuses too many nodes and too many characters, stopping early', () => {
    expect(codeOf('<br>'.repeat(MAX_BODY_NODES + 1))).toBe('body_too_complex');
    expect(codeOf('<'.repeat(MAX_BODY_NODES + 1))).toBe('body_too_complex');
    expect(codeOf('字'.repeat(MAX_BODY_CHARS + 1))).toBe('body_too_large');
    // One element with more attributes, or a body of comments, costs the sanitiser as much as many nodes.
    expect(codeOf(`<p ${Array.from({ length: MAX_BODY_NODES + 1 }, (_, i) => `a${i}`).join(' ')}>x</p>`)).toBe('body_too_complex');
    expect(codeOf('<!---->'.repeat(MAX_BODY_NODES + 1))).toBe('body_too_complex');
    const t = performance.now();
    expect(codeOf('<div>'.repeat(150_000) + '</div>'.repeat(150_000))).toBe('body_too_deep');
    expect(performance.now() - t).toBeLessThan(200);
  });
});
