export * from './platform.ts';
export * from './plans.ts';
export * from './catalog.ts';
export * from './requests.ts';
export * from './reports.ts';
export * from './opinion.ts';
export * from './intake.ts';
export * from './mailbox.ts';
