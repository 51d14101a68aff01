import { fail } from '../../domain/result';
import { auditEntry } from '../records/audit';
import type { Refusal } from '../records/refusal';
import type { ApprovalDeps } from './deps';

/**
 * A refused act, audited as `refused.<code>` with what was attempted (SPEC §7: every refusal is on
 * the record), and returned as the failure value the caller answers with.
 */
export async function refused<R extends Refusal>(
  deps: Pick<ApprovalDeps, 'store'>,
  now: Date,
  actor: string,
  subject: string,
  refusal: R,
  attempted: unknown,
) {
  await deps.store.audit.append([auditEntry(now, actor, `refused.${refusal.code}`, subject, null, attempted)]);
  return fail(refusal);
}
