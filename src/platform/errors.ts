/**
 * The one error type domain code throws. Codes are stable (clients and tests rely on them);
 * messages are Chinese, for people. The HTTP status is chosen at the edge from the kind.
 */
export type ErrorKind =
  | 'invalid' // bad input
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict' // duplicate, wrong state
  | 'locked'
  | 'too_large'
  | 'rate_limited'
  | 'unavailable';

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (code: string, message: string, details?: unknown) =>
  new AppError('invalid', code, message, details);
export const notFound = (code: string, message: string) => new AppError('not_found', code, message);
export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError('conflict', code, message, details);
export const forbidden = (message = '您没有执行此操作的权限') =>
  new AppError('forbidden', 'forbidden', message);
/** The role may do this, but not for this unit: kept apart from `forbidden` so callers can tell. */
export const outOfScope = (message: string) => new AppError('forbidden', 'out_of_scope', message);
export const unauthenticated = (message = '请先登录') =>
  new AppError('unauthenticated', 'unauthenticated', message);
