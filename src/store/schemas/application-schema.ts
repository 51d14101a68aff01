import { z } from 'zod';
import { isHistoryAction, type ApplicationRecord, type HistoryAction } from '../../app/records/application-record';
import { APPLICATION_STATES } from '../../domain/application-state';
import { STEP_STATUSES } from '../../domain/approval-step';
import { EVALUATION_MEASURES } from '../../domain/lifecycle';
import { TIER_IDS } from '../../domain/policy';
import { BLOCKING_CODES } from '../../domain/reason';
import { APPROVER_ROLES, STEP_IDS } from '../../domain/route';
import { exactSchema } from './exact-schema';
import { fen, basisPoints, localDate, month } from './value-schemas';

const reasonCode = z.enum([
  ...BLOCKING_CODES,
  'within_branch_authority',
  'tier_reason',
  'catalog_stale',
  'overlapping_plan',
  'customer_total',
] as const);

const reasonSchema = z.object({
  code: reasonCode,
  field: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

const economicsSchema = z.object({
  revenueFen: fen,
  standardFen: fen,
  catalogCostFen: fen,
  subsidyFen: fen,
  commissionFen: fen,
  costFen: fen,
  marginBp: basisPoints,
  discountDepthBp: basisPoints,
  subsidyBp: basisPoints,
  commissionBp: basisPoints,
  contractValueFen: fen,
  lines: z.array(z.object({ product: z.string(), revenueFen: fen, standardFen: fen, costFen: fen })),
});

const assessmentSchema = z.object({
  outcome: z.enum(['blocked', 'not_needed', 'routed']),
  tier: z.enum(TIER_IDS).nullable(),
  route: z.array(z.object({ step: z.enum(STEP_IDS), role: z.enum(APPROVER_ROLES) })),
  reasons: z.array(reasonSchema),
  economics: economicsSchema.nullable(),
});

const inputSchema = z.object({
  unit: z.string(),
  applicant: z.string(),
  customer: z.object({ name: z.string(), groupId: z.string() }),
  activity: z.string(),
  preConsultationRef: z.string().nullable(),
  startMonth: month,
  termMonths: z.number().int().positive(),
  agentChannel: z.boolean(),
  agentName: z.string().nullable().optional(),
  tariffLines: z.array(
    z.object({ product: z.string(), quantity: z.number().int().nonnegative(), proposedUnitPriceFen: fen }),
  ),
  subsidyFen: fen,
  commissionBp: basisPoints,
  expected: z.object({ revenueFen: fen, subscribers: z.number().int().nonnegative() }),
  justification: z.string(),
});

const historyEventSchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.custom<HistoryAction>(
    (v) => typeof v === 'string' && isHistoryAction(v),
    "not an event of an application's history",
  ),
  revision: z.number().int(),
  comment: z.string().optional(),
  directoryVersion: z.number().int().positive().optional(),
});

const stepSchema = z.object({
  step: z.enum(STEP_IDS),
  role: z.enum(APPROVER_ROLES),
  assignee: z.string(),
  delegate: z.string().nullable(),
  status: z.enum(STEP_STATUSES),
  startedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  assignment: z
    .object({
      basis: z.enum(['only', 'fewest_open', 'no_coverer', 'stand_in']),
      pool: z.number().int().positive(),
      open: z.number().int().min(0),
    })
    .optional(),
});

const fulfillmentSchema = z.object({
  createdAt: z.string(),
  dueAt: z.string(),
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable(),
  note: z.string().nullable(),
});

const questionSchema = z.object({
  revision: z.number().int().positive(),
  stepIndex: z.number().int().min(0),
  askedBy: z.string(),
  askedAt: z.string(),
  text: z.string(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});

const pastRevisionSchema = z.object({
  revision: z.number().int().positive(),
  input: inputSchema,
  assessment: assessmentSchema,
  steps: z.array(stepSchema),
});

/** An application as every store keeps it (SQLite in the `doc` column, Cosmos DB in the item's `body`). */
export const applicationRecordSchema = exactSchema<ApplicationRecord>()(
  z.object({
    id: z.string().min(1),
    // Older documents predate draft ids.
    draftId: z.string().min(1).nullable().default(null),
    version: z.number().int().positive(),
    state: z.enum(APPLICATION_STATES),
    revision: z.number().int().positive(),
    input: inputSchema,
    assessment: assessmentSchema,
    catalogVersion: z.number().int(),
    policyVersion: z.number().int(),
    submittedAt: z.string(),
    updatedAt: z.string(),
    steps: z.array(stepSchema),
    fulfillment: fulfillmentSchema.nullable(),
    pastRevisions: z.array(pastRevisionSchema),
    activatedAt: z.string().nullable(),
    evaluations: z.array(
      z.object({
        period: z.number().int().positive(),
        reportedAt: z.string(),
        reportedBy: z.string(),
        actualRevenueFen: fen,
        actualSubscribers: z.number().int().nonnegative(),
        expectedRevenueToDateFen: fen,
        // Older reports were judged on revenue alone.
        expectedSubscribersToDate: z.number().int().nonnegative().optional(),
        shortfalls: z.array(z.enum(EVALUATION_MEASURES)).optional(),
        flagged: z.boolean(),
      }),
    ),
    // Older documents predate evaluations being asked for.
    evaluationDue: z.number().int().positive().nullable().default(null),
    // Older documents predate ending a plan early.
    endsEarly: z
      .object({ lastDay: localDate, reason: z.string().min(1), by: z.string().min(1), at: z.string() })
      .nullable()
      .optional(),
    // Older documents predate questions to the applicant (询问).
    questions: z.array(questionSchema).default([]),
    history: z.array(historyEventSchema),
  }),
);
