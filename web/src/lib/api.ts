/**
 * The one way the admin app talks to the API: JSON in and out, the session cookie sent
 * same-origin, the CSRF token on every state change, and error bodies turned into ApiError
 * carrying the server's stable code and its Chinese message.
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

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(url: string, query?: Query): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${url}?${s}` : url;
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData body (file uploads) sets its own multipart content type with the boundary.
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器，请检查网络后重试');
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    const err = new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? `请求失败（${res.status}）`, e?.details);
    if (res.status === 401 || err.code === 'password_change_required') for (const l of authListeners) l(err);
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T>(url: string, query?: Query) => request<T>('GET', withQuery(url, query)),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url),
  /** multipart/form-data: files and plain fields, for uploads. */
  upload: <T>(url: string, form: FormData) => request<T>('POST', url, form),
};

/** The message to show a person for any thrown value. */
export function errorMessage(err: unknown): string {
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
