import { describe, expect, it } from 'vitest';
import { remediesFor } from './generate-letter.ts';

describe('the remedies sentence of a letter (行政复议法 第二十四条)', () => {
  const site = { CITY_NAME: '重庆市', DISTRICT_NAME: '渝中区' };

  it('sends a department’s or a 街道’s applicant to the district government', () => {
    for (const kind of ['department', 'street', 'committee', 'center']) {
      expect(remediesFor(kind, site)).toBe('如对本答复不服，可以自收到本答复之日起60日内向重庆市渝中区人民政府申请行政复议，或者自收到本答复之日起6个月内向人民法院提起行政诉讼。');
    }
  });

  it('sends the district government’s own applicant to the city government', () => {
    expect(remediesFor('region', site)).toContain('60日内向重庆市人民政府申请行政复议');
  });

  it('names the district and city of the settings, not the demo’s', () => {
    expect(remediesFor('department', { CITY_NAME: '成都市', DISTRICT_NAME: '锦江区' })).toContain('向成都市锦江区人民政府申请行政复议');
  });
});
