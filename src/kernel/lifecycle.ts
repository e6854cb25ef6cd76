import type { Role } from '../offices/roles.ts';
import { text, type Text } from './i18n.ts';

/**
 * One step of a lifecycle table (requests, DIP editions, objections): the statuses it starts from,
 * where it leads (undefined: the status stays), who may take it, and what is said when it may not.
 */
export interface LifecycleStep<S extends string> {
  readonly from: readonly S[];
  readonly to: S | undefined;
  readonly roles: readonly Role[];
  readonly refused: Text;
}

export type StepCheck<S extends string> = { readonly ok: true; readonly to: S } | { readonly ok: false; readonly status: 403 | 409; readonly reason: Text };

/** Whether `roles` may take `step` from `status`: the role first (403), then the status (409). */
export function checkStep<S extends string>(step: LifecycleStep<S>, status: S, roles: readonly string[]): StepCheck<S> {
  if (!roles.includes('system_admin') && !step.roles.some((r) => roles.includes(r))) {
    return { ok: false, status: 403, reason: text('Peran Anda tidak mengizinkan langkah ini.', 'Your role does not allow this step.') };
  }
  if (!step.from.includes(status)) return { ok: false, status: 409, reason: step.refused };
  return { ok: true, to: step.to ?? status };
}
