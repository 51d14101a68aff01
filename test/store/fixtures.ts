import type { ApplicationRecord, HistoryAction } from '../../src/app/records/application-record';
import { auditEntry, type AuditAction, type AuditEntry } from '../../src/app/records/audit';
import type { Directory } from '../../src/app/records/directory';
import type { ApplicationInput } from '../../src/domain/application';
import { assessApplication } from '../../src/domain/assess';
import type { CatalogContent } from '../../src/domain/catalog';
import type { PolicyContent } from '../../src/domain/policy';
import { policy, sampleApplication } from '../domain/fixtures';

/** Part of config/samples/catalog.csv, in the units the domain holds (fen, basis points). */
export const sampleCatalog = (): CatalogContent => ({
  products: [
    {
      code: 'CLOUD-PBX',
      name: '云总机(每席位)',
      status: 'commercial',
      standardPriceFen: 5000,
      unitCostFen: 2000,
      marketReferenceFen: 4500,
    },
    {
      code: 'CLOUD-DESK',
      name: '云桌面(每终端)',
      status: 'commercial',
      standardPriceFen: 12000,
      unitCostFen: 6000,
      marketReferenceFen: 11000,
    },
    {
      code: 'DIA-100M',
      name: '互联网专线 100M(每条)',
      status: 'commercial',
      standardPriceFen: 300000,
      unitCostFen: 120000,
      marketReferenceFen: 280000,
    },
  ],
  activities: [
    {
      code: 'ACT-CLOUD-2026',
      branchMaxDiscountBp: 1000,
      standardSubsidyBp: 500,
      standardCommissionBp: 300,
      allowedKinds: ['tariff_discount', 'promo_subsidy', 'agent_commission'],
      productCodes: ['CLOUD-PBX', 'CLOUD-DESK'],
    },
    {
      code: 'ACT-LINE-2026',
      branchMaxDiscountBp: 1500,
      standardSubsidyBp: 300,
      standardCommissionBp: 0,
      allowedKinds: ['tariff_discount', 'promo_subsidy'],
      productCodes: ['DIA-100M'],
    },
  ],
});

/** config/samples/policy.yaml, in basis points (the domain tests' policy), with some fields changed. */
export const samplePolicy = (overrides: Partial<PolicyContent> = {}): PolicyContent => ({ ...policy, ...overrides });

/** config/samples/application.json, with the commission as basis points (the domain tests' sample application). */
export const sampleInput = (overrides: Partial<ApplicationInput> = {}): ApplicationInput => ({
  ...sampleApplication(),
  ...overrides,
});

/** A submitted application as a use case would file it, judged by the real domain rules. */
export function sampleRecord(
  id: string,
  overrides: { input?: Partial<ApplicationInput>; submittedAt?: string } = {},
): ApplicationRecord {
  const input = sampleInput(overrides.input);
  const submittedAt = overrides.submittedAt ?? '2026-12-01T02:00:00.000Z';
  return {
    id,
    draftId: null,
    version: 1,
    state: 'in_review',
    revision: 1,
    input,
    assessment: assessApplication(input, { catalog: sampleCatalog(), policy: samplePolicy(), today: '2026-12-01' }),
    catalogVersion: 1,
    policyVersion: 1,
    submittedAt,
    updatedAt: submittedAt,
    steps: [
      {
        step: 'ops_review',
        role: 'ops_head',
        assignee: '00000000-0000-0000-0000-00000000b003',
        delegate: null,
        status: 'pending',
        startedAt: submittedAt,
        dueAt: '2026-12-03T10:00:00.000Z',
        decidedBy: null,
        decidedAt: null,
        comment: null,
      },
    ],
    fulfillment: null,
    pastRevisions: [],
    activatedAt: null,
    evaluations: [],
    evaluationDue: null,
    questions: [],
    history: [{ at: submittedAt, actor: input.applicant, action: 'submitted', revision: 1 }],
  };
}

/** The record after one approver's action, as the review use case would save it. */
export function afterAction(
  record: ApplicationRecord,
  actor: string,
  action: HistoryAction,
  at: string,
): ApplicationRecord {
  return {
    ...record,
    state: 'in_review',
    updatedAt: at,
    history: [...record.history, { at, actor, action, revision: record.revision, comment: `${action} by ${actor}` }],
  };
}

/** The audit row a use case writes with a change of an application. */
export const auditOf = (
  before: ApplicationRecord | null,
  after: ApplicationRecord,
  actor: string,
  action: AuditAction,
): AuditEntry => auditEntry(new Date(after.updatedAt), actor, action, after.id, before?.state ?? null, after.state);

