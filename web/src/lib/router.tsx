import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * A tiny pushState router for the few pages of the admin app. Paths are written without the
 * /admin base (`/units`); the base is added and removed here only.
 */
export const BASE = '/admin';

const listeners = new Set<() => void>();
const subscribe = (l: () => void) => {
  listeners.add(l);
  window.addEventListener('popstate', l);
  return () => {
    listeners.delete(l);
    window.removeEventListener('popstate', l);
  };
};

function currentPath(): string {
  const p = window.location.pathname;
  const rest = p.startsWith(BASE) ? p.slice(BASE.length) : p;
  return rest === '' ? '/' : rest.replace(/\/+$/, '') || '/';
}

export const href = (path: string) => `${BASE}${path === '/' ? '/' : path}`;

export function navigate(path: string, opts: { replace?: boolean } = {}) {
  const target = href(path);
  if (target === window.location.pathname + window.location.search) return;
  if (opts.replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  for (const l of listeners) l();
}

/** The current path under /admin, re-rendering on navigation and on back/forward. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link (so open-in-new-tab works) that navigates in place on a plain click. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={href(to)} onClick={handle} {...rest} />;
}

export type RouteParams = Record<string, string>;

/** What a routed page receives: the `:name` parts of its path. */
export interface PageProps {
  params: RouteParams;
}

/**
 * Matches a path against a pattern with `:name` segments (`/plans/:id`), returning the decoded
 * parameters, or null when it does not match. Literal segments must match exactly.
 */
export function matchPath(pattern: string, path: string): RouteParams | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: RouteParams = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      try {
        params[want[i].slice(1)] = decodeURIComponent(got[i]);
      } catch {
        return null;
      }
    } else if (want[i] !== got[i]) return null;
  }
  return params;
}

/** Reads one query parameter of the current URL (tabs and filters kept in the address). */
export function searchParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

/** Replaces one query parameter without adding a history entry or re-rendering the route. */
export function replaceSearchParam(name: string, value: string | null) {
  const params = new URLSearchParams(window.location.search);
  if (value === null) params.delete(name);
  else params.set(name, value);
  const s = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${s ? `?${s}` : ''}`);
}
