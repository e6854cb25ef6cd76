import type { Role } from '../offices/roles.ts';

/**
 * Who may use a route. Every route declares one in its `config.access`; the app refuses to start with
 * a route that has none, and one hook (src/web/app.ts) enforces it.
 */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'signed_in' }
  | { readonly kind: 'roles'; readonly roles: readonly Role[] };

export const PUBLIC: Access = { kind: 'public' };
export const SIGNED_IN: Access = { kind: 'signed_in' };
export const roles = (...list: Role[]): Access => ({ kind: 'roles', roles: list });

export interface Principal {
  readonly roles: readonly Role[];
}

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden';

/** Pure: the one place that decides whether a principal may use a route. System admins may do anything. */
export function decideAccess(access: Access, principal: Principal | undefined): AccessDecision {
  if (access.kind === 'public') return 'allow';
  if (!principal) return 'unauthenticated';
  if (access.kind === 'signed_in') return 'allow';
  if (principal.roles.includes('system_admin')) return 'allow';
  return access.roles.some((r) => principal.roles.includes(r)) ? 'allow' : 'forbidden';
}
