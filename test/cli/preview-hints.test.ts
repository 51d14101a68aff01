import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import type { CliContext } from '../../src/cli/cli-context';
import { cliLanguage, runCli } from '../../src/cli/run-cli';
import { openSeededStore } from '../../src/samples/seed-samples';

const samples = join(__dirname, '../../config/samples');

interface HintJson {
  kind: string;
  line?: number;
  product?: string;
  priceFen?: number;
  subsidyFen?: number;
  commissionPct?: string;
  reaches?: string;
  avoids?: string;
  message: string;
}

interface PreviewJson {
  outcome: string;
  tier: string | null;
  steps: string[];
  reasons: { code: string }[];
  hints: HintJson[];
}

type Application = Record<string, unknown> & { tariffLines: { proposedUnitPriceFen: number }[] };

describe('plandesk preview: hints at each threshold, the hint passing and one fen or basis point past it not', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plandesk-hints-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** `plandesk preview` in-process, against the seeded samples (catalog and policy of config/samples). */
  async function preview(application: Application, lang = 'zh-CN'): Promise<PreviewJson> {
    const path = join(dir, `${randomUUID()}.json`);
    writeFileSync(path, JSON.stringify(application));
    const out: string[] = [];
    const clock = { now: () => new Date('2026-12-01T10:00:00+08:00') };
    const calendar = createWorkingCalendar();
    const argv = ['preview', '--application', path, '--lang', lang];
    const ctx: CliContext = {
      lang: cliLanguage(argv),
      clock,
      calendar,
      newId: randomUUID,
      out: (text) => out.push(text),
      err: (text) => out.push(text),
      openStore: async () =>
        (
          await openSeededStore(
            { store: 'sqlite', dbPath: join(dir, 'plandesk.db'), samplesDir: samples },
            { clock, calendar, newId: randomUUID },
          )
        ).store,
      tick: () => Promise.reject(new Error('preview runs no jobs')),
    };
    expect(await runCli(argv, ctx)).toBe(0);
    return JSON.parse(out.join('\n')) as PreviewJson;
  }

  const sample = (): Application => JSON.parse(readFileSync(join(samples, 'application.json'), 'utf8')) as Application;
  const pbx = (quantity: number, price: number) => [{ product: 'CLOUD-PBX', quantity, proposedUnitPriceFen: price }];
  const pct = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;

  /** The application with the hint's figure, moved `past` steps away from passing (a fen down, or up). */
  function withHint(app: Application, hint: HintJson, past: number): Application {
    if (hint.priceFen !== undefined) {
      const tariffLines = app.tariffLines.map((l, i) =>
        i === hint.line! - 1 ? { ...l, proposedUnitPriceFen: hint.priceFen! - past } : l,
      );
      return { ...app, tariffLines };
    }
    if (hint.subsidyFen !== undefined) return { ...app, subsidyFen: hint.subsidyFen + past };
    const [whole, cents] = hint.commissionPct!.split('.').map(Number);
    return { ...app, commissionPct: pct(whole! * 100 + cents! + past) };
  }

  /** What a judgement comes to: the outcome, its tier and steps, and the blocks. */
  const verdict = (p: PreviewJson) => ({
    outcome: p.outcome,
    tier: p.tier,
    leadership: p.steps.includes('leadership'),
    blocks: p.reasons.map((r) => r.code).filter((c) => c !== 'tier_reason' && c !== 'within_branch_authority'),
  });

  const tierPlan = (tier: string, leadership = false) => ({ outcome: 'routed', tier, leadership, blocks: [] });
  const NOT_NEEDED = { outcome: 'not_needed', tier: null, leadership: false, blocks: [] };

  interface Case {
    threshold: string;
    application: () => Application;
    hint: Partial<HintJson>;
    at: Partial<ReturnType<typeof verdict>>;
    past: Partial<ReturnType<typeof verdict>>;
  }

  // The samples: CLOUD-PBX ¥50 standard, ¥20 cost; ACT-CLOUD-2026 branch 10% / 5% / 3%; tier1
  // margin 25%, depth 30%, subsidy 10%, commission 8%; tier2 15%, 45%, 20%, 12%.
  const deep = () => ({ ...sample(), subsidyFen: 0, tariffLines: pbx(200, 2700) });
  const CASES: Case[] = [
    {
      threshold: 'tier2 discount depth 45%: ¥27.50',
      application: deep,
      hint: { kind: 'line_price_min', priceFen: 2750, reaches: 'tier2', avoids: 'leadership' },
      at: tierPlan('tier2'),
      past: tierPlan('tier3', true),
    },
    {
      threshold: 'tier1 discount depth 30%: ¥35.00',
      application: sample,
      hint: { kind: 'line_price_min', priceFen: 3500, reaches: 'tier1' },
      at: tierPlan('tier1'),
      past: tierPlan('tier2'),
    },
    {
      threshold: 'the branch discount 10%: ¥45.00',
      application: sample,
      hint: { kind: 'line_price_min', priceFen: 4500, reaches: 'no_approval' },
      at: NOT_NEEDED,
      past: tierPlan('tier1'),
    },
    {
      threshold: 'tier1 subsidy 10% of ¥96,000',
      application: () => ({ ...sample(), tariffLines: pbx(200, 4000), subsidyFen: 1_200_000 }),
      hint: { kind: 'subsidy_max', subsidyFen: 960_000, reaches: 'tier1' },
      at: tierPlan('tier1'),
      past: tierPlan('tier2'),
    },
    {
      threshold: 'tier2 subsidy 20% of ¥96,000',
      application: () => ({ ...sample(), tariffLines: pbx(200, 4000), subsidyFen: 2_000_000 }),
      hint: { kind: 'subsidy_max', subsidyFen: 1_920_000, reaches: 'tier2', avoids: 'leadership' },
      at: tierPlan('tier2'),
      past: tierPlan('tier3', true),
    },
    {
      threshold: 'the branch subsidy 5% of ¥240,000',
      application: () => ({ ...sample(), tariffLines: pbx(400, 5000), subsidyFen: 2_000_000 }),
      hint: { kind: 'subsidy_max', subsidyFen: 1_200_000, reaches: 'no_approval' },
      at: NOT_NEEDED,
      past: tierPlan('tier1'),
    },
    {
      threshold: 'tier2 commission 12%',
      application: () => ({ ...sample(), subsidyFen: 0, tariffLines: pbx(200, 4000), commissionPct: '13' }),
      hint: { kind: 'commission_max', commissionPct: '12.00', reaches: 'tier2', avoids: 'leadership' },
      at: tierPlan('tier2'),
      past: tierPlan('tier3', true),
    },
    {
      threshold: 'tier1 commission 8%',
      application: () => ({ ...sample(), subsidyFen: 0, tariffLines: pbx(200, 4000), commissionPct: '13' }),
      hint: { kind: 'commission_max', commissionPct: '8.00', reaches: 'tier1', avoids: 'leadership' },
      at: tierPlan('tier1'),
      past: tierPlan('tier2'),
    },
    {
      threshold: 'the branch commission 3%',
      application: () => ({ ...sample(), subsidyFen: 0, tariffLines: pbx(200, 4600), commissionPct: '5' }),
      hint: { kind: 'commission_max', commissionPct: '3.00', reaches: 'no_approval' },
      at: NOT_NEEDED,
      past: tierPlan('tier1'),
    },
    // 7 seats × 12 at ¥35, subsidy ¥290, commission 8%: margin 24.99%, one basis point under tier1.
    ...[
      { kind: 'line_price_min', priceFen: 3501 },
      { kind: 'subsidy_max', subsidyFen: 28_980 },
      { kind: 'commission_max', commissionPct: '7.99' },
    ].map((hint) => ({
      threshold: `tier1 margin 25% (${hint.kind})`,
      application: () => ({ ...sample(), tariffLines: pbx(7, 3500), subsidyFen: 29_000, commissionPct: '8' }),
      hint: { ...hint, reaches: 'tier1' },
      at: tierPlan('tier1'),
      past: tierPlan('tier2'),
    })),
    // 200 seats × 12 at ¥30 (depth 40%), subsidy ¥14,400 (20%): margin 13.33%, under tier2's 15%.
    // Margin ≥ 15% ⇔ 85% of R ≥ ¥62,400: the subsidy at most ¥61,200 − ¥48,000, or R ≥ ¥73,411.77.
    ...[
      { kind: 'subsidy_max', subsidyFen: 1_320_000 },
      { kind: 'line_price_min', priceFen: 3059 },
    ].map((hint) => ({
      threshold: `tier2 margin 15% (${hint.kind})`,
      application: () => ({ ...sample(), tariffLines: pbx(200, 3000), subsidyFen: 1_440_000 }),
      hint: { ...hint, reaches: 'tier2', avoids: 'leadership' },
      at: tierPlan('tier2'),
      past: tierPlan('tier3', true),
    })),
    {
      threshold: 'a unit price at its cost ¥20.00',
      application: () => ({ ...sample(), tariffLines: pbx(200, 1900) }),
      hint: { kind: 'price_floor_cost', priceFen: 2000 },
      at: { blocks: ['below_cost'] },
      past: { blocks: ['line_below_cost', 'below_cost'] },
    },
    {
      threshold: 'revenue covering cost: ¥22.09',
      application: () => ({ ...sample(), tariffLines: pbx(200, 1900) }),
      hint: { kind: 'line_price_min', priceFen: 2209, reaches: 'cost_covered' },
      at: tierPlan('tier3', true),
      past: { outcome: 'blocked', blocks: ['below_cost'] },
    },
    {
      threshold: 'a commission the activity does not define',
      application: () => ({
        ...sample(),
        activity: 'ACT-LINE-2026',
        subsidyFen: 0,
        tariffLines: [{ product: 'DIA-100M', quantity: 2, proposedUnitPriceFen: 250_000 }],
        commissionPct: '1',
      }),
      hint: { kind: 'commission_max', commissionPct: '0.00', reaches: 'activity_defined' },
      at: tierPlan('tier1'),
      past: { outcome: 'blocked', blocks: ['kind_not_allowed'] },
    },
  ];

  it.each(CASES.map((c) => [c.threshold, c] as const))('%s', async (_threshold, c) => {
    const application = c.application();
    const { hints } = await preview(application);
    const hint = hints.find((h) => Object.entries(c.hint).every(([k, v]) => h[k as keyof HintJson] === v));
    expect({ hints, found: hint !== undefined }).toMatchObject({ found: true });

    expect(verdict(await preview(withHint(application, hint!, 0)))).toMatchObject(c.at);
    expect(verdict(await preview(withHint(application, hint!, 1)))).toMatchObject(c.past);
  });

  it('lists the hints in the JSON with their figures as the application writes them, and in words', async () => {
    const zh = await preview(sample());
    const en = await preview(sample(), 'en-US');

    expect(zh.hints).toEqual([
      {
        kind: 'line_price_min',
        line: 1,
        product: 'CLOUD-PBX',
        priceFen: 3500,
        reaches: 'tier1',
        message: '第 1 行“CLOUD-PBX”单价不低于 ¥35.00 即可落入一级授权。',
      },
      {
        kind: 'line_price_min',
        line: 1,
        product: 'CLOUD-PBX',
        priceFen: 4500,
        reaches: 'no_approval',
        message: '第 1 行“CLOUD-PBX”单价不低于 ¥45.00 即无需审批(在分公司权限之内)。',
      },
    ]);
    expect(en.hints.map((h) => h.message)).toEqual([
      'A unit price of at least ¥35.00 on line 1 ("CLOUD-PBX") places the plan in Tier 1 authority.',
      'A unit price of at least ¥45.00 on line 1 ("CLOUD-PBX") keeps the plan within the branch\'s own authority: no approval needed.',
    ]);
    const commission = await preview({ ...sample(), subsidyFen: 0, tariffLines: pbx(200, 4000), commissionPct: '13' });
    expect(commission.hints[0]).toEqual({
      kind: 'commission_max',
      commissionPct: '12.00',
      reaches: 'tier2',
      avoids: 'leadership',
      message: '代理酬金比例不超过 12.00% 即可落入二级授权,不需要上报领导。',
    });
  });

  it('gives a plan within the branch an empty list of hints', async () => {
    expect((await preview({ ...sample(), subsidyFen: 0, tariffLines: pbx(200, 4600) })).hints).toEqual([]);
  });
});
