import { CARD_ACTIONS } from '../../../src/bot/actions';
import { applicationCard } from '../../../src/bot/views/application-card';
import type { ApplicationView } from '../../../src/bot/views/view-models';
import type { CaseAction } from '../../../src/domain/workflow';
import { ALLOWED_TYPES, byId, cardOf, nodesOfType, shownTexts, typedNodes, type CardNode } from './card-json';
import { applicantView, approverView, fulfillmentView, observerView, returnedView } from './fixtures';

const render = (view: ApplicationView) => cardOf(applicationCard(view));

/** The declaration of the verb each button finally sends, whether it confirms in a ShowCard or executes directly. */
const declared = (action: CaseAction) => {
  const found = CARD_ACTIONS.find((a) => a.button === action);
  if (!found) throw new Error(`no verb is declared for the ${action} button`);
  return found;
};
const VERB = (action: CaseAction): string => declared(action).verb;
const COMMENT_INPUT_ID = (action: CaseAction): string => declared(action).comment?.id ?? '?';
const TITLE: Record<CaseAction, string> = {
  approve: '批准',
  reject: '驳回',
  return: '退回修改',
  escalate: '上报领导',
  withdraw: '撤回申请',
  resubmit: '修改并重新提交',
  fulfill: '已完成受理',
  evaluate: '填报评估',
  renew: '重新申请(按原方案预填)',
  end: '结束方案',
  ask: '询问',
  answer: '回答',
};

/** The verbs the card's buttons lead to, in button order. */
function verbsOf(card: CardNode): string[] {
  return (card.actions ?? []).map(
    (action) => (action.type === 'Action.ShowCard' ? action.card?.actions?.[0]?.verb : action.verb) ?? '?',
  );
}

