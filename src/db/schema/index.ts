export * from './platform.ts';
export * from './plans.ts';
