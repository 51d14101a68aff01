import { currentAndNextOccurrences } from '../../domain/recurring';
import { catalogIsStale } from '../reference/judging-context';
import { shanghaiDate } from '../../domain/local-date';
import type { ApprovalDeps } from '../common/deps';
import { channel, noticeFor, person } from '../common/outbox-messages';
import type { NoticeKey } from '../ports/notice-keys';
import type { Job } from '../ports/jobs';
import type { OutboxMessage, Recipient } from '../ports/store';
import type { JobHandler, JobRun } from './job-context';

/** This and the next occurrence of every recurring job; scheduling them on each tick is harmless (ids repeat). */
export function recurringJobs(deps: Pick<ApprovalDeps, 'calendar'>, now: Date): Job[] {
  return currentAndNextOccurrences(deps.calendar, now).map((o) => ({
    id: `recurring:${o.kind}:${o.key}`,
    kind: o.kind,
    applicationId: null,
    dueAt: o.dueAt.toISOString(),
    payload: { period: o.key },
  }));
}

/** An occurrence of an earlier period that comes due only now (nothing ran for a while) is left to the current one. */
export function supersededOccurrence(run: JobRun): boolean {
  const current = currentAndNextOccurrences(run.calendar, run.now).find((o) => o.kind === run.job.kind)?.key;
  return typeof run.job.payload.period === 'string' && current !== undefined && run.job.payload.period < current;
}

const text = (run: JobRun, to: Recipient, key: NoticeKey, params: Record<string, string | number>): OutboxMessage =>
  noticeFor(run.deps, run.now, to, key, params);

/** 第七条(一): a catalog more than a month old is a warning to its owners and to ops, once a week. */
export const catalogFreshness: JobHandler = async (run) => {
  if (supersededOccurrence(run)) return {};
  const { store } = run.deps;
  const catalog = await store.catalogs.current();
  if (!catalog || !catalogIsStale(shanghaiDate(new Date(catalog.importedAt)), shanghaiDate(run.now))) return {};
  const owners = (await store.directory.get())?.people.filter((p) => p.roles.includes('catalog_owner')) ?? [];
  const params = { version: catalog.version, importedOn: shanghaiDate(new Date(catalog.importedAt)) };
  return {
    outbox: [
      ...owners.map((o) => text(run, person(o.aadObjectId), 'reason.catalog_stale', params)),
      text(run, channel('ops'), 'reason.catalog_stale', params),
    ],
  };
};

/** Each month ops hears where the plans stand and which are flagged after their evaluation (numbers and units only). */
export const opsMonthlySummary: JobHandler = async (run) => {
  if (supersededOccurrence(run)) return {};
  const all = await run.deps.store.applications.list();
  const count = (state: string) => all.filter((r) => r.state === state).length;
  const flagged = all
    .filter((r) => r.state === 'active' && r.evaluations.at(-1)?.flagged)
    .map((r) => `${r.id}(${r.input.unit})`);
  return {
    outbox: [
      text(run, channel('ops'), 'summary.monthly', {
        month: shanghaiDate(run.now).slice(0, 7),
        inReview: count('in_review'),
        inFulfillment: count('in_fulfillment'),
        active: count('active'),
        flagged: flagged.length,
        flaggedList: flagged.join('、'),
      }),
    ],
  };
};
