import { fail, ok, type Result } from '../../domain/result';
import type { Actor, Case } from '../../domain/workflow';
import type { ApplicationRecord } from '../records/application-record';
import { auditEntry } from '../records/audit';
import type { Directory } from '../records/directory';
import type { ApprovalDeps } from './deps';
import { actorOf } from './people';

export type CaseError = { code: 'not_found'; id: string } | { code: 'no_directory' };

/** An application with the directory to judge its actors by. */
export async function loadCase(
  deps: Pick<ApprovalDeps, 'store'>,
  id: string,
): Promise<Result<{ record: ApplicationRecord; directory: Directory }, CaseError>> {
  const [record, directory] = await Promise.all([deps.store.applications.get(id), deps.store.directory.get()]);
  if (!record) return fail({ code: 'not_found', id });
  if (!directory) return fail({ code: 'no_directory' });
  return ok({ record, directory });
}

/**
 * An application with the acting person as the directory knows them. A number no application has is
 * audited as `refused.not_found` under that number (a mistyped number, or someone probing for plans).
 */
export async function loadCaseFor(
  deps: Pick<ApprovalDeps, 'store' | 'clock'>,
  id: string,
  actor: string,
): Promise<Result<{ record: ApplicationRecord; directory: Directory; actor: Actor }, CaseError>> {
  const loaded = await loadCase(deps, id);
  if (!loaded.ok && loaded.error.code === 'not_found')
    await deps.store.audit.append([auditEntry(deps.clock.now(), actor, 'refused.not_found', id, null, null)]);
  return loaded.ok ? ok({ ...loaded.value, actor: actorOf(loaded.value.directory, actor) }) : loaded;
}

/** The workflow's view of a record. */
export const caseOf = (record: ApplicationRecord): Case => ({
  applicant: record.input.applicant,
  state: record.state,
  revision: record.revision,
  steps: record.steps,
  fulfillment: record.fulfillment,
  evaluationDue: record.evaluationDue,
  endsEarly: record.endsEarly ?? null,
  questions: record.questions,
});

/** The record with a case's new state merged in. */
export const withCase = (record: ApplicationRecord, c: Case): ApplicationRecord => ({
  ...record,
  state: c.state,
  revision: c.revision,
  steps: c.steps,
  fulfillment: c.fulfillment,
  evaluationDue: c.evaluationDue,
  endsEarly: c.endsEarly ?? null,
  questions: c.questions,
});
