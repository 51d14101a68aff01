import type { ApplicationRecord } from '../../../src/app/records/application-record';
import type { Store, StoredAuditEntry } from '../../../src/app/ports/store';
import { APPLICATION_STATES } from '../../../src/domain/application-state';
import { STEP_STATUSES, type StepStatus } from '../../../src/domain/approval-step';

/*
 * What must hold of the store whatever was sent: every application in a state the workflow knows,
 * its steps and task consistent with that state; the audit trail only ever grows.
 */

const DECIDED_FOR: StepStatus[] = ['approved', 'escalated'];
const OPEN: StepStatus[] = ['pending', 'waiting'];

/** What is wrong with an application's state, steps and fulfillment task together; empty when nothing is. */
export function impossibilities(record: ApplicationRecord): string[] {
  const problems: string[] = [];
  const statuses = record.steps.map((s) => s.status);
  const say = (what: string) => problems.push(`${record.id} (${record.state}, steps ${statuses.join(',')}): ${what}`);
  if (!(APPLICATION_STATES as readonly string[]).includes(record.state)) say('unknown state');
  if (statuses.some((s) => !(STEP_STATUSES as readonly string[]).includes(s))) say('unknown step status');
  if (record.steps.length === 0) say('no steps');
  if (!(record.version >= 1 && record.revision >= 1)) say('version or revision below 1');
  const pending = statuses.filter((s) => s === 'pending').length;
  switch (record.state) {
    case 'in_review': {
      if (pending !== 1) say('in review without exactly one pending step');
      const at = statuses.indexOf('pending');
      if (statuses.slice(0, at).some((s) => !DECIDED_FOR.includes(s))) say('a step before the pending one not passed');
      if (statuses.slice(at + 1).some((s) => s !== 'waiting')) say('a step after the pending one not waiting');
      if (record.fulfillment) say('a fulfillment task while in review');
      break;
    }
    case 'returned':
    case 'rejected':
      if (!statuses.includes(record.state)) say(`no step ${record.state} it`);
      if (statuses.some((s) => OPEN.includes(s))) say('a step still open');
      break;
    case 'withdrawn':
      if (statuses.some((s) => OPEN.includes(s))) say('a step still open');
      break;
    case 'in_fulfillment':
    case 'active':
    case 'expired':
      if (statuses.some((s) => !DECIDED_FOR.includes(s))) say('approved with a step not passed');
      if (!record.fulfillment) say('approved without a fulfillment task');
      else if ((record.state === 'in_fulfillment') !== (record.fulfillment.doneAt === null))
        say('fulfillment done does not match the state');
      break;
  }
  return problems;
}

/** Every application in the store, oldest first. */
export const allApplications = (store: Store): Promise<ApplicationRecord[]> => store.applications.list();

/** The whole audit trail in the order it was written, with its hashes. */
export async function wholeTrail(store: Store): Promise<StoredAuditEntry[]> {
  const entries: StoredAuditEntry[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.audit.page({}, 1000, cursor);
    entries.push(...page.entries);
    cursor = page.next;
  } while (cursor);
  return entries;
}

/** Entries of `before` that are no longer in `after`, at the same place, as they were: none if the trail only grew. */
export function rewritten(before: readonly StoredAuditEntry[], after: readonly StoredAuditEntry[]): string[] {
  const changed: string[] = [];
  before.forEach((entry, i) => {
    const now = after[i];
    if (!now || JSON.stringify(now) !== JSON.stringify(entry))
      changed.push(`entry ${i} (${entry.entry.action} on ${entry.entry.subject}) ${now ? 'changed' : 'removed'}`);
  });
  return changed;
}
