import createClient from 'openapi-fetch';
import type { components, paths } from './api-schema.d.ts';

/**
 * The one way the admin app talks to the API: the client generated from the server's OpenAPI
 * document, JSON in and out, the session cookie sent same-origin, the CSRF token on every state
 * change, and error bodies turned into ApiError carrying the server's stable code and its Chinese message.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ValidationIssue {
  path: string;
  message: string;
}

let csrfToken: string | null = null;
type Listener = (err: ApiError) => void;
const authListeners = new Set<Listener>();

/** Set from /api/auth/login and /api/auth/me; sent as x-csrf-token on every non-GET request. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when a request finds the session gone (401) or blocked by a forced password change. */
export function onAuthProblem(listener: Listener): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

/** Query values the server reads: empty ones are left out, as a form with a blank field would. */
function serializeQuery(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  return params.toString();
}

/**
 * The typed client generated from the server's OpenAPI document (api-schema.d.ts, `npm run gen:api`):
 * paths, parameters, bodies and answers are checked against the server's own schemas. Use it through
 * `call`, which turns the answer into its data or an ApiError.
 */
export const client = createClient<paths>({ baseUrl: '', credentials: 'same-origin', headers: { accept: 'application/json' }, querySerializer: serializeQuery });
client.use({
  onRequest({ request }) {
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
});

type Answer<D> = { data?: D; error?: unknown; response: Response };

/** The data of a successful answer; otherwise an ApiError with the server's code and Chinese message. */
export async function call<D>(pending: Promise<Answer<D>>): Promise<Exclude<D, undefined>> {
  let answer: Answer<D>;
  try {
    answer = await pending;
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器，请检查网络后重试');
  }
  const { data, error, response } = answer;
  if (!response.ok) {
    const e = (error as { error?: { code?: string; message?: string; details?: unknown } } | null | undefined)?.error;
    const err = new ApiError(response.status, e?.code ?? 'http_error', e?.message ?? `请求失败（${response.status}）`, e?.details);
    if (response.status === 401 || err.code === 'password_change_required') for (const l of authListeners) l(err);
    throw err;
  }
  return (data ?? null) as Exclude<D, undefined>;
}

/** multipart/form-data (file uploads): the typed client sends a FormData body as it is. */
export const asForm = (form: FormData) => ({ body: form as never, bodySerializer: (b: unknown) => b as FormData });

/**
 * The message to show a person for any thrown value. A validation error's own message begins with
 * the request's raw path (`body.code：…`, for API clients); a person reads the problems' words only.
 */
export function errorMessage(err: unknown): string {
  const issues = validationIssues(err);
  if (issues.length) return describeIssues(issues);
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return '操作失败，请稍后重试';
}

/** Field-level problems of a validation_failed error, if the server sent them. */
export function validationIssues(err: unknown): ValidationIssue[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return [];
  return (err.details as unknown[]).filter(
    (d): d is ValidationIssue => typeof d === 'object' && d !== null && 'message' in d && 'path' in d,
  );
}

/** Problems in one line, without their paths: the first one's words, and how many more there are. */
export function describeIssues(issues: ValidationIssue[]): string {
  return `${issues[0].message}${issues.length > 1 ? `（另有 ${issues.length - 1} 处问题）` : ''}`;
}

// ---- names for the server's shapes, taken from the generated document (never written by hand) ----

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Success<R> = R extends { 200: infer A } ? JsonOf<A> : R extends { 201: infer B } ? JsonOf<B> : never;

/** What a route answers on success, e.g. `ApiData<'/api/plans/{id}', 'get'>`. */
export type ApiData<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends { responses: infer R } ? Success<R> : never;
/** The JSON body a route takes. */
export type ApiBody<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
/** A schema the server names (components.schemas), e.g. `Schema<'Plan'>`. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];
/** The query parameters a route takes. */
export type ApiQuery<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
