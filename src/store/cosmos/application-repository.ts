import { z } from 'zod';
import { openStepsOf } from '../../app/records/list-keys';
import type { ApplicationRecord } from '../../app/records/application-record';
import type { AuditEntry } from '../../app/records/audit';
import type { Job } from '../../app/ports/jobs';
import type { ApplicationRepository, DuplicateDraft, OutboxMessage, StaleVersion } from '../../app/ports/store';
import { fail, ok, type Result } from '../../domain/result';
import { applicationItem, parseApplicationItem, reportFactsItems } from './application-items';
import { chainAppend, chainHead } from './audit-chain-heads';
import type { CosmosContext } from './cosmos-context';
import { itemKey, retryOnConflict } from './cosmos-context';
import type { BatchOp } from './cosmos-io';
import { assertApplicationId, ITEM_IDS } from './item-keys';
import { jobReplacement } from './job-items';
import { outboxCreates } from './outbox-items';
import { partitionSnapshot } from './partition-snapshot';
import { draftClaims } from './draft-claims';
import { planNumbers } from './plan-numbers';
import { cosmosReportFacts } from './report-facts';
import { cosmosWaitingLists, listFieldsReady } from './waiting-lists';

type Saved = Result<ApplicationRecord, StaleVersion>;
type Filed = Result<ApplicationRecord, StaleVersion | DuplicateDraft>;

/** What a write needs to know of the stored application: kept from this process's last read or write of it. */
interface Seen {
  version: number;
  etag: string;
  seq: string;
}

const SEEN_LIMIT = 10_000;

/**
 * Applications, each in its own partition with everything its writes cause: a create or update is ONE
 * transactional batch — the application (conditional on its ETag), its report facts, its audit
 * entries, its outbox messages and its jobs — so it commits whole or not at all. A stale write is refused as
 * `stale_version`, writing nothing. Reads on the approval path are point reads.
 */
