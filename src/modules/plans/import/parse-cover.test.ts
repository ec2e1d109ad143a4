import { describe, expect, it } from 'vitest';
import { parseCover } from './parse-cover.ts';

describe('parseCover', () => {
  it('reads a notice with a document number, a signature and a date in Chinese numerals', () => {
    const cover = [
      '重庆市渝中区人民政府办公室',
      '渝中府办发〔2022〕18号',
      '关于印发《渝中区2022年政务公开工作要点任务分工》的通知',
      '各部门：',
      '现将《任务分工》印发你们（参照渝府办发〔2022〕50号），请认真贯彻落实。',
      '重庆市渝中区人民政府办公室',
      '二〇二二年五月二十日',
    ].join('\n');
    expect(parseCover(cover)).toEqual({
      title: '渝中区2022年政务公开工作要点任务分工',
      issuer: '重庆市渝中区人民政府办公室',
      issueDate: '2022-05-20',
      docNumber: '渝中府办发〔2022〕18号',
      titleYear: 2022,
    });
  });

  it('prefers the table caption and skips export noise', () => {
    const cover = '[bookmark: _GoBack]\n（此件公开发布）\n\n大渡口区2021年政务公开工作要点责任分工\n';
    expect(parseCover(cover)).toMatchObject({ title: '大渡口区2021年政务公开工作要点责任分工', titleYear: 2021, issuer: null });
  });

  it('finds nothing in an empty cover', () => {
    expect(parseCover('')).toEqual({ title: null, issuer: null, issueDate: null, docNumber: null, titleYear: null });
  });
});
