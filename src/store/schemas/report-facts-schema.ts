import { z } from 'zod';
import type { ReportFacts } from '../../app/records/report-facts';
import { APPLICATION_STATES } from '../../domain/application-state';
import { TIER_IDS } from '../../domain/policy';
import { STEP_IDS } from '../../domain/route';
import { exactSchema } from './exact-schema';
import { basisPoints, localDate } from './value-schemas';

const timedWorkSchema = z.object({
  step: z.enum([...STEP_IDS, 'fulfillment']),
  holder: z.string(),
  startedAt: z.string(),
  dueAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decision: z.enum(['approve', 'return', 'reject', 'other']).nullable(),
});

/** An application's report facts as stored beside it (SQLite's report_facts, Cosmos DB's report-facts item). */
export const reportFactsSchema = exactSchema<ReportFacts>()(
  z.object({
    unit: z.string(),
    tier: z.enum(TIER_IDS).nullable(),
    state: z.enum(APPLICATION_STATES),
    submittedAt: z.string(),
    economics: z.object({ discountDepthBp: basisPoints, marginBp: basisPoints }).nullable(),
    work: z.array(timedWorkSchema),
    plan: z
      .object({
        activatedAt: z.string(),
        lastDay: localDate,
        evaluations: z.array(z.object({ reportedAt: z.string(), flagged: z.boolean() })),
      })
      .nullable(),
    since: z.string(),
    until: z.string().nullable(),
  }),
);
