import { z } from 'zod';
import type { ApplicationRecord } from '../../app/records/application-record';
import { awaitedStepOf, isFlagged } from '../../app/records/list-keys';
import { reportFactsOf } from '../../app/records/report-facts';
import { applicationRecordSchema } from '../schemas/application-schema';
import { reportFactsSchema } from '../schemas/report-facts-schema';
import { CorruptDocumentError, checkDocument, parseDocument } from '../schemas/stored-document';
import type { Item } from './cosmos-io';
import { ITEM_IDS } from './item-keys';

/** An application as the container keeps it: the record in `body`, beside it the fields lists filter and sort on. */
const applicationItemSchema = z.object({
  id: z.literal(ITEM_IDS.application),
  pk: z.string(),
  type: z.literal('application'),
  version: z.number().int().positive(),
  /** Its creation's place in write order: lists break ties of submission time by it, as SQLite does by rowid. */
  seq: z.string(),
  body: applicationRecordSchema,
  _etag: z.string(),
});
export type ApplicationItem = z.infer<typeof applicationItemSchema>;

/**
 * The application as an item, with beside its record the fields lists filter and sort on, derived from
 * it on every write (so a migration's import has them too): the awaited step's (awaitedStepOf) and the
 * flag (isFlagged) are there only when the plan has them, so their indexes hold the few open or flagged
 * plans, not every one (issue 13).
 */
export function applicationItem(record: ApplicationRecord, seq: string): Item {
  const body = checkDocument(applicationRecordSchema, `application ${record.id}`, record);
  return {
    ...listFields(record),
    id: ITEM_IDS.application,
    pk: record.id,
    type: 'application',
    version: record.version,
    seq,
    state: record.state,
    applicant: record.input.applicant,
    unit: record.input.unit,
    submittedAt: record.submittedAt,
    body,
  };
}

/** The list fields of an application's item (see applicationItem); absent ones are left out. */
export function listFields(record: ApplicationRecord): Record<(typeof LIST_FIELDS)[number], string | true | undefined> {
  const awaited = awaitedStepOf(record);
  return {
    awaitedStep: awaited?.step,
    awaitedRole: awaited?.role,
    awaitedAssignee: awaited?.assignee,
    awaitedDelegate: awaited?.delegate ?? undefined,
    awaitedDueAt: awaited?.dueAt ?? undefined,
    flagged: isFlagged(record) || undefined,
  };
}

/** The fields of an application item derived for lists, by name. */
export const LIST_FIELDS = [
  'awaitedStep',
  'awaitedRole',
  'awaitedAssignee',
  'awaitedDelegate',
  'awaitedDueAt',
  'flagged',
] as const;

/** Reads an application item back, checking that the record inside is the one its partition and version say. */
export function parseApplicationItem(raw: unknown, key: string): ApplicationItem {
  const item = parseDocument(applicationItemSchema, 'applications', key, raw);
  if (item.body.id !== item.pk || item.body.version !== item.version) {
    throw new CorruptDocumentError(
      'applications',
      key,
      `document says ${item.body.id} v${item.body.version}, item says ${item.pk} v${item.version}`,
    );
  }
  return item;
}

/**
 * An application's report facts, beside it in its partition: small items of their own, one a piece, so
 * that a report loads only these and not whole applications, found by the indexed span
 * `reportSince`–`reportUntil`. A piece never goes away (a plan once in effect stays so), so writing
 * the current ones leaves none behind.
 */
export function reportFactsItems(record: ApplicationRecord): Item[] {
  return reportFactsOf(record).map((piece) => {
    const facts = checkDocument(reportFactsSchema, `report facts of ${record.id}`, piece);
    return {
      id: ITEM_IDS.reportFacts(facts.kind),
      pk: record.id,
      type: 'report-facts',
      reportSince: facts.since,
      reportUntil: facts.until,
      facts,
    };
  });
}
