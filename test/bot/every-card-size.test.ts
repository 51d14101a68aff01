import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARDS_DIR, observeRenders } from '../../src/bot/cards';
import { carry, MAX_CARRIED_CHARS } from '../../src/bot/files/carried-file';
import { TEXT_LIMITS } from '../../src/domain/text-limits';
import { LIMITS } from '../../src/formats/primitives';
import { MAX_FORM_LINES } from '../../src/bot/views/view-models';
import { checkAgainstLibrary } from '../support/card-check';
import { lineForm, tier2Form } from '../support/forms';
import { actionData, cardOf, linesOf, PEOPLE, TeamsHarness } from '../support/teams-harness';

const { zhangWei, liuQiang, wangFang, sunMin, zhouJie } = PEOPLE;

/** As test/bot/card-size.test.ts: Teams refuses a message past about 28 KB; PlanDesk's cards keep 2 KB for the activity. */
const CARD_BUDGET = 26 * 1024;
const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Text of `length` characters that costs the most: three UTF-8 bytes each, no run the JSON shortens. */
const longest = (length: number, seed: string): string =>
  Array.from({ length }, (_, i) => '审批意见说明客户需求厂区专线'[(i + seed.length) % 14]).join('');

/** Text of `length` CJK characters gzip cannot shorten much (a file that fills what a card carries with the fewest rows). */
function scrambled(length: number, seed: number): string {
  let x = seed;
  return Array.from({ length }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return String.fromCodePoint(0x4e00 + (x % 0x51a0));
  }).join('');
}

const SAMPLES = join(__dirname, '../../config/samples');
const sampleCatalog = readFileSync(join(SAMPLES, 'catalog.csv'), 'utf8');
const samplePolicy = readFileSync(join(SAMPLES, 'policy.yaml'), 'utf8');

/**
 * The largest catalog a review card carries: every product repriced, one retired, one no longer listed, and
 * new products with the longest codes and names, each in a new activity with the longest code, until its
 * compressed form is as much as a card may carry.
 */
function largestCatalog(): string {
  const [header, ...rows] = sampleCatalog.trim().split('\n');
  const kept = rows
    .filter((r) => !r.startsWith('DIA-1G,'))
    .map((r) =>
      r.replace(/^([^,]+,[^,]+,)commercial,(\d+),(\d+),/, (_, head: string, price: string, cost: string) => {
        const status = head.startsWith('CLOUD-DESK,') ? 'retired' : 'commercial';
        return `${head}${status},${Number(price) + 100},${Number(cost) + 100},`;
      }),
    );
  const row = (i: number) =>
    [
      `N${String(i).padStart(3, '0')}-${'X'.repeat(59)}`,
      scrambled(200, i + 1),
      'commercial,5000,2000,4500',
      `A${String(i).padStart(3, '0')}-${'Y'.repeat(59)}`,
      '10,5,3,tariff_discount|promo_subsidy|agent_commission',
    ].join(',');
  let text = '';
  for (let n = 1; ; n += 1) {
    const next = `${[header, ...kept, ...Array.from({ length: n }, (_, i) => row(i))].join('\n')}\n`;
    if (carry(next).payload.length > MAX_CARRIED_CHARS) return text;
    text = next;
  }
}

