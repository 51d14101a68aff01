import { ok, type Result } from '../../domain/result';
import type { ApprovalDeps } from '../common/deps';
import { loadCaseFor } from '../common/load-case';
import { actorOf } from '../common/people';
import type { ApplicationRecord } from '../records/application-record';
import { auditEntry } from '../records/audit';
import type { Refusal } from '../records/refusal';
import { cardModel, maySee, namesFor, type CardModel } from '../common/card-model';

/** A list of applications with the names its rows show (applicants, the approvers they wait on). */
export interface ListModel {
  records: ApplicationRecord[];
  names: Record<string, string>;
  /** When it was read (ISO 8601), by PlanDesk's clock. */
  asOf: string;
}

async function listModel(
  deps: Pick<ApprovalDeps, 'store' | 'clock'>,
  records: ApplicationRecord[],
): Promise<ListModel> {
  return {
    records,
    names: namesFor(records, await deps.store.directory.get()),
    asOf: deps.clock.now().toISOString(),
  };
}

/** An applicant's own applications, newest first. */
export async function myApplications(deps: ApprovalDeps, actor: string): Promise<ListModel> {
  return listModel(deps, (await deps.store.applications.list({ applicant: actor })).reverse());
}

/**
 * What waits on a person, oldest first: steps where they are the named approver or delegate, and,
 * for support handlers, approved plans still to be carried out.
 */
export async function pendingFor(deps: ApprovalDeps, actor: string): Promise<ListModel> {
  const directory = await deps.store.directory.get();
  const isHandler = directory ? actorOf(directory, actor).roles.includes('support_handler') : false;
  const all = await deps.store.applications.list();
  return listModel(
    deps,
    all.filter(
      (r) =>
        (r.state === 'in_review' &&
          r.steps.some((s) => s.status === 'pending' && (s.assignee === actor || s.delegate === actor))) ||
        (isHandler && r.state === 'in_fulfillment'),
    ),
  );
}

/**
 * An application as a person may see it now; every view is audited, and one the person may not see
 * (SPEC §7) is audited as refused and comes as its status only (`detailed: false`).
 */
export async function viewApplication(
  deps: ApprovalDeps,
  id: string,
  viewer: string,
): Promise<Result<CardModel, Refusal>> {
  const loaded = await loadCaseFor(deps, id, viewer);
  if (!loaded.ok) return loaded;
  const { record, actor } = loaded.value;
  const allowed = maySee(record, actor);
  await deps.store.audit.append([
    auditEntry(deps.clock.now(), viewer, allowed ? 'view' : 'refused.view', id, null, null),
  ]);
  return ok(await cardModel(deps, record, viewer));
}