export function cosmosApplicationRepository(ctx: CosmosContext): ApplicationRepository {
  const seen = new Map<string, Seen>();
  const remember = (id: string, state: Seen) => {
    seen.delete(id);
    seen.set(id, state);
    if (seen.size > SEEN_LIMIT) seen.delete(seen.keys().next().value ?? id);
  };

  const readItem = async (id: string) => {
    const raw = await ctx.io.read('applications.get', id, ITEM_IDS.application);
    if (raw === null) return null;
    const item = parseApplicationItem(raw, id);
    remember(id, { version: item.version, etag: item._etag, seq: item.seq });
    return item;
  };
  const drafts = draftClaims(ctx, async (id) => (await readItem(id))?.body ?? null);
  const listFieldsReadyNow = listFieldsReady(ctx);

  /**
   * Commits the application operation with what it causes. Its guards come first, then the other
   * conditional operations (existing jobs), creations last: cosmosdb-server applies a batch in order
   * without rolling back, so this keeps it from half-writing a batch that fails on a guard. The audit
   * chain's head is a guard too (audit-chain-heads.ts): an update puts it first, so that losing a race
   * to another decision or a view fails at the first operation; a new application's partition has no
   * head yet, so its filing item and its creation (what can fail there) go before it.
   */
  async function commit(
    operation: string,
    guards: BatchOp[],
    record: ApplicationRecord,
    audit: readonly AuditEntry[],
    outbox: readonly OutboxMessage[],
    jobs: readonly Job[],
    skip: Set<string>,
    chain: { isNew: boolean; readHead: boolean },
  ) {
    // A new application's partition holds nothing it could replace or repeat: no need to look first.
    const snapshot = chain.isNew
      ? { jobs: [], messages: new Set<string>() }
      : await partitionSnapshot(
          ctx,
          `${operation} snapshot`,
          record.id,
          jobs.map((j) => j.id),
          outbox.map((m) => m.id),
        );
    const head = await chainHead(ctx, operation, record.id, chain.isNew && !chain.readHead);
    const appended = chainAppend(ctx, head, record.id, audit);
    const first = chain.isNew ? [...guards, ...appended.head] : [...appended.head, ...guards];
    const headIndex = appended.head.length === 0 ? -1 : chain.isNew ? guards.length : 0;
    const applicationIndex = chain.isNew ? guards.length - 1 : first.length - 1;
    const jobOps = jobReplacement(snapshot.jobs, record.id, jobs);
    const messages = outbox.filter((m) => !skip.has(m.id) && !snapshot.messages.has(m.id));
    const ops: BatchOp[] = [
      ...first,
      // The application's report facts commit with it; upserts, so they cannot fail the batch by themselves.
      ...reportFactsItems(record).map((item): BatchOp => ({ op: 'upsert', item })),
      ...jobOps.filter((o) => o.op === 'replace'),
      ...jobOps.filter((o) => o.op !== 'replace'),
      ...appended.entries,
      ...outboxCreates(messages, record.id, ctx.nextSeq),
    ];
    const outcome = await ctx.io.batch(operation, record.id, ops);
    appended.settle(outcome, headIndex);
    if (outcome.ok) return { ok: true as const, etag: outcome.etags[applicationIndex] };
    if (![404, 409, 412].includes(outcome.status))
      throw new Error(
        `Cosmos DB: ${operation} of ${record.id} failed with status ${outcome.status} at operation ${outcome.index}`,
      );
    // A message decided twice (a retried invoke) is written once: drop the one already there and go again.
    const failed = ops[outcome.index];
    if (outcome.status === 409 && failed?.item.type === 'outbox') skip.add(String(failed.item.messageId));
    const headFailed = outcome.index === headIndex;
    return { ok: false as const, headFailed, guardFailed: !headFailed && outcome.index < first.length };
  }

  return {
    async create(record, audit, outbox, jobs): Promise<Filed> {
      assertApplicationId(record.id);
      const { draftId } = record;
      const applicant = record.input.applicant;
      const saved = { ...record, version: 1 };
      const seq = ctx.nextSeq();
      const skip = new Set<string>();
      let fenced = false;
      let readHead = false;
      return retryOnConflict(`creating ${record.id}`, async (): Promise<Filed | undefined> => {
        if (draftId) {
          const claim = await drafts.claim(applicant, draftId, record.id, !fenced);
          if (!claim.claimed) return fail({ code: 'duplicate_draft', existing: claim.existing });
        }
        const guards: BatchOp[] = [
          ...(draftId ? [drafts.filing(record.id)] : []),
          { op: 'create', item: applicationItem(saved, seq) },
        ];
        const done = await commit('applications.create', guards, saved, audit, outbox, jobs, skip, {
          isNew: true,
          readHead,
        });
        if (done.ok) {
          if (done.etag) remember(record.id, { version: 1, etag: done.etag, seq });
          return ok(saved);
        }
        // Its partition has a chain already (entries about this id came first): go again after that head.
        if (done.headFailed) readHead = true;
        if (!done.guardFailed) return undefined;
        if (draftId) await drafts.release(applicant, draftId, record.id);
        const taken = await readItem(record.id);
        // The id was taken: expected "no application yet", which is version 0.
        if (taken || !draftId)
          return fail({
            code: 'stale_version',
            id: record.id,
            expectedVersion: 0,
            actualVersion: taken?.version ?? null,
          });
        // Fenced: another instance took the draft over, believing this filing abandoned. Its filing is the one.
        fenced = true;
        return undefined;
      });
    },
    async update(record, expectedVersion, audit, outbox, jobs) {
      const skip = new Set<string>();
      return retryOnConflict(`updating ${record.id}`, async (): Promise<Saved | undefined> => {
        const known = seen.get(record.id);
        const current =
          known?.version === expectedVersion
            ? known
            : await readItem(record.id).then((i) => i && { version: i.version, etag: i._etag, seq: i.seq });
        if (!current || current.version !== expectedVersion)
          return fail({
            code: 'stale_version',
            id: record.id,
            expectedVersion,
            actualVersion: current?.version ?? null,
          });
        const saved = { ...record, version: expectedVersion + 1 };
        const head: BatchOp = { op: 'replace', item: applicationItem(saved, current.seq), ifMatch: current.etag };
        const done = await commit('applications.update', [head], saved, audit, outbox, jobs, skip, {
          isNew: false,
          readHead: true,
        });
        if (done.ok) {
          if (done.etag) remember(record.id, { version: saved.version, etag: done.etag, seq: current.seq });
          return ok(saved);
        }
        // The application (or its audit chain, which every audited change of it moves) changed since it
        // was seen: read it again, and refuse if its version moved on.
        if (done.guardFailed || done.headFailed) seen.delete(record.id);
        return undefined;
      });
    },
    async get(id) {
      return (await readItem(id))?.body ?? null;
    },
    findByDraft: drafts.find,
    async list(filter = {}) {
      const where = ['c.type = "application"'];
      const parameters: { name: string; value: string }[] = [];
      if (filter.applicant !== undefined) {
        where.push('c.applicant = @applicant');
        parameters.push({ name: '@applicant', value: filter.applicant });
      }
      if (filter.unit !== undefined) {
        where.push('c.unit = @unit');
        parameters.push({ name: '@unit', value: filter.unit });
      }
      const raw = await ctx.io.all('applications.list', {
        query: `SELECT * FROM c WHERE ${where.join(' AND ')}`,
        parameters,
      });
      return raw
        .map((item, i) => parseApplicationItem(item, itemKey(item, `list #${i}`)))
        .sort((a, b) => a.body.submittedAt.localeCompare(b.body.submittedAt) || a.seq.localeCompare(b.seq))
        .map((item) => item.body);
    },
    async page(query, limit, cursor) {
      const after = cursor ? readCursor(cursor) : null;
      // A cursor this store never gave continues nowhere: the page after it is empty.
      if (cursor && !after) return { records: [], next: null };
      const where = ['c.type = "application"'];
      const parameters: { name: string; value: string | number }[] = [{ name: '@n', value: limit + 1 }];
      const anyOf = (field: string, values: readonly string[] | undefined, path = `c.${field}`) => {
        if (values === undefined) return;
        where.push(`ARRAY_CONTAINS(@${field}, ${path})`);
        parameters.push({ name: `@${field}`, value: values as unknown as string });
      };
      anyOf('state', query.states);
      anyOf('unit', query.units);
      anyOf('applicant', query.applicants);
      // Read from the record itself (indexed paths), so items written before these filters existed are found too.
      anyOf('customer', query.customers, 'c.body.input.customer.groupId');
      anyOf('activity', query.activities, 'c.body.input.activity');
      if (query.submittedFrom !== undefined) {
        where.push('c.submittedAt >= @from');
        parameters.push({ name: '@from', value: query.submittedFrom });
      }
      if (query.submittedBefore !== undefined) {
        where.push('c.submittedAt < @before');
        parameters.push({ name: '@before', value: query.submittedBefore });
      }
      // The list fields (application-items.ts), indexed where a plan has them.
      const listed = query.flagged || query.awaitedDueBefore !== undefined || query.awaitedSteps !== undefined;
      if (listed) await listFieldsReadyNow();
      if (query.flagged) where.push('c.flagged = true');
      if (query.awaitedDueBefore !== undefined) {
        where.push('c.awaitedDueAt < @due');
        parameters.push({ name: '@due', value: query.awaitedDueBefore });
      }
      anyOf('awaitedStep', query.awaitedSteps);
      if (after) {
        where.push('(c.submittedAt < @afterAt OR (c.submittedAt = @afterAt AND c.seq < @afterSeq))');
        parameters.push({ name: '@afterAt', value: after[0] }, { name: '@afterSeq', value: after[1] });
      }
      // The flagged plans' composite index leads with the flag, which every one of them has alike.
      const order = `${query.flagged ? 'c.flagged ASC, ' : ''}c.submittedAt DESC, c.seq DESC`;
      const raw = await ctx.io.all('applications.page', {
        query: `SELECT TOP @n * FROM c WHERE ${where.join(' AND ')} ORDER BY ${order}`,
        parameters,
      });
      const items = raw.map((item, i) => parseApplicationItem(item, itemKey(item, `page #${i}`)));
      const shown = items.slice(0, limit);
      const last = shown.at(-1);
      return {
        records: shown.map((item) => item.body),
        next: items.length > limit && last ? writeCursor([last.body.submittedAt, last.seq]) : null,
      };
    },
    ...cosmosWaitingLists(ctx, listFieldsReadyNow),
    nextNumber: planNumbers(ctx),
    async openSteps() {
      // Only the steps of the plans in review come back, not the records. (A JOIN over the steps would send
      // back only the assignees; cosmosdb-server, which the tests run on, fails a JOIN on items without them.)
      const stepLists = await ctx.io.all('applications.openSteps', {
        query: 'SELECT VALUE c.body.steps FROM c WHERE c.type = "application" AND c.state = "in_review"',
      });
      return openStepsOf(STEP_LISTS.parse(stepLists).map((steps) => ({ state: 'in_review', steps })));
    },
    reportFacts: cosmosReportFacts(ctx),
  };
}

/** What the open-steps query sends back: each plan in review's steps, of which only these two fields are read. */
const STEP_LISTS = z.array(z.array(z.object({ status: z.string(), assignee: z.string() })));

/** A page's cursor: where the last application shown sits in the order (submission time, write order), as opaque text. */
const writeCursor = (place: [string, string]): string => Buffer.from(JSON.stringify(place)).toString('base64url');

/** The place a cursor names, or null for text this store never gave as one. */
function readCursor(cursor: string): [string, string] | null {
  try {
    const place: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(place) && typeof place[0] === 'string' && typeof place[1] === 'string'
      ? [place[0], place[1]]
      : null;
  } catch {
    return null;
  }
}
