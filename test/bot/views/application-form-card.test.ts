import { applicationFormCard } from '../../../src/bot/views/application-form-card';
import type { FormView } from '../../../src/bot/views/view-models';
import { ALLOWED_TYPES, byId, cardOf, followingTexts, nodesOfType, shownTexts, typedNodes } from './card-json';
import { blockedForm, newForm, resubmitForm, routedForm } from './fixtures';

const INPUT_IDS = [
  'unit',
  'activity',
  'customerName',
  'customerGroupId',
  'startMonth',
  'termMonths',
  'line0Product',
  'line0Quantity',
  'line0Price',
  'line1Product',
  'line1Quantity',
  'line1Price',
  'line2Product',
  'line2Quantity',
  'line2Price',
  'subsidyYuan',
  'commissionPct',
  'agentChannel',
  'agentName',
  'preConsultationRef',
  'expectedRevenueYuan',
  'expectedSubscribers',
  'justification',
];

const render = (view: FormView) => cardOf(applicationFormCard(view));
const attentionTexts = (view: FormView) =>
  nodesOfType(render(view), 'TextBlock')
    .filter((t) => t.color === 'attention')
    .map((t) => t.text);

describe('applicationFormCard', () => {
  it.each([
    ['new', newForm],
    ['filled after a preview', routedForm],
    ['blocked', blockedForm],
    ['resubmitted', resubmitForm],
  ])(
    'should render a %s form as an Adaptive Card 1.5 of only the types Teams renders, every binding resolved',
    (_name, view) => {
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

  it('should give the inputs exactly the ids the parser reads back, in form order', () => {
    const ids = typedNodes(render(newForm))
      .filter((node) => node.type?.startsWith('Input.'))
      .map((node) => node.id);

    expect(ids).toEqual(INPUT_IDS);
  });

  it('should prefill every input from the view, numbers as numbers and the toggle as "true"', () => {
    const card = render(routedForm);
    const valueOf = (id: string) => byId(card, id).value;

    expect(valueOf('unit')).toBe('pudong-branch');
    expect(valueOf('activity')).toBe('ACT-CLOUD-2026');
    expect(valueOf('customerName')).toBe('上海某某集团');
    expect(valueOf('customerGroupId')).toBe('G2100123');
    expect(valueOf('startMonth')).toBe('2027-01');
    expect(valueOf('termMonths')).toBe(12);
    expect([valueOf('line0Product'), valueOf('line0Quantity'), valueOf('line0Price')]).toEqual([
      'CLOUD-PBX',
      200,
      '30.00',
    ]);
    expect([valueOf('line1Product'), valueOf('line1Quantity'), valueOf('line1Price')]).toEqual([
      'CLOUD-DESK',
      50,
      '96.00',
    ]);
    expect([valueOf('line2Product'), valueOf('line2Price')]).toEqual(['', '']);
    expect(valueOf('subsidyYuan')).toBe('5000.00');
    expect(valueOf('commissionPct')).toBe(3);
    expect(valueOf('agentChannel')).toBe('true');
    expect(valueOf('expectedRevenueYuan')).toBe('72000.00');
    expect(valueOf('expectedSubscribers')).toBe(250);
    expect(valueOf('justification')).toBe(routedForm.values.justification);
  });

  it('should leave an empty number input without a value rather than null', () => {
    const card = render(newForm);

    expect(byId(card, 'termMonths')).not.toHaveProperty('value');
    expect(byId(card, 'line2Quantity')).not.toHaveProperty('value');
    expect(byId(card, 'agentChannel').value).toBe('false');
  });

  it("should offer the view's choices, products with their standard price, and a term of 1 to 36 months", () => {
    const card = render(newForm);

    expect(byId(card, 'unit').choices).toEqual(newForm.choices.units);
    expect(byId(card, 'startMonth').choices).toEqual(newForm.choices.months);
    expect(byId(card, 'line1Product').choices).toEqual(newForm.choices.products);
    expect(byId(card, 'unit').style).toBe('compact');
    expect(byId(card, 'termMonths')).toMatchObject({ type: 'Input.Number', min: 1, max: 36 });
    expect(byId(card, 'line0Price')).toMatchObject({ type: 'Input.Text', placeholder: '如 30.00' });
    expect(byId(card, 'justification').isMultiline).toBe(true);
  });

  it("should show each field's errors right after its input, in attention colour", () => {
    const card = render(blockedForm);

    expect(followingTexts(card, 'customerGroupId')).toEqual([
      expect.objectContaining({ text: '必填', color: 'attention' }),
    ]);
    expect(followingTexts(card, 'termMonths')).toEqual([
      expect.objectContaining({ text: '不能大于 36', color: 'attention' }),
    ]);
    expect(followingTexts(card, 'line1Price').map((t) => t.text)).toEqual([
      '第 2 行“云桌面(每终端)”的申请单价 ¥50.00 低于单位成本 ¥60.00。',
    ]);
    expect(followingTexts(card, 'line0Price')).toEqual([]);
    expect(followingTexts(card, 'customerName')).toEqual([]);
  });

  it('should show no error at all on a form without errors', () => {
    expect(attentionTexts(newForm)).toEqual([]);
  });

  it('should show general errors, and errors of keys the form has no field for, at the top', () => {
    const view: FormView = { ...blockedForm, outcome: undefined, errors: { lines: ['至少需要 1 项'] } };
    const body = render(view).body ?? [];

    expect(body.slice(0, 4).map((node) => node.text)).toEqual(
      expect.arrayContaining(['申请 PP-2027-000123 已被他人更新,请刷新后重试。', '至少需要 1 项']),
    );
    // At the top, and again right above the buttons, where the person who tapped is.
    expect(attentionTexts(view)).toEqual([
      '申请 PP-2027-000123 已被他人更新,请刷新后重试。',
      '至少需要 1 项',
      '申请 PP-2027-000123 已被他人更新,请刷新后重试。',
      '至少需要 1 项',
    ]);
  });

  it('should say right above the buttons how many fields to fix and which comes first', () => {
    const view: FormView = {
      ...newForm,
      errors: { justification: ['不能为空'], 'lines[0].quantity': ['应为正整数'], customerName: ['不能为空'] },
    };
    const summary = byId(render(view), 'summary');

    expect(shownTexts(summary)).toEqual(['有 3 处需要修改,第一处是“客户名称”:不能为空(每处已在字段下方用红字标出)']);
    expect((render(view).body ?? []).at(-1)).toEqual(summary);
    expect(
      shownTexts(byId(render({ ...view, errors: { 'lines[1].proposedPriceYuan': ['应为金额'] } }), 'summary')),
    ).toEqual(['有 1 处需要修改,第一处是“第 2 行 申请单价(元/月)”:应为金额(每处已在字段下方用红字标出)']);
    expect(nodesOfType(render(newForm), 'Container').some((c) => c.id === 'summary')).toBe(false);
  });

  it("should repeat a preview's outcome and route right above the buttons, and say what to do next", () => {
    const summary = byId(render(routedForm), 'summary');

    expect(shownTexts(summary)).toEqual([
      '预览结果:需要审批 · tier2(经营管理部负责人)',
      '审批路径:合作管理部审批(李娜) → 经营管理部审批(刘强)',
      '测算与理由见表单顶部;确认无误后点击“提交”。',
    ]);
  });

  it("should show a preview's outcome at the top: headline, reasons, economics and route", () => {
    const card = render(routedForm);
    const texts = shownTexts(card);

    expect(texts.indexOf('需要审批 · tier2(经营管理部负责人)')).toBeLessThan(texts.indexOf('申请单位与客户'));
    expect(texts).toEqual(
      expect.arrayContaining([
        '• 毛利率 18.50% 低于 tier1 的标准 30%,故为 tier2。',
        '方案收入',
        '¥129,600.00',
        '合作管理部审批 — 李娜',
        '涉及代理渠道发展,先由合作管理部审批(第十一条、第十二条)',
        '经营管理部审批 — 刘强',
      ]),
    );
  });

  it('should say under the reasons what would pass, one figure at a time, and nothing when no figure would', () => {
    const texts = shownTexts(render(routedForm));
    const heading = texts.indexOf('怎样可以通过(每条只改一项,其余不变)');

    expect(heading).toBeGreaterThan(texts.indexOf('• 折扣深度 40% 高于 tier1 的上限 20%,故为 tier2。'));
    expect(texts.slice(heading + 1, heading + 3)).toEqual([
      '• 第 1 行“CLOUD-PBX”单价不低于 ¥35.00 即可落入一级授权。',
      '• 补贴不超过 ¥12,000.00 即可落入一级授权。',
    ]);
    expect(heading).toBeLessThan(texts.indexOf('经济测算'));
    const none = shownTexts(render({ ...routedForm, outcome: { ...routedForm.outcome!, hints: [] } }));
    expect(none).not.toContain('怎样可以通过(每条只改一项,其余不变)');
  });

  it.each([
    ['routed', 'good'],
    ['blocked', 'attention'],
    ['not_needed', 'warning'],
  ] as const)('should colour a %s headline %s', (outcome, color) => {
    const view: FormView = { ...routedForm, outcome: { ...routedForm.outcome!, outcome, headline: 'HEADLINE' } };

    expect(nodesOfType(render(view), 'TextBlock').find((t) => t.text === 'HEADLINE')?.color).toBe(color);
  });

  it('should show no outcome, warning or route before a preview', () => {
    const texts = shownTexts(render(newForm));

    expect(texts).not.toContain('审批路径');
    expect(texts).not.toContain('经济测算');
    expect(
      nodesOfType(render(newForm), 'TextBlock').filter((t) => t.color === 'warning' || t.color === 'good'),
    ).toEqual([]);
  });

  it('should show warnings near the top in warning colour', () => {
    const body = render(routedForm).body ?? [];
    const warning = body.findIndex((node) => node.color === 'warning');

    expect(body[warning]?.text).toBe(routedForm.warnings[0]);
    expect(warning).toBeLessThan(body.findIndex((node) => node.type === 'Container' && node.separator === true));
  });

  it('should send mode, application id and revision with Preview and Submit, null for a new application', () => {
    const [preview, submit] = render(newForm).actions ?? [];

    expect(preview).toMatchObject({
      type: 'Action.Execute',
      verb: 'form.preview',
      title: '预览',
      data: { mode: 'new', applicationId: null, revision: null },
    });
    expect(submit).toMatchObject({
      type: 'Action.Execute',
      verb: 'form.submit',
      title: '提交',
      style: 'positive',
      data: { mode: 'new', applicationId: null, revision: null },
    });
  });

  it("should send the returned application's id and revision when resubmitting", () => {
    const card = render(resubmitForm);

    expect(nodesOfType(card, 'Action.Execute').map((a) => a.data)).toEqual([
      { mode: 'resubmit', applicationId: 'PP-2027-000123', revision: 2, draftId: null },
      { mode: 'resubmit', applicationId: 'PP-2027-000123', revision: 2, draftId: null },
    ]);
    expect(shownTexts(card)[0]).toBe('修改申请 PP-2027-000123');
  });

  it('should show user text literally: inputs as typed, errors and outcome escaped', () => {
    const view: FormView = {
      ...blockedForm,
      values: { ...blockedForm.values, customerName: '${evil} **bold**\n- 第二行' },
      errors: { customerName: ['客户“**某某**”不在名单中 ${evil}'] },
      outcome: { ...blockedForm.outcome!, reasons: ['_斜体_ [链接](https://example.com)'] },
    };
    const card = render(view);

    expect(byId(card, 'customerName').value).toBe('${evil} **bold**\n- 第二行');
    expect(followingTexts(card, 'customerName').map((t) => t.text)).toEqual([
      '客户“\\*\\*某某\\*\\*”不在名单中 ${evil}',
    ]);
    expect(shownTexts(card)).toContain('• \\_斜体\\_ \\[链接\\](https://example.com)');
  });

  it('should label the form in English for an English-speaking user', () => {
    const card = render({ ...routedForm, lang: 'en-US' });

    expect(shownTexts(card)).toEqual(
      expect.arrayContaining(['Personalized plan application', 'Unit and customer', 'Tariff lines', 'Line 1']),
    );
    expect(byId(card, 'unit').label).toBe('Marketing unit');
    expect(card.actions?.map((a) => a.title)).toEqual(['Preview', 'Submit']);
  });
});
