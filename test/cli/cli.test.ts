import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliContext } from '../../src/cli/cli-context';
import { cliLanguage, runCli } from '../../src/cli/run-cli';
import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import { createJsonLog } from '../../src/log';
import { loadConfig } from '../../src/config';
import { createRuntime } from '../../src/runtime';
import { randomUUID } from 'node:crypto';
import { openSeededStore } from '../../src/samples/seed-samples';

const samples = join(__dirname, '../../config/samples');
const sampleApplication = join(samples, 'application.json');

/** Runs the CLI in-process against a real SQLite file, at a fixed time in Shanghai. */
async function plandesk(dir: string, argv: string[], now = '2026-12-01T10:00:00+08:00') {
  const out: string[] = [];
  const err: string[] = [];
  const clock = { now: () => new Date(now) };
  const calendar = createWorkingCalendar();
  const ctx: CliContext = {
    lang: cliLanguage(argv),
    clock,
    calendar,
    newId: randomUUID,
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    openStore: async () =>
      (
        await openSeededStore(
          { store: 'sqlite', dbPath: join(dir, 'plandesk.db'), samplesDir: samples },
          { clock, calendar, newId: randomUUID },
        )
      ).store,
    tick: async (at) => {
      const config = loadConfig({ PLANDESK_DB: join(dir, 'plandesk.db'), PLANDESK_SAMPLES: samples });
      const runtime = await createRuntime(config, { clock: { now: () => at }, log: createJsonLog('silent') });
      try {
        return await runtime.tick(at);
      } finally {
        await runtime.close();
      }
    },
  };
  const code = await runCli(argv, ctx);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

describe('the plandesk command line', () => {
  let dir: string;
  const file = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  const sample = () => json(readFileSync(sampleApplication, 'utf8'));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plandesk-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('previews the sample application as routed to tier 2, with the reason in Chinese', async () => {
    const { code, out } = await plandesk(dir, ['preview', '--application', sampleApplication]);
    expect(code).toBe(0);
    expect(json(out)).toMatchObject({
      outcome: 'routed',
      tier: 'tier2',
      steps: ['ops_review'],
      reasons: [{ code: 'tier_reason', message: '折扣深度 40.00% 高于一级授权的上限 30.00%,故为二级授权。' }],
      economics: {
        revenueFen: 7200000,
        standardFen: 12000000,
        costFen: 5300000,
        marginPct: '26.38',
        discountDepthPct: '40.00',
        subsidyPct: '6.95',
        contractValueFen: 7200000,
      },
      policyVersion: 1,
      catalogVersion: 1,
    });
  });

  it('speaks English with --lang en', async () => {
    const { out } = await plandesk(dir, ['preview', '--lang', 'en', '--application', sampleApplication]);
    expect(json(out).reasons).toEqual([
      {
        code: 'tier_reason',
        message: 'Discount depth 40.00% is above the 30.00% of Tier 1 authority: Tier 2 authority.',
      },
    ]);
  });

  it('blocks a plan below cost and names every reason with its field', async () => {
    const app = file(
      'below.json',
      JSON.stringify({
        ...sample(),
        tariffLines: [{ product: 'CLOUD-PBX', quantity: 200, proposedUnitPriceFen: 1900 }],
      }),
    );
    const { code, out } = await plandesk(dir, ['preview', '--lang', 'en', '--application', app]);
    expect(code).toBe(0);
    const preview = json(out);
    expect(preview.outcome).toBe('blocked');
    expect(preview.reasons).toEqual([
      {
        code: 'line_below_cost',
        field: 'tariffLines[0].proposedUnitPriceFen',
        message: 'Line 1: proposed price ¥19.00 for "CLOUD-PBX" is below its unit cost ¥20.00.',
      },
      {
        code: 'below_cost',
        field: 'tariffLines',
        message:
          'Revenue ¥45,600.00 is below cost ¥53,000.00 by ¥7,400.00 (margin -16.23%); a plan may not go below cost.',
      },
    ]);
  });

  it('judges by the policy version in force on the --at date', async () => {
    const draft = file(
      'draft.yaml',
      readFileSync(join(samples, 'policy.yaml'), 'utf8').replace('maxDiscountDepthPct: 45', 'maxDiscountDepthPct: 35'),
    );
    const app = file('march.json', JSON.stringify({ ...sample(), startMonth: '2027-03' }));
    expect((await plandesk(dir, ['policy', 'import', draft, '--effective', '2027-02-01'])).code).toBe(0);
    const before = json((await plandesk(dir, ['preview', '--application', app, '--at', '2027-01-31'])).out);
    const after = json((await plandesk(dir, ['preview', '--application', app, '--at', '2027-02-01'])).out);
    expect([before.policyVersion, before.tier]).toEqual([1, 'tier2']);
    expect([after.policyVersion, after.tier, after.steps]).toEqual([
      2,
      'tier3',
      ['ops_review', 'leadership', 'ops_final'],
    ]);
  });

  it('blocks a plan whose start month has passed on the --at date', async () => {
    const { out } = await plandesk(dir, [
      'preview',
      '--lang',
      'en',
      '--application',
      sampleApplication,
      '--at',
      '2027-02-01',
    ]);
    expect(json(out).reasons).toEqual([
      {
        code: 'start_in_past',
        field: 'startMonth',
        message: 'Start month 2027-01 is before the current month (2027-02).',
      },
    ]);
  });

  it('judges against a catalog and a policy from files when given, naming them as the versions', async () => {
    const catalog = file(
      'next.csv',
      readFileSync(join(samples, 'catalog.csv'), 'utf8').replace(
        'CLOUD-PBX,云总机(每席位),commercial,5000,2000',
        'CLOUD-PBX,云总机(每席位),commercial,5000,3200',
      ),
    );
    const { out } = await plandesk(dir, [
      'preview',
      '--application',
      sampleApplication,
      '--catalog',
      catalog,
      '--policy',
      join(samples, 'policy.yaml'),
    ]);
    expect(json(out)).toMatchObject({
      outcome: 'blocked',
      catalogVersion: `file:${catalog}`,
      policyVersion: `file:${join(samples, 'policy.yaml')}`,
    });
  });

  it('refuses a malformed application with exit code 2, naming each field and printing no stack trace', async () => {
    const app = file(
      'bad.json',
      JSON.stringify({
        ...sample(),
        termMonths: -3,
        tariffLines: [{ product: 'CLOUD-PBX', quantity: 'many', proposedUnitPriceFen: 3000 }],
      }),
    );
    const { code, out, err } = await plandesk(dir, ['preview', '--lang', 'en', '--application', app]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')).toEqual([
      `${app}: "termMonths" is not right: must be at least 1`,
      `${app}: "tariffLines[0].quantity" is not right: must be a number`,
    ]);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('says which file it cannot find', async () => {
    const { code, err } = await plandesk(dir, ['preview', '--lang', 'en', '--application', join(dir, 'missing.json')]);
    expect([code, err]).toEqual([2, `There is no file ${join(dir, 'missing.json')}.`]);
  });

  it('refuses a preview on a date no policy is in force, saying which date and how to put a policy in force', async () => {
    const { code, err } = await plandesk(dir, ['preview', '--application', sampleApplication, '--at', '2000-01-01']);
    expect(code).toBe(2);
    expect(err).toBe(
      '2000-01-01 没有生效的审批政策,暂时无法预审或提交。政策由经营管理部制定,请管理员用 plandesk policy import 导入。',
    );
  });

  it('refuses a policy import without an effective date', async () => {
    const { code, err } = await plandesk(dir, ['policy', 'import', join(samples, 'policy.yaml'), '--lang', 'en']);
    expect([code, err]).toEqual([2, 'plandesk: "--effective" is not right: required']);
  });

  it('imports a new catalog version and refuses a bad one whole, leaving the current version in force', async () => {
    const good = await plandesk(dir, ['catalog', 'import', join(samples, 'catalog.csv'), '--by', 'zhou.jie']);
    expect(json(good.out)).toMatchObject({ catalogVersion: 2, products: 7, activities: 5 });
    const broken = file(
      'broken.csv',
      readFileSync(join(samples, 'catalog.csv'), 'utf8').replace(
        'CLOUD-DESK,云桌面(每终端),commercial,12000',
        'CLOUD-DESK,云桌面(每终端),commercial,-12000',
      ),
    );
    const bad = await plandesk(dir, ['catalog', 'import', broken, '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"line 3, standard_price_fen"');
    expect(json((await plandesk(dir, ['preview', '--application', sampleApplication])).out).catalogVersion).toBe(2);
  });

  it('simulates a draft policy over the stored applications and lists those whose tier changes', async () => {
    const draft = file(
      'draft.yaml',
      readFileSync(join(samples, 'policy.yaml'), 'utf8').replace('maxDiscountDepthPct: 30', 'maxDiscountDepthPct: 40'),
    );
    const { code, out } = await plandesk(dir, ['simulate', '--policy', draft]);
    expect(code).toBe(0);
    expect(json(out)).toEqual({
      replayed: 3,
      changed: 1,
      changes: [
        { id: 'PP-2026-000001', from: { outcome: 'routed', tier: 'tier2' }, to: { outcome: 'routed', tier: 'tier1' } },
      ],
    });
  });

  it("runs the jobs due at --now: the sample plans' approvers are reminded at half their time, then told they are late", async () => {
    await plandesk(dir, ['preview', '--application', sampleApplication]);
    const halfway = json((await plandesk(dir, ['tick', '--now', '2026-12-02T14:00+08:00'])).out);
    // Also this week's catalog check and this month's spot check and ops summary, run late on the first tick.
    expect(halfway).toEqual(
      expect.objectContaining({
        ran: 6,
        failed: 0,
        byKind: { 'step.nudge': 3, 'catalog.freshness': 1, 'audit.spot_check': 1, 'ops.monthly_summary': 1 },
      }),
    );
    const late = json((await plandesk(dir, ['tick', '--now', '2026-12-04T09:00+08:00'])).out);
    expect(late.byKind).toMatchObject({ 'step.overdue': 3 });
  });

  it('refuses a --now without its time and offset', async () => {
    const { code, err } = await plandesk(dir, ['tick', '--now', '2027-03-01', '--lang', 'en']);
    expect([code, err]).toEqual([
      2,
      'plandesk: "--now" is not right: must be an instant with its offset, e.g. 2027-03-01T09:00+08:00',
    ]);
  });

  describe('directory import', () => {
    const sampleDirectory = () => readFileSync(join(samples, 'directory.yaml'), 'utf8');
    const wangFang = '00000000-0000-0000-0000-00000000b002';
    const liuQiang = '00000000-0000-0000-0000-00000000b003';
    const wuTing_id = '00000000-0000-0000-0000-00000000b005';
    const wuTing =
      '  - { aadObjectId: 00000000-0000-0000-0000-00000000b005, name: 吴婷, email: wu.ting@plandesk.example, roles: [ops_approver], delegate: 00000000-0000-0000-0000-00000000b003 }\n';
    /** The sample directory without 王芳 (the ops approver) and with 吴婷 in her place. */
    const withoutWangFang = () =>
      file(
        'directory.yaml',
        `${sampleDirectory()
          .split('\n')
          .filter((line) => !line.includes('wang.fang'))
          .join('\n')}${wuTing}`,
      );
    const stored = async () => {
      const { store } = await openSeededStore(
        { store: 'sqlite', dbPath: join(dir, 'plandesk.db'), samplesDir: samples },
        { clock: { now: () => new Date() }, calendar: createWorkingCalendar(), newId: randomUUID },
      );
      try {
        return { directory: await store.directory.get(), applications: await store.applications.list() };
      } finally {
        await store.close();
      }
    };

    it('imports a new directory version and lists what changed in Chinese, people first, then units', async () => {
      const next = file(
        'directory.yaml',
        `${sampleDirectory()
          .replace('name: 闵行分公司', 'name: 闵行区分公司')
          .replace('roles: [admin, catalog_owner], locale: en-US', 'roles: [admin], locale: zh-CN')}${wuTing}`,
      );
      const { code, out } = await plandesk(dir, ['directory', 'import', next, '--by', 'zhou.jie']);
      expect(code).toBe(0);
      expect(json(out)).toMatchObject({
        directoryVersion: 2,
        previousVersion: 1,
        people: 10,
        units: 4,
        handedOver: [],
      });
      expect((json(out).changes as { message: string }[]).map((c) => c.message)).toEqual([
        '周杰(zhou.jie@plandesk.example) 不再担任:产品目录维护人',
        '周杰(zhou.jie@plandesk.example) 的语言:en-US → zh-CN',
        '新增人员:吴婷(wu.ting@plandesk.example)',
        '单位 minhang-branch 更名:闵行分公司 → 闵行区分公司',
      ]);
    });

    it('refuses a directory that would strand an open step, naming it and how to hand it over, and writes nothing', async () => {
      const { code, out, err } = await plandesk(dir, ['directory', 'import', withoutWangFang(), '--lang', 'en']);
      expect([code, out]).toEqual([2, '']);
      expect(err.split('\n')).toEqual([
        'The directory was not imported and nothing was written: open approval steps would have nobody to take them (1):',
        'PP-2026-000002, Operations Management approval: waiting for 王芳(wang.fang@plandesk.example), who is not in the new directory. ' +
          'Say who takes it over in the same import: --reassign wang.fang@plandesk.example=<their AAD object id or email>',
      ]);
      const { directory, applications } = await stored();
      expect(directory?.version).toBe(1);
      expect(applications.find((a) => a.id === 'PP-2026-000002')?.steps[0]?.assignee).toBe(wangFang);
    });

    it("refuses a hand-over to someone without the step's role, or whom neither directory knows", async () => {
      const noRole = await plandesk(dir, [
        'directory',
        'import',
        withoutWangFang(),
        '--reassign',
        'wang.fang@plandesk.example=zhao.lei@plandesk.example',
      ]);
      expect(noRole.code).toBe(2);
      expect(noRole.err).toContain('指定的接手人 赵磊(zhao.lei@plandesk.example) 在新版通讯录中不是经营管理部审批人。');
      const unknown = await plandesk(dir, [
        'directory',
        'import',
        withoutWangFang(),
        '--reassign',
        'wang.fang@plandesk.example=nobody@plandesk.example',
      ]);
      expect([unknown.code, unknown.err]).toEqual([
        2,
        '--reassign 中的 nobody@plandesk.example 不在当前或新版通讯录中(请写 AAD 对象 ID 或邮箱),未写入任何内容。',
      ]);
      expect((await stored()).directory?.version).toBe(1);
    });

    it('hands the stranded step to the person --reassign names, with a history line, and stores the version', async () => {
      const { code, out } = await plandesk(dir, [
        'directory',
        'import',
        withoutWangFang(),
        '--by',
        'zhou.jie',
        '--reassign',
        `${wangFang}=wu.ting@plandesk.example`,
        '--lang',
        'en',
      ]);
      expect(code).toBe(0);
      expect(json(out).handedOver).toEqual([
        {
          applicationId: 'PP-2026-000002',
          step: 'ops_review',
          holder: 'assignee',
          from: wangFang,
          to: wuTing_id,
          message:
            'PP-2026-000002, Operations Management approval: now with 吴婷(wu.ting@plandesk.example) (was 王芳(wang.fang@plandesk.example))',
        },
      ]);
      const { directory, applications } = await stored();
      expect(directory?.version).toBe(2);
      const handed = applications.find((a) => a.id === 'PP-2026-000002');
      expect(handed?.steps[0]).toMatchObject({ assignee: wuTing_id, delegate: liuQiang, status: 'pending' });
      expect(handed?.history.map((h) => [h.action, h.actor, h.comment, h.directoryVersion])).toEqual([
        ['submitted', expect.any(String), undefined, 1],
        ['ops_review.reassigned', 'zhou.jie', '王芳 → 吴婷', undefined],
      ]);
    });

    it('refuses a directory file with mistakes, naming each', async () => {
      const broken = file(
        'broken.yaml',
        sampleDirectory()
          .replace('email: zhang.wei@plandesk.example', 'email: zhang.wei')
          .replace('roles: [auditor]', 'roles: []'),
      );
      const { code, err } = await plandesk(dir, ['directory', 'import', broken, '--lang', 'en']);
      expect(code).toBe(2);
      expect(err).toContain('"people[0].email"');
      expect(err).toContain('"people[7].roles"');
      expect((await stored()).directory?.version).toBe(1);
    });
  });

  describe('report', () => {
    // The store is seeded with the three sample applications when first opened, Tue 1 Dec 2026 at
    // 10:00, each due Thu 3 Dec 18:00; read on Thu 10 Dec nobody has decided any.
    const later = '2026-12-10T10:00:00+08:00';
    beforeEach(async () => {
      expect((await plandesk(dir, ['report', '2026-12', '--json'])).code).toBe(0);
    });

    it('prints the month as JSON: the samples filed, in review, every step awaited past its deadline', async () => {
      const { code, out } = await plandesk(dir, ['report', '2026-12', '--json'], later);
      expect(code).toBe(0);
      const report = json(out);
      expect(report).toMatchObject({
        month: '2026-12',
        asOf: '2026-12-10T02:00:00.000Z',
        submitted: 3,
        outcomes: { approved: 0, in_review: 3, returned: 0, rejected: 0, withdrawn: 0 },
        cycleTimes: [],
        overdueBySteps: [
          { step: 'cooperation', counted: 1, overdue: 1, overduePct: 100 },
          { step: 'ops_review', counted: 2, overdue: 2, overduePct: 100 },
        ],
        decisionsByUnit: [],
        activePlans: { total: 0, onPace: 0, flagged: 0, notEvaluated: 0 },
        spotCheck: { drawn: false, sampled: 0 },
      });
      expect((report.economicsByUnit as { unit: string; plans: number }[]).map((u) => [u.unit, u.plans])).toEqual([
        ['minhang-branch', 1],
        ['pudong-branch', 2],
      ]);
    });

    it('prints the same figures in words without --json', async () => {
      const { code, out } = await plandesk(dir, ['report', '2026-12', '--lang', 'en'], later);
      expect(code).toBe(0);
      expect(out).toContain('Personalized plans: report for 2026-12');
      expect(out).toContain('3 applications filed this month.');
      expect(out).toContain('  In review: 3');
      expect(out).toContain('  Operations Management approval: 2 of 2 overdue (100.0%)');
    });

    it.each([[[]], [['2026-13']], [['november']]])('refuses %j for a month, exit code 2', async (args) => {
      const { code, err } = await plandesk(dir, ['report', ...args, '--lang', 'en'], later);
      expect(code).toBe(2);
      expect(err).toContain('--month');
    });
  });

  it('answers an unknown command with the usage, exit code 2', async () => {
    const { code, err } = await plandesk(dir, ['approve', '--lang', 'en']);
    expect(code).toBe(2);
    expect(err).toContain('Unknown command "approve"');
    expect(err).toContain('Usage: plandesk');
  });
});
