import { lineForm } from '../support/forms';
import { actionData, cardOf, linesOf, nodes, PEOPLE, TeamsHarness, type Someone } from '../support/teams-harness';

const { zhangWei, huangLi, wangFang, zhaoLei } = PEOPLE;
const PLAN = /PP-\d{4}-\d{6}/g;

/** The plan numbers a list card shows, top to bottom. */
const idsOf = (card: Record<string, unknown>) =>
  nodes(card)
    .filter((n) => n.verb === 'plan.show')
    .map((n) => (n.data as { applicationId: string }).applicationId);

describe('列表 / list: search and page through the plans a person may see', () => {
  let teams: TeamsHarness;
  /** The plans the sample data files, newest first, and those the test files. */
  let samples: string[];

  beforeEach(async () => {
    teams = await TeamsHarness.start(); // Tuesday 1 Dec 2026
    for (const who of [zhangWei, huangLi, wangFang, zhaoLei]) await teams.say(who, '你好');
    // Three plans: two from 浦东 (张伟), one from 闵行 (黄丽); 王芳 approves the first, so it goes to support.
    await teams.tap(zhangWei, 'form.submit', { ...lineForm, draftId: 's-1' });
    await teams.tap(zhangWei, 'form.submit', { ...lineForm, customerName: '外高桥物流有限公司', draftId: 's-2' });
    await teams.tap(huangLi, 'form.submit', { ...lineForm, unit: 'minhang-branch', draftId: 's-3' });
    await teams.app.deliveriesSettled();
    const firstCard = teams
      .sentTo(wangFang)
      .map(cardOf)
      .find((c) => c && actionData(c, 'plan.approve'));
    await teams.tap(wangFang, 'plan.approve', actionData(firstCard ?? {}, 'plan.approve') ?? {});
    samples = idsOf(cardOf((await teams.say(wangFang, '列表'))[0]) ?? {});
  });
  afterEach(async () => teams.stop());

  const list = async (who: Someone, words: string, locale = 'zh-CN') =>
    cardOf((await teams.say(who, `列表 ${words}`.trim(), locale))[0]) ?? {};

  it('shows ops every plan, newest first, saying whose plans and how to narrow them; an account manager only theirs', async () => {
    const card = await list(wangFang, '');
    expect(linesOf(card)).toContain('方案列表\n按提交时间从新到旧;您可以查看全部方案。');
    expect(samples).toHaveLength(3);
    expect([...samples].sort().reverse()).toEqual(samples);

    const mine = await list(zhangWei, '');
    expect(linesOf(mine)).toContain('只列出您可以查看的方案');
    const own = (await teams.app.store.applications.list({ applicant: zhangWei.aad })).map((r) => r.id).reverse();
    expect(idsOf(mine)).toEqual(own);
  });

  it('narrows by unit, state, tier and customer words, and says back what each word was taken for', async () => {
    const minhang = await list(wangFang, '闵行');
    expect(linesOf(minhang).split('\n')[0]).toBe('方案列表:闵行分公司');
    const records = await teams.app.store.applications.list();
    const inMinhang = records.filter((r) => r.input.unit === 'minhang-branch').map((r) => r.id);
    expect(inMinhang).toHaveLength(1);
    expect(idsOf(minhang)).toEqual(inMinhang);

    const reviewTier1 = await list(wangFang, '审批中 一级授权');
    expect(linesOf(reviewTier1).split('\n')[0]).toBe('方案列表:审批中 · 一级授权');
    const expected = records.filter((r) => r.state === 'in_review' && r.assessment.tier === 'tier1').map((r) => r.id);
    expect(expected).toHaveLength(2);
    expect(idsOf(reviewTier1).sort()).toEqual(expected.sort());
    expect(idsOf(await list(wangFang, '外高桥'))).toHaveLength(1);

    const none = await list(wangFang, '没有这个客户');
    expect(linesOf(none)).toContain('没有符合条件的方案。');
    expect(linesOf(none).split('\n')[0]).toBe('方案列表:客户含“没有这个客户”');

    const english = await list(wangFang, 'overdue 2026-12', 'en-US');
    expect(linesOf(english).split('\n')[0]).toBe('Plans: overdue · submitted 2026-12-01 to 2026-12-31');
  });

  it('pages ten at a time with 更多, no plan twice, and 查看 opens a row while the page stays', async () => {
    for (let i = 0; i < 12; i += 1)
      await teams.tap(zhangWei, 'form.submit', { ...lineForm, customerName: `翻页客户 ${i}`, draftId: `page-${i}` });
    const first = await list(wangFang, '翻页客户');
    expect(idsOf(first)).toHaveLength(10);
    const more = actionData(first, 'list.more');
    expect(more).toMatchObject({ words: '翻页客户' });

    const second = await teams.tap(wangFang, 'list.more', more ?? {});
    expect(idsOf(second)).toHaveLength(2);
    expect(actionData(second, 'list.more')).toBeUndefined();
    expect(linesOf(second)).toContain('已全部列出。');
    const all = [...idsOf(first), ...idsOf(second)];
    expect(new Set(all).size).toBe(12);
    expect([...all].sort().reverse()).toEqual(all);

    const show = nodes(second).find((n) => n.verb === 'plan.show')?.data as Record<string, unknown>;
    const answered = await teams.tap(wangFang, 'plan.show', show);
    expect(idsOf(answered)).toEqual(idsOf(second));
    expect(linesOf(answered)).toContain(`${String(show.applicationId)} 已在下方打开。`);
  });

  it('shows support only what is in fulfillment or was fulfilled, and audits every list with its filter', async () => {
    const support = await list(zhaoLei, '');
    const records = await teams.app.store.applications.list();
    const fulfilled = records
      .filter((r) => ['in_fulfillment', 'active', 'expired'].includes(r.state))
      .map((r) => r.id)
      .reverse();
    expect(fulfilled).toHaveLength(1);
    expect(idsOf(support)).toEqual(fulfilled);

    const audited = await teams.app.store.audit.about('applications');
    expect(audited.map((e) => `${e.action} by ${e.actor}`)).toContain(`list by ${zhaoLei.aad}`);
    expect(audited.at(-1)?.after).toMatchObject({ shown: fulfilled });
  });

  it('answers a forged cursor with an empty page, not an error', async () => {
    const card = await teams.tap(wangFang, 'list.more', { words: '', cursor: 'bm90LWEtY3Vyc29y' });
    expect(linesOf(card)).toContain('没有符合条件的方案。');
    expect(linesOf(card).match(PLAN)).toBeNull();
  });
});
