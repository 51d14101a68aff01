import { lineForm } from '../support/forms';
import { actionData, cardOf, linesOf, nodes, PEOPLE, TeamsHarness, type CardJson } from '../support/teams-harness';

const { zhangWei, huangLi, wangFang, zhaoLei } = PEOPLE;

/** The plan numbers a list card shows, top to bottom. */
const idsOf = (card: CardJson) =>
  nodes(card)
    .filter((n) => n.verb === 'plan.show')
    .map((n) => (n.data as { applicationId: string }).applicationId);

/** An input of a card by its id. */
const input = (card: CardJson, id: string) =>
  nodes(card).find((n) => n.id === id && String(n.type).startsWith('Input.'));

/** Every field of the filter card, empty: what a person who touches nothing sends. */
const EMPTY = {
  states: '',
  unit: '',
  step: '',
  tier: '',
  applicant: '',
  customer: '',
  product: '',
  activity: '',
  submittedFrom: '',
  submittedTo: '',
  activeFrom: '',
  activeTo: '',
  overdue: 'false',
  flagged: 'false',
  words: '',
};

describe('列表 / list: the filter card', () => {
  let teams: TeamsHarness;
  /** 浦东's two plans (the first approved and carried out, so active from January 2027) and 闵行's one. */
  let active: string;
  let waiting: string;
  let minhang: string;

  beforeEach(async () => {
    teams = await TeamsHarness.start(); // Tuesday 1 Dec 2026
    for (const who of [zhangWei, huangLi, wangFang, zhaoLei]) await teams.say(who, '你好');
    await teams.tap(zhangWei, 'form.submit', { ...lineForm, draftId: 'f-1' });
    await teams.tap(zhangWei, 'form.submit', { ...lineForm, customerName: '外高桥物流有限公司', draftId: 'f-2' });
    await teams.tap(huangLi, 'form.submit', { ...lineForm, unit: 'minhang-branch', draftId: 'f-3' });
    await teams.app.deliveriesSettled();
    const records = await teams.app.store.applications.list();
    [active, waiting, minhang] = records.map((r) => r.id) as [string, string, string];
    const toApprove = teams
      .sentTo(wangFang)
      .map(cardOf)
      .find((c) => c && (actionData(c, 'plan.approve') as { applicationId?: string })?.applicationId === active);
    await teams.tap(wangFang, 'plan.approve', actionData(toApprove ?? {}, 'plan.approve') ?? {});
    await teams.app.deliveriesSettled();
    const task = teams
      .sentTo(zhaoLei)
      .map(cardOf)
      .find((c) => c && actionData(c, 'plan.fulfill'));
    await teams.tap(zhaoLei, 'plan.fulfill', actionData(task ?? {}, 'plan.fulfill') ?? {});
    expect((await teams.app.store.applications.get(active))?.state).toBe('active');
  });
  afterEach(async () => teams.stop());

  const openFilter = async (words = '', locale = 'zh-CN') => {
    const list = cardOf((await teams.say(wangFang, `列表 ${words}`.trim(), locale))[0]) ?? {};
    return teams.tap(wangFang, 'list.filter', actionData(list, 'list.filter') ?? {}, undefined, locale);
  };

  it('opens from 筛选… on the list with every filter as a field, and lists what the fields ask for', async () => {
    const card = await openFilter();
    expect(linesOf(card)).toContain('筛选方案列表');
    expect(linesOf(card)).toContain('只填需要的条件,留空即不限');
    const units = (input(card, 'unit')?.choices as { title: string; value: string }[]).map((c) => c.title);
    expect(units).toEqual(expect.arrayContaining(['浦东分公司', '闵行分公司']));
    expect((input(card, 'states')?.choices as { title: string }[]).map((c) => c.title)).toContain('审批中');
    expect((input(card, 'tier')?.choices as { title: string }[]).map((c) => c.title)).toContain('一级授权');
    for (const id of ['step', 'applicant', 'customer', 'product', 'activity', 'submittedFrom', 'activeTo', 'overdue'])
      expect(input(card, id)).toBeDefined();

    const found = await teams.tap(wangFang, 'list.search', {
      ...actionData(card, 'list.search'),
      ...EMPTY,
      states: 'in_review',
      unit: 'pudong-branch',
      customer: '外高桥',
    });
    expect(linesOf(found).split('\n')[0]).toBe('方案列表:审批中 · 浦东分公司 · 客户含“外高桥”');
    expect(idsOf(found)).toEqual([waiting]);

    // 筛选… on that list opens the card again as it was filled.
    const again = await teams.tap(wangFang, 'list.filter', actionData(found, 'list.filter') ?? {});
    expect(input(again, 'states')?.value).toBe('in_review');
    expect(input(again, 'unit')?.value).toBe('pudong-branch');
    expect(input(again, 'customer')?.value).toBe('外高桥');
    expect(input(again, 'overdue')?.value).toBe('false');
  });

  it('finds the plans in effect in a period, by applicant, and says an unknown person back instead of listing everything', async () => {
    const card = await openFilter();
    const search = (fields: Partial<typeof EMPTY>) =>
      teams.tap(wangFang, 'list.search', { ...actionData(card, 'list.search'), ...EMPTY, ...fields });

    const march = await search({ activeFrom: '2027-03-01', activeTo: '2027-03-31' });
    expect(linesOf(march).split('\n')[0]).toBe('方案列表:2027-03-01 至 2027-03-31 期间有效');
    expect(idsOf(march)).toEqual([active]);
    expect(idsOf(await search({ activeFrom: '2028-01-01' }))).toEqual([]);

    const huang = await search({ applicant: '黄丽' });
    expect(linesOf(huang).split('\n')[0]).toBe('方案列表:申请人 黄丽');
    expect(idsOf(huang)).toEqual([minhang]);

    const nobody = await search({ applicant: '不存在的人' });
    expect(linesOf(nobody).split('\n')[0]).toBe('方案列表:申请人“不存在的人”(通讯录中没有这个人)');
    expect(idsOf(nobody)).toEqual([]);
  });

  it('refuses a period that ends before it starts on the card itself, keeping what was filled', async () => {
    const card = await openFilter();
    const refused = await teams.tap(wangFang, 'list.search', {
      ...actionData(card, 'list.search'),
      ...EMPTY,
      customer: '精密',
      submittedFrom: '2026-12-31',
      submittedTo: '2026-12-01',
    });
    expect(linesOf(refused)).toContain('“提交日期”的结束日期 2026-12-01 早于开始日期 2026-12-31,请改一下。');
    expect(input(refused, 'customer')?.value).toBe('精密');
    expect(input(refused, 'submittedFrom')?.value).toBe('2026-12-31');
  });

  it('reads words said to be of a kind when typed, and speaks English to an English reader', async () => {
    const typed = cardOf((await teams.say(wangFang, '列表 客户:外高桥 有效:2027-03'))[0]) ?? {};
    expect(linesOf(typed).split('\n')[0]).toBe('方案列表:2027-03-01 至 2027-03-31 期间有效 · 客户含“外高桥”');
    expect(idsOf(typed)).toEqual([]); // 外高桥's plan is still in review

    const card = await openFilter('', 'en-US');
    expect(linesOf(card)).toContain('Filter the plan list');
    const found = await teams.tap(
      wangFang,
      'list.search',
      { ...actionData(card, 'list.search'), ...EMPTY, unit: 'minhang-branch', submittedFrom: '2026-12-01' },
      undefined,
      'en-US',
    );
    expect(linesOf(found).split('\n')[0]).toBe('Plans: submitted from 2026-12-01 · 闵行分公司');
    expect(idsOf(found)).toEqual([minhang]);
  });
});
