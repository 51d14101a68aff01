import { z } from 'zod';
import { ROLES, UNIT_KINDS, type Directory } from '../../app/records/directory';
import { LINE_KINDS, PRODUCT_STATUSES, type CatalogContent } from '../../domain/catalog';
import { TIER_IDS, type PolicyContent } from '../../domain/policy';
import { exactSchema } from './exact-schema';
import { basisPoints, fen } from './value-schemas';

/** A catalog's content as every store keeps it; version and import facts are kept beside it. */
export const catalogContentSchema = exactSchema<CatalogContent>()(
  z.object({
    products: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        status: z.enum(PRODUCT_STATUSES),
        standardPriceFen: fen,
        unitCostFen: fen,
        marketReferenceFen: fen,
      }),
    ),
    activities: z.array(
      z.object({
        code: z.string(),
        branchMaxDiscountBp: basisPoints,
        standardSubsidyBp: basisPoints,
        standardCommissionBp: basisPoints,
        allowedKinds: z.array(z.enum(LINE_KINDS)),
        productCodes: z.array(z.string()),
      }),
    ),
  }),
);

/** A policy's content as every store keeps it; version and dates are kept beside it. */
export const policyContentSchema = exactSchema<PolicyContent>()(
  z.object({
    maxTermMonths: z.number().int().positive(),
    tiers: z
      .array(
        z.object({
          id: z.enum(TIER_IDS),
          name: z.record(z.string()).optional(),
          minMarginBp: basisPoints.optional(),
          maxDiscountDepthBp: basisPoints.optional(),
          maxSubsidyBp: basisPoints.optional(),
          maxCommissionBp: basisPoints.optional(),
          maxContractValueFen: fen.optional(),
        }),
      )
      // tierFor() relies on at least one tier; a policy without one could never route a plan.
      .min(1),
    deadlines: z.object({
      approvalBusinessDays: z.number().int().positive(),
      fulfillmentBusinessDays: z.number().int().positive(),
    }),
    leadershipIsFinal: z.boolean(),
    judgeCustomerTotal: z.boolean().optional(),
    lifecycle: z
      .object({
        expiryNoticeDays: z.array(z.number().int()),
        escalationGraceBusinessDays: z.number().int(),
        evaluationEveryMonths: z.number().int(),
        evaluationFlagBelowPct: z.number().int(),
        spotCheckSharePct: z.number().int(),
        // Older policies predate pausing a deadline while a question is open (off, as by default).
        pauseDeadlineWhileAsking: z.boolean().default(false),
      })
      .optional(),
  }),
);

/** The admin's directory of units and people, as every store keeps it. */
export const directorySchema = exactSchema<Directory>()(
  z.object({
    units: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS) })),
    people: z.array(
      z.object({
        aadObjectId: z.string(),
        name: z.string(),
        email: z.string(),
        roles: z.array(z.enum(ROLES)),
        unit: z.string().optional(),
        delegate: z.string().optional(),
        head: z.string().optional(),
        locale: z.string().optional(),
        covers: z.array(z.string()).optional(),
        away: z.array(z.object({ from: z.string(), to: z.string(), standIn: z.string() })).optional(),
      }),
    ),
  }),
);
