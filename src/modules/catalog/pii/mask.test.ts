import { describe, expect, it } from 'vitest';
import { DEFAULT_MASK_CONFIG } from './index.ts';
import { addressKeptPrefix, maskValue, resolveMaskConfig } from './mask.ts';

const cfg = resolveMaskConfig();

describe('mask settings', () => {
  it('has the defaults of ogi-rules §5 and cannot be changed in place', () => {
    expect(DEFAULT_MASK_CONFIG).toMatchObject({ idCardKeepStart: 6, idCardKeepEnd: 4, mobileKeepStart: 3, mobileKeepEnd: 4, bankCardKeepEnd: 4 });
    expect(Object.isFrozen(DEFAULT_MASK_CONFIG)).toBe(true);
  });

  it('merges a partial override over the defaults', () => {
    const c = resolveMaskConfig({ bankCardKeepEnd: 6 });
    expect(c.bankCardKeepEnd).toBe(6);
    expect(c.idCardKeepStart).toBe(6);
    expect(maskValue('bank_card', '6217000012345670', c)).toBe('**********345670');
  });
});

describe('maskValue', () => {
  it('keeps the length of IDs and the grouping of cards', () => {
    expect(maskValue('id_card', '500103199001011232', cfg)).toBe('500103********1232');
    expect(maskValue('bank_card', '6222 0212 3456 7890', cfg)).toBe('**** **** **** 7890');
  });

  it('keeps the surname, compound ones included', () => {
    expect(maskValue('person_name', '张三', cfg)).toBe('张某');
    expect(maskValue('person_name', '王小明', cfg)).toBe('王某某');
    expect(maskValue('person_name', '欧阳娜娜', cfg)).toBe('欧阳某某');
    expect(maskValue('person_name', '司马光', cfg)).toBe('司马某');
    expect(maskValue('person_name', '欧阳', cfg)).toBe('欧某'); // two characters: single surname 欧
  });

  it('masks e-mail, passport and plate as configured', () => {
    expect(maskValue('email', 'zhangsan@163.com', cfg)).toBe('z***@163.com');
    expect(maskValue('passport', 'E12345678', cfg)).toBe('E******78');
    expect(maskValue('plate', '渝A·12345', cfg)).toBe('渝A***5');
    expect(maskValue('plate', '渝AD12345', cfg)).toBe('渝A***5');
  });
});

describe('addressKeptPrefix', () => {
  it.each([
    ['重庆市渝中区七星岗街道中山一路123号2单元', '重庆市渝中区七星岗街道'],
    ['重庆市渝北区两路镇双龙大道1号3栋', '重庆市渝北区两路镇'],
    ['綦江区古南镇石佛村3组15号', '綦江区古南镇'],
    ['渝中区民族路18号2栋', '渝中区'],
    ['两江新区金渝大道1号3栋', '两江新区'],
    ['渝中区镇江路1号3栋', '渝中区'], // 镇 starting a road name is no township
    ['龙湖小区3栋2单元', ''], // 小区 is no district
    ['民族路18号2栋', ''],
  ])('%s → %s', (address, kept) => {
    expect(addressKeptPrefix(address, 'street')).toBe(kept);
  });

  it('stops at the district when set to district, and keeps nothing when set to none', () => {
    expect(addressKeptPrefix('重庆市渝中区七星岗街道中山一路1号', 'district')).toBe('重庆市渝中区');
    expect(addressKeptPrefix('重庆市渝中区七星岗街道中山一路1号', 'none')).toBe('');
  });
});
