import { z } from 'zod';
import type { ReportFacts } from '../../app/records/report-facts';
import { APPLICATION_STATES } from '../../domain/application-state';
import { TIER_IDS } from '../../domain/policy';
import { STEP_IDS } from '../../domain/route';
import { exactSchema } from './exact-schema';
import { basisPoints } from './value-schemas';

const span = { since: z.string(), until: z.string().nullable() };
/**
 * A day by its form only: a report reads tens of thousands of these at once, and the calendar check of
 * value-schemas' localDate would cost more than the rest of each piece; the text is all a comparison uses.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const timedWorkSchema = z.object({
  step: z.enum([...STEP_IDS, 'fulfillment']),
  holder: z.string(),
  startedAt: z.string(),
  dueAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decision: z.enum(['approve', 'return', 'reject', 'other']).nullable(),
});

/** A piece of an application's report facts as stored beside it (SQLite's report_facts, Cosmos DB's report-facts items). */
export const reportFactsSchema = exactSchema<ReportFacts>()(
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('case'),
      ...span,
      unit: z.string(),
      tier: z.enum(TIER_IDS).nullable(),
      state: z.enum(APPLICATION_STATES),
      submittedAt: z.string(),
      economics: z.object({ discountDepthBp: basisPoints, marginBp: basisPoints }).nullable(),
      work: z.array(timedWorkSchema),
    }),
    z.object({
      kind: z.literal('plan'),
      ...span,
      activatedAt: z.string(),
      lastDay: day,
      verdicts: z.array(z.object({ reportedAt: z.string(), flagged: z.boolean() })),
    }),
  ]),
);