describe('applicationCard', () => {
  it.each([
    ['an approver', approverView],
    ['the applicant', applicantView],
    ['an observer', observerView],
    ['a support handler', fulfillmentView],
    ['a returned plan', returnedView],
  ])(
    'should render the card %s sees as an Adaptive Card 1.5 of only the types Teams renders, every binding resolved',
    (_who, view) => {
      const card = render(view);

      expect(card.version).toBe('1.5');
      expect(
        typedNodes(card)
          .map((node) => node.type)
          .filter((type) => !ALLOWED_TYPES.has(type ?? '')),
      ).toEqual([]);
      expect(JSON.stringify(card)).not.toContain('${');
    },
  );

  it.each<[string, CaseAction[]]>([
    ['an approver', ['approve', 'reject', 'return', 'escalate']],
    ['a cooperation approver, who cannot escalate', ['approve', 'reject', 'return']],
    ['an applicant of an undecided plan', ['withdraw']],
    ['an applicant of a returned plan', ['resubmit', 'withdraw']],
    ['a support handler', ['fulfill']],
    ['an applicant asked for an evaluation', ['evaluate']],
    ['ops, on a plan in effect', ['end']],
  ])('should show %s exactly the buttons of the listed actions', (_who, actions) => {
    const card = render({ ...approverView, actions });

    expect(verbsOf(card).sort()).toEqual(actions.map(VERB).sort());
    expect((card.actions ?? []).map((action) => action.title).sort()).toEqual(
      actions.map((action) => TITLE[action]).sort(),
    );
  });

  it('should show no buttons to someone who may only look', () => {
    const card = render(observerView);

    expect(card.actions ?? []).toEqual([]);
    expect(nodesOfType(card, 'Action.Execute')).toEqual([]);
    expect(nodesOfType(card, 'Input.Text')).toEqual([]);
  });

  it('should send the action data with every Action.Execute, the refresh included, so a stale card is recognised', () => {
    const everything: CaseAction[] = [
      'approve',
      'reject',
      'return',
      'escalate',
      'withdraw',
      'resubmit',
      'fulfill',
      'evaluate',
      'renew',
      'end',
    ];
    const executes = nodesOfType(
      render({ ...approverView, actions: everything, evaluationPeriod: 2 }),
      'Action.Execute',
    );

    expect(executes.map((action) => action.verb).sort()).toEqual([...everything.map(VERB), 'plan.refresh'].sort());
    // The evaluation also says which period it reports on.
    executes.forEach((action) =>
      expect(action.data).toEqual({
        applicationId: 'PP-2027-000123',
        revision: 2,
        stepIndex: 1,
        ...(action.verb === 'evaluation.report' ? { period: 2 } : {}),
      }),
    );
  });

  it('should say, above the evaluation form, which period it is and the months it covers', () => {
    const evaluationAsk = '填报第 2 期评估:2027年4月–6月,第二季度(共 2 期待填报,按顺序逐期填报)';
    const card = render({ ...applicantView, actions: ['evaluate'], evaluationPeriod: 2, evaluationAsk });
    const form = card.actions?.[0]?.card;

    expect(form?.body?.[0]).toMatchObject({ type: 'TextBlock', text: evaluationAsk });
    expect(byId(card, 'actualRevenueYuan').label).toBe('方案开始至本期末的累计实际收入(元)');
  });

  it('should ask ops for the last day, between today and the end of its term, and a reason before it ends a plan', () => {
    const endInput = { lastDay: null, reason: null, min: '2027-05-10', max: '2028-12-31' };
    const card = render({ ...approverView, actions: ['end'], endInput });
    const form = card.actions?.[0];

    expect(form).toMatchObject({ type: 'Action.ShowCard', title: '结束方案', style: 'destructive' });
    expect(shownTexts(form?.card ?? {})[0]).toContain('第九条(三)');
    expect(byId(card, 'endDate')).toEqual({
      type: 'Input.Date',
      id: 'endDate',
      label: '优惠有效至(最后一天,不早于今天)',
      min: '2027-05-10',
      max: '2028-12-31',
      isRequired: true,
      errorMessage: '请选择最后一天',
    });
    expect(byId(card, 'endReason')).toMatchObject({ type: 'Input.Text', isRequired: true, maxLength: 500 });
    expect(byId(card, 'endReason')).not.toHaveProperty('value');
    expect(nodesOfType(card, 'Action.Execute').find((a) => a.verb === 'plan.end')?.style).toBe('destructive');
  });

  it('should keep what was typed into the end form after a refusal, as typed (never escaped)', () => {
    const endInput = { lastDay: '2027-05-09', reason: '评估*未达*预期 ${x}', min: '2027-05-10', max: '2028-12-31' };
    const card = render({ ...approverView, actions: ['end'], endInput });

    expect(byId(card, 'endDate').value).toBe('2027-05-09');
    expect(byId(card, 'endReason').value).toBe('评估*未达*预期 ${x}');
  });

  it.each(['reject', 'return'] as const)('should require a comment before %s is sent', (action) => {
    const input = byId(render(approverView), COMMENT_INPUT_ID(action));

    expect(input).toMatchObject({ type: 'Input.Text', isRequired: true, isMultiline: true });
    expect(input.errorMessage).toEqual(expect.any(String));
  });

  it.each(['approve', 'escalate', 'withdraw', 'fulfill'] as const)('should let %s go without a comment', (action) => {
    const input = byId(render({ ...approverView, actions: [action] }), COMMENT_INPUT_ID(action));

    expect(input.isRequired).toBeUndefined();
  });

  it('should give every comment input its own id, as Teams mobile needs', () => {
    const ids = nodesOfType(
      render({ ...approverView, actions: ['approve', 'reject', 'return', 'escalate'] }),
      'Input.Text',
    ).map((input) => input.id);

    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should mark withdrawal destructive and approval positive', () => {
    const executes = nodesOfType(render({ ...approverView, actions: ['approve', 'withdraw'] }), 'Action.Execute');

    expect(executes.find((a) => a.verb === 'plan.withdraw')?.style).toBe('destructive');
    expect(executes.find((a) => a.verb === 'plan.approve')?.style).toBe('positive');
  });

  it('should open the prefilled form from a returned plan with one tap', () => {
    const resubmit = render(returnedView).actions?.find((action) => action.verb === 'plan.edit');

    expect(resubmit).toMatchObject({ type: 'Action.Execute', title: '修改并重新提交', data: returnedView.actionData });
  });

  it('should refresh for the listed users with plan.refresh, and not at all when there are none', () => {
    expect(render(approverView).refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: 'plan.refresh',
        data: { applicationId: 'PP-2027-000123', revision: 2, stepIndex: 1 },
      },
      userIds: ['29:1a2b3c-ops-liu', '29:4d5e6f-applicant-zhang'],
    });
    expect(render(observerView)).not.toHaveProperty('refresh');
  });

  it('should show on the first screen what the approver decides on: facts, lines, economics and the tier with its reasons', () => {
    const texts = shownTexts(render(approverView));

    expect(texts.slice(0, 3)).toEqual(['PP-2027-000123', '第 2 版', '审批中']);
    expect(texts).toEqual(
      expect.arrayContaining([
        '营销单位',
        '浦东分公司',
        '申请人',
        '张伟',
        '上海某某集团(G2100123)',
        '2027年1月起 12 个月',
        '经营管理部审批 · 刘强 · 12月3日 18:00 前',
        '云总机(每席位) × 200',
        '¥30.00',
        '¥50.00',
        '¥20.00',
        '毛利率',
        '18.50%',
        '审批档位 · tier2(经营管理部负责人)',
        '• 毛利率 18.50% 低于 tier1 的标准 30%,故为 tier2。',
      ]),
    );
  });

  it("should put a returned plan's note and what to do next right under its number, above the figures", () => {
    const texts = shownTexts(render(returnedView));
    const note = texts.indexOf('请补充云桌面的数量依据。');

    expect(texts.slice(0, 3)).toEqual(['PP-2027-000123', '第 2 版', '已退回']);
    expect(texts[note - 1]).toBe('刘强退回修改(经营管理部审批)');
    expect(texts[note + 1]).toBe('请按意见修改后,点击下方的“修改并重新提交”。');
    expect(note).toBeLessThan(texts.indexOf('营销单位'));
    expect(shownTexts(render(approverView))).not.toContain('刘强退回修改(经营管理部审批)');
  });

  it('should list what a revision changed above the figures, and mark a changed line with its old value', () => {
    const texts = shownTexts(render(approverView));

    expect(texts.indexOf('与第 1 版相比的修改')).toBeLessThan(texts.indexOf('营销单位'));
    expect(texts).toEqual(expect.arrayContaining(['• 第 2 行单价 ¥90.00 → ¥96.00', '• 申请理由 旧 → 新']));
    expect(texts[texts.indexOf('云桌面(每终端) × 50') + 1]).toBe('原单价 ¥90.00');
    expect(texts[texts.indexOf('云总机(每席位) × 200') + 1]).toBe('申请价');
    expect(shownTexts(render({ ...approverView, changes: undefined }))).not.toContain('与第 1 版相比的修改');
  });

  it('should keep route, justification and history in a hidden section that one tap opens', () => {
    const card = render(approverView);
    const details = byId(card, 'details');

    expect(details.isVisible).toBe(false);
    expect(nodesOfType(card, 'Action.ToggleVisibility')[0]?.targetElements).toEqual(['details']);
    expect(shownTexts(details)).toEqual(
      expect.arrayContaining([
        '合作管理部审批 — 李娜',
        '涉及代理渠道发展,先由合作管理部审批(第十一条、第十二条)',
        '已批准 · 12月1日 15:20',
        '代理渠道资质已核实。',
        '经营管理部审批 — 刘强',
        '待审批',
        approverView.justification,
        '11月29日 16:40 · 刘强 · 退回修改',
        '请补充云桌面的数量依据。',
      ]),
    );
  });

  it('should show a banner in its tone only when there is one', () => {
    const banner = (view: ApplicationView) =>
      nodesOfType(render(view), 'Container').find((c) => shownTexts(c)[0] === view.banner?.text);

    expect(banner(returnedView)?.style).toBe('warning');
    expect(
      nodesOfType(render(approverView), 'Container').filter((c) =>
        ['good', 'warning', 'attention'].includes(c.style ?? ''),
      ),
    ).toEqual([]);
  });

  it('should leave out the waiting-on row when nothing waits, and show the fulfillment task when there is one', () => {
    expect(shownTexts(render({ ...returnedView, waitingOn: '' }))).not.toContain('当前待办');
    expect(shownTexts(render(fulfillmentView))).toEqual(
      expect.arrayContaining(['受理任务', '受理期限', '12月5日 18:00']),
    );
    expect(shownTexts(render(approverView))).not.toContain('受理任务');
  });

  it('should show user text literally: template syntax stays, Markdown is escaped', () => {
    const view: ApplicationView = {
      ...approverView,
      customer: '${evil}',
      applicantName: '**bold**',
      justification: '第一行\n- 不是列表\n1. 也不是',
      history: [{ when: '12月1日', who: '_张伟_', what: '提交', comment: '[点我](https://example.com)' }],
    };
    const texts = shownTexts(render(view));

    expect(texts).toEqual(
      expect.arrayContaining([
        '${evil}',
        '\\*\\*bold\\*\\*',
        '第一行\n\\- 不是列表\n1\\. 也不是',
        '12月1日 · \\_张伟\\_ · 提交',
        '\\[点我\\](https://example.com)',
      ]),
    );
  });

  it('should label the card and its buttons in English for an English-speaking user', () => {
    const card = render({ ...approverView, lang: 'en-US' });

    expect(card.actions?.map((action) => action.title)).toEqual([
      'Approve',
      'Reject',
      'Return for revision',
      'Escalate',
    ]);
    expect(shownTexts(card)).toEqual(
      expect.arrayContaining(['Unit', 'Applicant', 'Tariff lines', 'Market ref.', 'History']),
    );
  });
});
