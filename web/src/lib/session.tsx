import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, call, client, onAuthProblem, setCsrfToken, type ApiData } from './api.ts';

/** The signed-in user, their permissions (src/platform/policy.ts) and unread count, as /api/auth/me answers. */
export type Me = ApiData<'/api/auth/me', 'get'>;
export type Permission = Me['permissions'][number];
export type CurrentUser = Me['user'];

export type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'ready'; me: Me };

interface SessionApi {
  state: SessionState;
  signIn(username: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
  /** Re-reads /api/auth/me (user, permissions, unread count). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);
const POLL_MS = 60_000;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await call(client.GET('/api/auth/me'));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    const me = await fetchMe();
    setState(me ? { status: 'ready', me } : { status: 'anonymous' });
  }, []);

  useEffect(() => {
    refresh().catch(() => setState({ status: 'anonymous' }));
  }, [refresh]);

  // Session expired or a forced password change: re-read who we are, and the app follows.
  useEffect(
    () =>
      onAuthProblem((err) => {
        if (err.status === 401) {
          setCsrfToken(null);
          setState({ status: 'anonymous' });
        } else refresh().catch(() => undefined);
      }),
    [refresh],
  );

  // The unread badge stays current without a push channel.
  const signedIn = state.status === 'ready';
  useEffect(() => {
    if (!signedIn) return;
    const timer = window.setInterval(() => refresh().catch(() => undefined), POLL_MS);
    return () => window.clearInterval(timer);
  }, [signedIn, refresh]);

  const signIn = useCallback(async (username: string, password: string) => {
    const res = await call(client.POST('/api/auth/login', { body: { username, password } }));
    setCsrfToken(res.csrfToken);
    const me = await fetchMe();
    if (!me) throw new ApiError(401, 'unauthenticated', '登录未能保持，请检查浏览器是否允许 Cookie');
    setState({ status: 'ready', me });
    return me;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await call(client.POST('/api/auth/logout'));
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous' });
    }
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, refresh }), [state, signIn, signOut, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only for pages rendered inside the signed-in layout. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'ready') throw new Error('useMe without a session');
  return state.me;
}

/** Whether the current user holds a permission; the UI hides what they may not do. */
export function usePermission(permission: Permission): boolean {
  const { state } = useSession();
  return state.status === 'ready' && state.me.permissions.includes(permission);
}
