import type { Config } from '../config.ts';

/** The settings that name the district and its city. */
export type SiteNames = Pick<Config, 'CITY_NAME' | 'DISTRICT_NAME'>;

/** 重庆市渝中区人民政府: the district government, whose office runs the site and which reviews its departments' acts. */
export const districtGovernment = (s: SiteNames) => `${s.CITY_NAME}${s.DISTRICT_NAME}人民政府`;

/** 重庆市人民政府: the government one level up, which reviews the district government's own acts. */
export const cityGovernment = (s: SiteNames) => `${s.CITY_NAME}人民政府`;
