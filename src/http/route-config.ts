import type { Permission } from '../platform/policy.ts';

/** Who may call a route: a permission of the policy, any signed-in user, or anyone. */
export type RouteAccess = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Reachable while the user still has to change a one-time password. */
    duringPasswordChange?: boolean;
  }
}
