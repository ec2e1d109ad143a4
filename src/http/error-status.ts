import type { ErrorKind } from '../platform/errors.ts';

/** The edge's one mapping from a domain error's kind to its HTTP status. */
export const HTTP_STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};
