export * from './platform.ts';
export * from './plans.ts';
export * from './catalog.ts';
export * from './requests.ts';
export * from './qa.ts';
