import { fail, ok, type Result } from '../../domain/result';
import type { Case } from '../../domain/workflow';
import type { ApplicationRecord } from '../records/application-record';
import type { Directory } from '../records/directory';
import type { ApprovalDeps } from './deps';

export type CaseError = { code: 'not_found'; id: string } | { code: 'no_directory' };

/** An application with the directory to judge its actors by. */
export async function loadCase(deps: ApprovalDeps, id: string): Promise<Result<{ record: ApplicationRecord; directory: Directory }, CaseError>> {
  const record = await deps.store.applications.get(id);
  if (!record) return fail({ code: 'not_found', id });
  const directory = await deps.store.directory.get();
  if (!directory) return fail({ code: 'no_directory' });
  return ok({ record, directory });
}

/** The workflow's view of a record. */
export const caseOf = (record: ApplicationRecord): Case => ({
  applicant: record.input.applicant, state: record.state, revision: record.revision, steps: record.steps, fulfillment: record.fulfillment,
});

/** The record with a case's new state merged in. */
export const withCase = (record: ApplicationRecord, c: Case, at: Date): ApplicationRecord => ({
  ...record, state: c.state, revision: c.revision, steps: c.steps, fulfillment: c.fulfillment, updatedAt: at.toISOString(),
});
