import type { ApplicationInput } from '../../src/domain/application';
import type { ApprovalStep } from '../../src/domain/approval-step';
import { inputChanges, lastSeenRevision } from '../../src/domain/revision-changes';
import { application, line } from './fixtures';

const step = (changes: Partial<ApprovalStep>): ApprovalStep => ({
  step: 'ops_review',
  role: 'ops_approver',
  assignee: 'wang',
  delegate: null,
  status: 'waiting',
  startedAt: null,
  dueAt: null,
  decidedBy: null,
  decidedAt: null,
  comment: null,
  ...changes,
});

describe('what a revision changed', () => {
  it('names every changed field with both values, lines first', () => {
    const before = application({ tariffLines: [line('CLOUD-PBX', 200, 9000)], justification: '旧' });
    const after = application({
      tariffLines: [line('CLOUD-PBX', 220, 9600)],
      justification: '新',
      agentChannel: !before.agentChannel,
    });

    expect(inputChanges(before, after)).toEqual([
      { field: 'quantity', line: 1, before: 200, after: 220 },
      { field: 'unitPrice', line: 1, before: 9000, after: 9600 },
      { field: 'agentChannel', line: null, before: before.agentChannel, after: !before.agentChannel },
      { field: 'justification', line: null, before: '旧', after: '新' },
    ]);
  });

  it('shows an added line as its fields from nothing, and finds nothing when nothing changed', () => {
    const before = application({ tariffLines: [line('CLOUD-PBX', 200, 9000)] });
    const after = application({ tariffLines: [line('CLOUD-PBX', 200, 9000), line('IOT-CARD', 10, 800)] });

    expect(inputChanges(before, after)).toEqual([
      { field: 'product', line: 2, before: null, after: 'IOT-CARD' },
      { field: 'quantity', line: 2, before: null, after: 10 },
      { field: 'unitPrice', line: 2, before: null, after: 800 },
    ]);
    expect(inputChanges(before, before)).toEqual([]);
  });
  it.each<[string, Partial<ApplicationInput>]>([
    ['unit', { unit: 'minhang-branch' }],
    ['customerName', { customer: { name: '上海某某集团有限公司', groupId: 'G2100123' } }],
    ['customerGroupId', { customer: { name: '上海某某集团', groupId: 'G2100999' } }],
    ['activity', { activity: 'ACT-LINE-2026' }],
    ['startMonth', { startMonth: '2027-03' }],
    ['termMonths', { termMonths: 24 }],
    ['subsidy', { subsidyFen: 120_000 }],
    ['commission', { commissionBp: 300 }],
    ['agentChannel', { agentChannel: true }],
    ['agentName', { agentName: '某某代理' }],
    ['preConsultationRef', { preConsultationRef: 'PC-2026-0042' }],
    ['expectedRevenue', { expected: { revenueFen: 8_000_000, subscribers: 200 } }],
    ['expectedSubscribers', { expected: { revenueFen: 7_200_000, subscribers: 240 } }],
    ['justification', { justification: '客户追加 40 席位。' }],
  ])('names %s when a revision changes it alone', (field, changes) => {
    const before = application();
    const [change, ...more] = inputChanges(before, application(changes));
    expect(more).toEqual([]);
    expect(change).toMatchObject({ field, line: null });
    expect(change?.before).not.toEqual(change?.after);
  });

  it('shows a removed line as its fields to nothing', () => {
    const before = application({ tariffLines: [line('CLOUD-PBX', 200, 9000), line('CLOUD-DESK', 10, 11000)] });
    const after = application({ tariffLines: [line('CLOUD-PBX', 200, 9000)] });

    expect(inputChanges(before, after)).toEqual([
      { field: 'product', line: 2, before: 'CLOUD-DESK', after: null },
      { field: 'quantity', line: 2, before: 10, after: null },
      { field: 'unitPrice', line: 2, before: 11000, after: null },
    ]);
  });
});

describe('the revision an approver last saw', () => {
  const revision = (n: number, steps: ApprovalStep[]) => ({ revision: n, input: application(), steps });
  const past = [
    revision(1, [
      step({ step: 'cooperation', assignee: 'li', status: 'approved', decidedBy: 'li' }),
      step({ status: 'returned', decidedBy: 'wang' }),
    ]),
    revision(2, [
      step({ step: 'cooperation', assignee: 'li', status: 'returned', decidedBy: 'li' }),
      step({ status: 'cancelled' }),
    ]),
  ];

  it('is the latest revision whose step they had before them, not one that never reached them', () => {
    expect(lastSeenRevision(past, 'li')?.revision).toBe(2);
    expect(lastSeenRevision(past, 'wang')?.revision).toBe(1);
  });

  it('counts a step for its delegate though the approver decided it, and not a step that never reached them', () => {
    const decidedByApprover = [revision(1, [step({ delegate: 'zhou', status: 'returned', decidedBy: 'wang' })])];
    expect(lastSeenRevision(decidedByApprover, 'zhou')?.revision).toBe(1);
    const notReached = [revision(1, [step({ status: 'waiting' })])];
    expect(lastSeenRevision(notReached, 'wang')).toBeNull();
  });

  it('counts a step their delegate decided, and is null for anyone who never had one', () => {
    const delegated = [revision(1, [step({ delegate: 'zhou', status: 'returned', decidedBy: 'zhou' })])];
    expect(lastSeenRevision(delegated, 'wang')?.revision).toBe(1);
    expect(lastSeenRevision(past, 'chen')).toBeNull();
  });
});
