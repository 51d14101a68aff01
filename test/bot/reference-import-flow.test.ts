import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPlanNumber } from '../../src/domain/plan-number';
import {
  actionData,
  cardOf,
  linesOf as markdownLinesOf,
  nodes,
  PEOPLE,
  TeamsHarness,
  textOf,
  verbsOf,
  type CardJson,
} from '../support/teams-harness';

const { zhangWei, liuQiang, wangFang, zhouJie } = PEOPLE;

const SAMPLES = join(__dirname, '../../config/samples');
const sampleCatalog = readFileSync(join(SAMPLES, 'catalog.csv'), 'utf8');
const samplePolicy = readFileSync(join(SAMPLES, 'policy.yaml'), 'utf8');

/** Next month's catalog: cloud PBX dearer and costlier, cloud desktop retired, cloud meetings new. */
const nextCatalog = sampleCatalog
  .replace('CLOUD-PBX,云总机(每席位),commercial,5000,2000,', 'CLOUD-PBX,云总机(每席位),commercial,5200,2100,')
  .replace('CLOUD-DESK,云桌面(每终端),commercial,', 'CLOUD-DESK,云桌面(每终端),retired,')
  .concat(
    'CLOUD-MEET,云会议(每方),commercial,3000,1000,2800,ACT-CLOUD-2026,10,5,3,tariff_discount|promo_subsidy|agent_commission\n',
  );
/** Tier 1 allows a discount up to 45%: a tier-2 cloud PBX plan at 40% becomes tier 1. */
const deeperTier1 = samplePolicy.replace('maxDiscountDepthPct: 30', 'maxDiscountDepthPct: 45');

/** The sample cloud PBX plan as 张伟 fills the form: 40% off, tier 2. */
const tier2Form = {
  mode: 'new',
  applicationId: null,
  revision: null,
  unit: 'pudong-branch',
  activity: 'ACT-CLOUD-2026',
  customerName: '上海某某集团',
  customerGroupId: 'G2100123',
  startMonth: '2027-01',
  termMonths: 12,
  line0Product: 'CLOUD-PBX',
  line0Quantity: 200,
  line0Price: '30.00',
  subsidyYuan: '5000',
  commissionPct: '',
  agentChannel: 'false',
  preConsultationRef: '',
  expectedRevenueYuan: '72000',
  expectedSubscribers: 200,
  justification: '竞争对手报价每席位 30 元。',
};

/** The card's lines as a person reads them: Teams renders the Markdown escapes the bot put before `_` and `*`. */
const linesOf = (card: CardJson): string => markdownLinesOf(card).replace(/\\([\\*_[\]])/g, '$1');

const onlyCard = (replies: Awaited<ReturnType<TeamsHarness['say']>>): CardJson => {
  expect(replies).toHaveLength(1);
  const card = cardOf(replies[0]);
  if (!card) throw new Error(`not a card: ${JSON.stringify(replies[0])}`);
  return card;
};
const confirmOf = (card: CardJson): Record<string, unknown> => {
  const data = actionData(card, 'reference.confirm');
  if (!data) throw new Error(`no 确认生效 on: ${linesOf(card)}`);
  return data;
};
const dateInputOf = (card: CardJson) => nodes(card).find((n) => n.type === 'Input.Date' && n.id === 'effectiveFrom');