/** Part of config/samples/directory.yaml. */
export const sampleDirectory = (): Directory => ({
  units: [
    { id: 'pudong-branch', name: '浦东分公司', kind: 'branch' },
    { id: 'minhang-branch', name: '闵行分公司', kind: 'branch' },
  ],
  people: [
    {
      aadObjectId: '00000000-0000-0000-0000-00000000a001',
      name: '张伟',
      email: 'zhang.wei@plandesk.example',
      roles: ['applicant'],
      unit: 'pudong-branch',
    },
    {
      aadObjectId: '00000000-0000-0000-0000-00000000b002',
      name: '王芳',
      email: 'wang.fang@plandesk.example',
      roles: ['ops_approver'],
      delegate: '00000000-0000-0000-0000-00000000b003',
    },
    {
      aadObjectId: '00000000-0000-0000-0000-00000000b003',
      name: '刘强',
      email: 'liu.qiang@plandesk.example',
      roles: ['ops_head'],
    },
    {
      aadObjectId: '00000000-0000-0000-0000-00000000c003',
      name: '周杰',
      email: 'zhou.jie@plandesk.example',
      roles: ['admin', 'catalog_owner'],
      locale: 'en-US',
    },
  ],
});

const SUPPORT = 'zhao.lei@plandesk.example';
const REVIEWER = '00000000-0000-0000-0000-00000000b003';

/**
 * Every kind of save an application goes through, as the use cases would make them, one after another
 * (each from the one before): filed, returned, resubmitted as revision 2, approved (the fulfillment task
 * opened), fulfilled (the plan in effect from 2027-01 to 2027-12), evaluated (flagged), expired; and,
 * from the same filing, withdrawn and rejected.
 */
export function savesOfALife(id: string): { life: [string, ApplicationRecord][]; ends: [string, ApplicationRecord][] } {
  const filed = sampleRecord(id);
  const step = filed.steps[0];
  if (!step) throw new Error('the sample record has no step');
  const at = (day: number) => `2026-12-${String(day).padStart(2, '0')}T03:00:00.000Z`;
  const returned: ApplicationRecord = {
    ...filed,
    state: 'returned',
    updatedAt: at(2),
    steps: [{ ...step, status: 'returned', decidedBy: REVIEWER, decidedAt: at(2), comment: '请补充依据' }],
  };
  const resubmitted: ApplicationRecord = {
    ...returned,
    state: 'in_review',
    revision: 2,
    updatedAt: at(3),
    pastRevisions: [{ revision: 1, input: returned.input, assessment: returned.assessment, steps: returned.steps }],
    steps: [{ ...step, startedAt: at(3), dueAt: at(7) }],
  };
  const approved: ApplicationRecord = {
    ...resubmitted,
    state: 'in_fulfillment',
    updatedAt: at(4),
    steps: [{ ...step, startedAt: at(3), dueAt: at(7), status: 'approved', decidedBy: REVIEWER, decidedAt: at(4) }],
    fulfillment: { createdAt: at(4), dueAt: at(5), doneBy: null, doneAt: null, note: null },
  };
  const fulfilled: ApplicationRecord = {
    ...approved,
    state: 'active',
    updatedAt: at(5),
    activatedAt: at(5),
    fulfillment: { createdAt: at(4), dueAt: at(5), doneBy: SUPPORT, doneAt: at(5), note: '已开通' },
  };
  const evaluation = {
    period: 1,
    reportedAt: '2027-04-10T02:00:00.000Z',
    reportedBy: filed.input.applicant,
    actualRevenueFen: 1_000_000,
    actualSubscribers: 150,
    expectedRevenueToDateFen: 1_800_000,
    flagged: true,
  };
  const evaluated: ApplicationRecord = { ...fulfilled, updatedAt: evaluation.reportedAt, evaluations: [evaluation] };
  const expired: ApplicationRecord = { ...evaluated, state: 'expired', updatedAt: '2027-12-31T16:00:00.000Z' };
  const cancelled = { ...step, status: 'cancelled' as const };
  return {
    life: [
      ['filed', filed],
      ['returned', returned],
      ['resubmitted', resubmitted],
      ['approved', approved],
      ['fulfilled', fulfilled],
      ['evaluated', evaluated],
      ['expired', expired],
    ],
    ends: [
      ['withdrawn', { ...filed, state: 'withdrawn', updatedAt: at(2), steps: [cancelled] }],
      [
        'rejected',
        {
          ...filed,
          state: 'rejected',
          updatedAt: at(2),
          steps: [{ ...step, status: 'rejected', decidedBy: REVIEWER, decidedAt: at(2), comment: '价格过低' }],
        },
      ],
    ],
  };
}
