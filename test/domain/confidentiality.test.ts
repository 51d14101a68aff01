import type { ApprovalStep } from '../../src/domain/approval-step';
import { maySeeDetails } from '../../src/domain/confidentiality';
import type { ApproverRole, StepId } from '../../src/domain/route';
import type { Actor } from '../../src/domain/workflow';

const step = (
  stepId: StepId,
  role: ApproverRole,
  assignee: string,
  status: ApprovalStep['status'],
  delegate: string | null = null,
): ApprovalStep => ({
  step: stepId,
  role,
  assignee,
  delegate,
  status,
  startedAt: null,
  dueAt: null,
  decidedBy: null,
  decidedAt: null,
  comment: null,
});

/**
 * 张伟's agent-channel plan in its second revision: 李娜 approved cooperation, it waits on 王芳 (刘强
 * her delegate), leadership and the ops head's final reply are still to come. The first revision
 * was returned by 何军, an ops approver who has since left the route.
 */
const plan = {
  applicant: 'zhang.wei',
  steps: [
    step('cooperation', 'cooperation_approver', 'li.na', 'approved'),
    step('ops_review', 'ops_approver', 'wang.fang', 'pending', 'liu.qiang'),
    step('leadership', 'leader', 'chen.jing', 'waiting'),
    step('ops_final', 'ops_head', 'ma.lin', 'waiting'),
  ],
  pastSteps: [
    step('cooperation', 'cooperation_approver', 'li.na', 'approved'),
    step('ops_review', 'ops_approver', 'he.jun', 'returned', 'xu.yan'),
  ],
};

const someone = (id: string, ...roles: string[]): Actor => ({ id, roles });

describe("who may see a plan's figures (第十条(三))", () => {
  it.each<[string, boolean, boolean, Actor]>([
    // [who, may see while in review, may see once in fulfillment, as the directory knows them]
    ['its applicant', true, true, someone('zhang.wei', 'applicant')],
    ['the approver it waits on', true, true, someone('wang.fang', 'ops_approver')],
    ["that approver's delegate", true, true, someone('liu.qiang', 'ops_approver', 'ops_head')],
    ['the approver of a step already decided', true, true, someone('li.na', 'cooperation_approver')],
    ['the approver of a step still to come', true, true, someone('chen.jing', 'leader')],
    ['the ops head named for the final reply', true, true, someone('ma.lin', 'ops_head')],
    ['the approver of an earlier revision only', true, true, someone('he.jun', 'ops_approver')],
    ['the delegate on an earlier revision only', true, true, someone('xu.yan', 'ops_approver')],
    ['an auditor', true, true, someone('sun.min', 'auditor')],
    ['an admin', true, true, someone('zhou.jie', 'admin', 'catalog_owner')],
    ['a support handler', false, true, someone('zhao.lei', 'support_handler')],
    ['another applicant', false, false, someone('huang.li', 'applicant')],
    ['a cooperation approver of another plan', false, false, someone('qian.yu', 'cooperation_approver')],
    ['an ops approver not on its route', false, false, someone('gao.feng', 'ops_approver', 'ops_head')],
    ['a leader not on its route', false, false, someone('lin.hui', 'leader')],
    ['the catalog owner', false, false, someone('xie.ping', 'catalog_owner')],
    ['someone the directory does not know', false, false, someone('stranger')],
  ])('%s may see it while in review: %s; once in fulfillment: %s', (_, inReview, inFulfillment, actor) => {
    expect(maySeeDetails({ ...plan, inFulfillment: false }, actor)).toBe(inReview);
    expect(maySeeDetails({ ...plan, inFulfillment: true }, actor)).toBe(inFulfillment);
  });

  it('should judge by the person, not by a role that happens to match a step', () => {
    expect(
      maySeeDetails(
        { ...plan, inFulfillment: false },
        someone('qian.yu', 'cooperation_approver', 'ops_approver', 'leader', 'ops_head'),
      ),
    ).toBe(false);
  });

  it('should show a plan with no route yet only to its applicant, auditors and admins', () => {
    const bare = { applicant: 'zhang.wei', steps: [], pastSteps: [], inFulfillment: false };
    expect(maySeeDetails(bare, someone('zhang.wei', 'applicant'))).toBe(true);
    expect(maySeeDetails(bare, someone('sun.min', 'auditor'))).toBe(true);
    expect(maySeeDetails(bare, someone('zhou.jie', 'admin'))).toBe(true);
    expect(maySeeDetails(bare, someone('wang.fang', 'ops_approver'))).toBe(false);
  });
});