describe('reference data sent as a file in the 1:1 chat', () => {
  let teams: TeamsHarness;
  beforeEach(async () => {
    teams = await TeamsHarness.start();
  });
  afterEach(async () => teams.stop());

  it('should show a catalog owner what a new catalog changes, and make it the catalog in force only on 确认生效', async () => {
    const review = onlyCard(await teams.sendFile(zhouJie, 'catalog-2027-01.csv', nextCatalog));
    const lines = linesOf(review);
    expect(lines).toContain('导入产品目录:catalog-2027-01.csv');
    expect(lines).toContain('与当前生效的第 1 版相比:');
    expect(lines).toContain('新增产品(1)\nCLOUD-MEET 云会议(每方)');
    expect(lines).toContain('停售产品(1)\nCLOUD-DESK 云桌面(每终端)');
    expect(lines).toContain('CLOUD-PBX 云总机(每席位):标准资费 ¥50.00 → ¥52.00,单位成本 ¥20.00 → ¥21.00');
    expect(verbsOf(review)).toEqual(['reference.confirm', 'reference.cancel']);
    expect(dateInputOf(review)).toBeUndefined();

    // Until confirmed, the form still offers what the catalog in force has.
    expect(textOf(cardOf((await teams.say(zhangWei, '新建'))[0]) ?? {})).not.toContain('CLOUD-MEET');

    const done = await teams.tap(zhouJie, 'reference.confirm', confirmOf(review));
    expect(linesOf(done)).toContain('已生效:产品目录第 2 版(8 个产品)');
    expect(verbsOf(done)).toEqual([]);
    expect(textOf(cardOf((await teams.say(zhangWei, '新建'))[0]) ?? {})).toContain('CLOUD-MEET');
  });

  it('should change nothing when the owner taps 取消', async () => {
    const review = onlyCard(await teams.sendFile(zhouJie, 'catalog-2027-01.csv', nextCatalog));
    const cancelled = await teams.tap(zhouJie, 'reference.cancel', actionData(review, 'reference.cancel') ?? {});
    expect(linesOf(cancelled)).toContain('已取消:catalog-2027-01.csv 未导入,什么都没有改变。');
    expect(verbsOf(cancelled)).toEqual([]);
    // Sent again, it is still compared with version 1.
    expect(linesOf(onlyCard(await teams.sendFile(zhouJie, 'catalog-2027-01.csv', nextCatalog)))).toContain(
      '与当前生效的第 1 版相比:',
    );
  });

  it("should list every problem of an invalid file by line and column, in the person's language, and store nothing", async () => {
    const broken = nextCatalog
      .replace(',5200,2100,', ',52.00,2100,')
      .replace('CLOUD-MEET,云会议(每方),commercial', 'CLOUD-MEET,云会议(每方),launched');
    const zh = linesOf(onlyCard(await teams.sendFile(zhouJie, 'catalog-2027-01.csv', broken)));
    expect(zh).toContain('catalog-2027-01.csv 有 2 处问题,未导入任何内容。请修改后重新发送:');
    expect(zh).toContain('catalog-2027-01.csv: “第 2 行 standard_price_fen”填写有误:应为整数');
    expect(zh).toContain(
      'catalog-2027-01.csv: “第 9 行 status”填写有误:应为以下之一:pilot | trial | commercial | retired',
    );

    const badPolicy = samplePolicy.replace('minMarginPct: 25', 'minMarginPct: lots');
    const en = linesOf(onlyCard(await teams.sendFile(liuQiang, 'policy-draft.yaml', badPolicy, 'en-US')));
    expect(en).toContain('Problems found in policy-draft.yaml: 1; nothing was imported.');
    expect(en).toContain('policy-draft.yaml: "line 7, column 19, tiers[0].minMarginPct" is not right:');
    expect(verbsOf(onlyCard(await teams.sendFile(zhouJie, 'catalog-2027-01.csv', broken)))).toEqual([]);
  });

  it('should show the ops head what a policy changes and which plans change tier, and store it from the chosen date', async () => {
    // 刘强 has his chat with PlanDesk open, so the plan's approval card reaches him before he sends the file.
    await teams.say(liuQiang, '你好');
    const filed = await teams.tap(zhangWei, 'form.submit', tier2Form);
    const id = findPlanNumber(textOf(filed));
    if (!id) throw new Error('not filed');

    const review = onlyCard(await teams.sendFile(liuQiang, 'policy-2027.yaml', deeperTier1));
    const lines = linesOf(review);
    expect(lines).toContain('导入审批政策:policy-2027.yaml');
    expect(lines).toContain('一级授权 折扣深度上限:30.00% → 45.00%');
    expect(lines).toContain(`按新政策重新评估已存的 1 份方案:1 份方案的档位会改变\n${id}:二级授权 → 一级授权`);
    expect(dateInputOf(review)).toMatchObject({ value: '2026-12-02', min: '2026-12-01', isRequired: true });

    const done = await teams.tap(liuQiang, 'reference.confirm', { ...confirmOf(review), effectiveFrom: '2027-01-01' });
    expect(linesOf(done)).toContain('已导入:审批政策第 2 版,自 2027-01-01 起生效。');
    expect(verbsOf(done)).toEqual([]);
  });

  it('should keep the card open with why when the chosen date has passed', async () => {
    const review = onlyCard(await teams.sendFile(liuQiang, 'policy-2027.yaml', deeperTier1));
    const again = await teams.tap(liuQiang, 'reference.confirm', { ...confirmOf(review), effectiveFrom: '2026-11-30' });
    expect(linesOf(again)).toContain('生效日期 2026-11-30 已经过去(今天是 2026-12-01),请选择今天或以后的日期。');
    expect(verbsOf(again)).toEqual(['reference.confirm', 'reference.cancel']);
    // Nothing was stored: the policy in force is still version 1.
    expect(linesOf(again)).toContain('与当前生效的第 1 版相比:');
  });

  it('should show the changes again when another version came between the review and 确认生效', async () => {
    const first = onlyCard(await teams.sendFile(zhouJie, 'catalog-a.csv', nextCatalog));
    const second = onlyCard(
      await teams.sendFile(zhouJie, 'catalog-b.csv', sampleCatalog.replace(',5000,2000,', ',5100,2000,')),
    );
    await teams.tap(zhouJie, 'reference.confirm', confirmOf(second));
    const again = await teams.tap(zhouJie, 'reference.confirm', confirmOf(first));
    expect(linesOf(again)).toContain('在您查看变化之后,已经导入了第 2 版');
    expect(linesOf(again)).toContain('与当前生效的第 2 版相比:');
    expect(linesOf(again)).toContain('标准资费 ¥51.00 → ¥52.00');
    const done = await teams.tap(zhouJie, 'reference.confirm', confirmOf(again));
    expect(linesOf(done)).toContain('已生效:产品目录第 3 版');
  });

  it('should refuse, in words, anyone without the role — also when they tap a card made for someone who has it', async () => {
    const refusal = onlyCard(await teams.sendFile(zhangWei, 'catalog.csv', nextCatalog));
    expect(linesOf(refusal)).toBe(
      '只有产品目录负责人可以导入产品目录,文件未导入。如需更新目录,请联系产品创新与行业应用中心。',
    );
    const policyRefusal = onlyCard(await teams.sendFile(wangFang, 'policy.yml', deeperTier1));
    expect(linesOf(policyRefusal)).toBe('只有经营管理部负责人可以导入审批政策,文件未导入。');

    const review = onlyCard(await teams.sendFile(zhouJie, 'catalog-2027-01.csv', nextCatalog));
    const taken = await teams.tap(zhangWei, 'reference.confirm', confirmOf(review));
    expect(linesOf(taken)).toContain('只有产品目录负责人可以导入产品目录');
    const done = await teams.tap(zhouJie, 'reference.confirm', confirmOf(review));
    expect(linesOf(done)).toContain('已生效:产品目录第 2 版');
  });

  it('should import nothing from a card whose carried file was altered', async () => {
    const review = onlyCard(await teams.sendFile(zhouJie, 'catalog-2027-01.csv', nextCatalog));
    const data = confirmOf(review);
    const altered = await teams.tap(zhouJie, 'reference.confirm', {
      ...data,
      payload: `${String(data.payload).slice(0, -8)}AAAAAAA=`,
    });
    expect(linesOf(altered)).toContain('这张卡片携带的文件内容不完整,未导入任何内容。请重新发送文件。');
    expect(linesOf(onlyCard(await teams.sendFile(zhouJie, 'catalog-2027-01.csv', nextCatalog)))).toContain(
      '与当前生效的第 1 版相比:',
    );
  });

  it('should answer in words a file that is not reference data, too large, or not UTF-8 text', async () => {
    const [pdf] = await teams.sendFile(zhouJie, '方案说明.pdf', '%PDF-1.7');
    expect(pdf?.text).toBe('收到文件 方案说明.pdf。PlanDesk 只接受产品目录(.csv)或审批政策(.yaml、.yml)文件。');
    const big = onlyCard(await teams.sendFile(zhouJie, 'huge.csv', 'x'.repeat(1024 * 1024 + 1)));
    expect(linesOf(big)).toContain('文件 huge.csv 超过 1 MB,无法在 Teams 中导入,未导入任何内容。');
    const gbk = onlyCard(await teams.sendFile(zhouJie, 'gbk.csv', Buffer.from([0xd4, 0xc6, 0xd7, 0xdc, 0xbb, 0xfa])));
    expect(linesOf(gbk)).toContain('文件 gbk.csv 不是 UTF-8 编码的文本,未导入任何内容。');
  });
});