describe('every card PlanDesk builds stays within what Teams takes, each at its largest', () => {
  let teams: TeamsHarness;
  /** The largest rendering of each card template, in bytes. */
  const largest = new Map<string, number>();
  const OPS = '19:ops@thread.tacv2';
  const PUDONG = '19:pudong@thread.tacv2';

  beforeAll(async () => {
    observeRenders((name, data, card, dir) => {
      checkAgainstLibrary(name, data, card, dir);
      largest.set(name, Math.max(largest.get(name) ?? 0, bytes(card)));
    });
    teams = await TeamsHarness.start('2026-12-01T10:00:00+08:00');
    for (const who of Object.values(PEOPLE)) await teams.say(who, '你好');
    await teams.sayInChannel(zhouJie, OPS, 'notify-here ops');
    await teams.sayInChannel(zhouJie, PUDONG, '设为通知频道 pudong-branch');
  }, 60_000);
  afterAll(async () => {
    observeRenders(checkAgainstLibrary);
    await teams.stop();
  });

  it('the form and its preview, with every line and text at its maximum', async () => {
    const lines = Object.fromEntries(
      Array.from({ length: MAX_FORM_LINES }, (_, i) => [
        [`line${i}Product`, 'DIA-100M'],
        [`line${i}Quantity`, LIMITS.maxQuantity],
        [`line${i}Price`, '2400.00'],
      ]).flat(),
    );
    const form = {
      ...lineForm,
      ...lines,
      customerName: longest(200, 'customer'),
      customerGroupId: `G${'9'.repeat(63)}`,
      agentChannel: 'true',
      agentName: longest(60, 'agent'),
      preConsultationRef: longest(64, 'ref'),
      justification: longest(4000, 'justification'),
    };
    const [blank] = await teams.say(zhangWei, '新建');
    expect(bytes(cardOf(blank))).toBeLessThanOrEqual(CARD_BUDGET);
    const preview = await teams.tap(zhangWei, 'form.preview', form);
    expect(linesOf(preview)).toContain('三级授权');
    expect(bytes(preview)).toBeLessThanOrEqual(CARD_BUDGET);
    const filed = await teams.tap(zhangWei, 'form.submit', form);
    expect(bytes(filed)).toBeLessThanOrEqual(CARD_BUDGET);
    // What a channel is shown of it: number, unit, status and deadline.
    const id = /PP-\d{4}-\d{6}/.exec(JSON.stringify(filed))?.[0] ?? '';
    expect(bytes(await teams.tap(PEOPLE.zhaoLei, 'plan.refresh', { applicationId: id }))).toBeLessThanOrEqual(
      CARD_BUDGET,
    );
  });

  it('the review of the largest catalog a card carries, listing the first changes of each kind and counting the rest', async () => {
    const file = largestCatalog();
    expect(carry(file).payload.length).toBeGreaterThan(MAX_CARRIED_CHARS * 0.95);
    const [reply] = await teams.sendFile(zhouJie, 'catalog-2027-01.csv', file);
    const card = cardOf(reply) ?? {};
    expect(actionData(card, 'reference.confirm')).toBeDefined();
    expect(linesOf(card)).toMatch(/……另有 \d+ 项未在卡片上列出,完整内容见所发送的文件。/);
    expect(linesOf(card)).toMatch(/新增:A000-Y+、.+ 等,另有 \d+ 个/);
    expect(bytes(card)).toBeLessThanOrEqual(CARD_BUDGET);
    // One more row is refused in words rather than made into a card Teams would refuse.
    const over = `${file}Z${'9'.repeat(63)},${scrambled(200, 999)},commercial,5000,2000,4500,ACT-CLOUD-2026,10,5,3,tariff_discount\n`;
    const [refused] = await teams.sendFile(zhouJie, 'catalog-2027-02.csv', over);
    expect(linesOf(cardOf(refused) ?? {})).toContain('超过 Teams 卡片能携带的大小');
  }, 60_000);

  it('the review of a policy that re-tiers more plans than it lists', async () => {
    for (let i = 0; i < 10; i += 1) await teams.tap(zhangWei, 'form.submit', { ...tier2Form, startMonth: '2027-01' });
    const deeperTier1 = samplePolicy.replace('maxDiscountDepthPct: 30', 'maxDiscountDepthPct: 45');
    const [reply] = await teams.sendFile(liuQiang, 'policy-2027.yaml', deeperTier1, 'en-US');
    const card = cardOf(reply) ?? {};
    expect(linesOf(card)).toMatch(/… and \d+ more plans not listed on the card\./);
    expect(bytes(card)).toBeLessThanOrEqual(CARD_BUDGET);
  }, 60_000);

  it.each([
    ['help', zhangWei, '帮助'],
    ['leave', wangFang, '休假'],
    ['people, each approver with a dozen open steps', zhouJie, '人员'],
    ['report', liuQiang, '报表 2026-12'],
    ['list with the longest words', liuQiang, `列表 客户:${longest(200, 'words')}`],
    ['a spot-check finding at its limit', sunMin, `抽检 PP-2026-000001 问题 ${longest(TEXT_LIMITS.finding, 'f')}`],
  ])('%s', async (_name, who, words) => {
    for (const reply of await teams.say(who, words)) expect(bytes(reply)).toBeLessThanOrEqual(CARD_BUDGET);
  });

  it('names the first 5 open steps of a person and counts them all', async () => {
    const [people] = await teams.say(zhouJie, '人员');
    expect(linesOf(cardOf(people) ?? {})).toMatch(/在办步骤 12 件:(PP-2026-\d{6} [^,]+, ){5}…\n/);
  });

  it('the person card, the filter card, and the notice of team members to give roles, naming the first 20', async () => {
    expect(bytes(await teams.tap(zhouJie, 'people.edit', { id: wangFang.aad }))).toBeLessThanOrEqual(CARD_BUDGET);
    const [list] = await teams.say(liuQiang, `列表 客户:${longest(200, 'words')}`);
    const filter = await teams.tap(liuQiang, 'list.filter', actionData(cardOf(list) ?? {}, 'list.filter') ?? {});
    expect(bytes(filter)).toBeLessThanOrEqual(CARD_BUDGET);
    // More members than the notice offers, each with the longest name Entra ID allows (256 characters).
    for (let i = 0; i < 30; i += 1) {
      const aad = `00000000-0000-0000-0000-0000000e${String(i).padStart(4, '0')}`;
      teams.roster.push({ id: `29:${aad}`, name: longest(256, `m${i}`), aadObjectId: aad });
    }
    await teams.addToTeam(zhouJie, '19:general@thread.tacv2');
    await teams.tickAt('2026-12-01T10:01');
    const notice = teams
      .sentTo(zhouJie)
      .map(cardOf)
      .find((c) => c && linesOf(c).startsWith('团队中有'));
    expect(linesOf(notice ?? {})).toMatch(/团队中有 30 位成员不在 PlanDesk 通讯录中:([^、]{40}…、){19}[^、]{40}……。/);
    const offered = actionData(notice ?? {}, 'people.edit') as { name: string };
    expect(Array.from(offered.name)).toHaveLength(200);
    expect(bytes(notice)).toBeLessThanOrEqual(CARD_BUDGET);
  }, 60_000);

  it('every template in cards/ was built above, none past the budget, and nothing sent to Teams was either', () => {
    const templates = readdirSync(CARDS_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    expect([...largest.keys()].sort()).toEqual(templates.sort());
    const over = [...largest].filter(([, n]) => n > CARD_BUDGET);
    expect(over).toEqual([]);
    const sentOver = teams.calls.filter((c) => bytes(c.body) > CARD_BUDGET).map((c) => `${c.method} ${c.url}`);
    expect(sentOver).toEqual([]);
    // The sizes, for whoever tunes a budget.
    console.log([...largest].map(([name, n]) => `${name}: ${(n / 1024).toFixed(1)} KB`).join('\n'));
  });
});
