/**
 * PlanDesk's hot path next to the framework's floor, in one run (issue 13): a botbuilder echo bot on
 * the same restify + CloudAdapter stack (`src/http/server.ts`, anonymous auth) answering any
 * `adaptiveCard/action` invoke with a small static card and any message with its text, and the real
 * PlanDesk server on a fresh SQLite store seeded with the samples. Each runs in its own child process;
 * this process only drives them with autocannon, the same activities at each. Prints req/s, p50, p99
 * and the slowest answer in steady state (see `measure`), the ratios per path, how long it took until
 * every connection had been answered, and each server's RSS. Asserts nothing.
 *
 *   npm run bench:hot-path
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=64 npm run bench:hot-path
 *   BENCH_MEMORY_REFRESHES=100000 npm run bench:hot-path   (also RSS after 10,000 and 100,000 refreshes)
 *   BENCH_STORE=cosmos npm run bench:hot-path   (PlanDesk on cosmosdb-server, in a process of its own, with
 *   the Cosmos requests of the first answer of each path and of the next one, by operation)
 *
 *   BENCH_PROFILE=/tmp/prof BENCH_PATHS=approver npm run bench:hot-path   (each server's CPU profile of that
 *   path alone, from when it listens to its end: /tmp/prof/floor.cpuprofile and plandesk.cpuprofile)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ActivityHandler, CardFactory } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { submit } from '../src/app/approval/submit';
import { addMonths, monthOf, shanghaiDate } from '../src/domain/local-date';
import { parseApplicationJson } from '../src/formats/application-json';
import { createAdapter } from '../src/bot/adapter';
import type { Activity } from 'botbuilder';
import { createApp } from '../src/create-app';
import { loadConfig } from '../src/config';
import { createServer, listen } from '../src/http/server';
import { createJsonLog } from '../src/log';
import type { RequestCharges } from '../src/store/cosmos/request-charges';
import { EMULATOR_KEY } from '../test/store/support/cosmos-target';
import { startCosmosServer } from './support/cosmos-server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
/** PlanDesk's store: the embedded SQLite file, or cosmosdb-server (BENCH_STORE=cosmos). */
const STORE = process.env.BENCH_STORE === 'cosmos' ? 'cosmos' : 'sqlite';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
/** Seconds of unmeasured load before each measured run. */
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 1);
const APPLICATION = 'PP-2026-000001';
/** Plans waiting on the approver of the `待办` path. */
const WAITING = Number(process.env.BENCH_WAITING ?? 500);
/** Fresh plans for the `plan.approve` path, one decision each; more than the run can decide. */
const APPROVABLE = Number(process.env.BENCH_APPROVABLE ?? (STORE === 'cosmos' ? 600 : 10000));
/** How many fresh plans each server's `plan.approve` run used, by its stand-in connector's address. */
const used = new Map<string, number>();
/** 刘强, the sample application's approver, sees the full card with his buttons. */
const APPROVER = { aad: '00000000-0000-0000-0000-00000000b003', name: '刘强' };
/** 赵磊 is in the directory but has no part in the application: he sees its status only. */
const ONLOOKER = { aad: '00000000-0000-0000-0000-00000000c001', name: '赵磊' };
/** 张伟, a directory person, asks for help. */
const ASKER = { aad: '00000000-0000-0000-0000-00000000a001', name: '张伟' };

type Person = { aad: string; name: string };
type Role = 'floor' | 'plandesk';

/** A stand-in Bot Connector that accepts every reply and keeps nothing (so it does not grow RSS). */
async function startConnector(): Promise<string> {
  const server = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"reply"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The echo bot: the least a botbuilder bot on this stack can do per activity. */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  protected override async onInvokeActivity(context: Parameters<ActivityHandler['run']>[0]) {
    if (context.activity.name !== 'adaptiveCard/action') return { status: 501 };
    const card = CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Refreshed', wrap: true }],
    }).content as Record<string, unknown>;
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
  }
}

/** In a child: starts one server, prints `port <n>` once listening, and serves until killed. */
async function serve(role: Role): Promise<void> {
  const silent = createJsonLog('error', () => undefined);
  // Exit rather than die on a signal, so `node --cpu-prof` writes its profile (and BENCH_PROFILE's is saved).
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stopProfile(role).finally(() => process.exit(0)));
  // Each server has its own stand-in connector, so replies to messages do not wait on the load generator.
  process.stdout.write(`connector ${await startConnector()}\n`);
  if (role === 'floor') {
    // The same adapter PlanDesk answers through (CloudAdapter, anonymous), so the floor has the same edge.
    const adapter = createAdapter(loadConfig({}), silent);
    const server = createServer({ adapter, bot: new EchoBot(), log: silent });
    const address = await listen(server, 0, '127.0.0.1');
    await startProfile();
    process.stdout.write(`port ${address.port}\n`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-hot-path-'));
  mkdirSync(dir, { recursive: true });
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  // cosmosdb-server's certificate is self-signed; this child process talks to nothing else over TLS.
  if (STORE === 'cosmos') process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  const cosmos = STORE === 'cosmos' ? await startCosmosServer() : null;
  if (cosmos) process.on('exit', () => cosmos.child.kill());
  const config = loadConfig({
    PORT: '0',
    PLANDESK_DB: join(dir, 'plandesk.db'),
    PLANDESK_SAMPLES: join(__dirname, '../config/samples'),
    PLANDESK_DELIVERY_INTERVAL_MS: '600000',
    // The beats would add their own requests to the counts and their work to the figures.
    PLANDESK_TICK_INTERVAL_MS: '3600000',
    ...(cosmos
      ? {
          PLANDESK_STORE: 'cosmos',
          COSMOS_ENDPOINT: cosmos.endpoint,
          COSMOS_KEY: EMULATOR_KEY,
          COSMOS_DATABASE: 'bench',
        }
      : {}),
  });
  const clock = { now: () => new Date('2026-12-01T10:00:00+08:00') };
  const app = await createApp(config, { clock, log: silent });
  const charges = (app.store as { charges?: RequestCharges }).charges;
  if (charges) answerChargeQuestions(charges);
  // The memory run asks for a full collection before each reading, so RSS shows what is kept, not what waits for GC.
  process.stdin.on('data', (chunk: Buffer) => {
    if (chunk.toString('utf8').includes('gc\n')) (globalThis as { gc?: () => void }).gc?.();
  });
  const waiting = await fileCopies(app, clock, '01-cloud-pbx-tier2.json', WAITING, 'bench-wait');
  const approvable = await fileCopies(app, clock, '02-line-tier1.json', APPROVABLE, 'bench-approve');
  process.stdout.write(`waiting ${waiting.assignee} ${waiting.ids.length}\n`);
  process.stdout.write(`approvable ${approvable.assignee} ${approvable.ids.join(',')}\n`);
  const port = await app.start();
  await startProfile();
  process.stdout.write(`port ${port}\n`);
}

/**
 * BENCH_PROFILE=<dir>: each server's CPU profile from the moment it listens (after PlanDesk's seeding) to
 * its end, written to <dir>/<role>.cpuprofile. With BENCH_PATHS naming one path, the profile is that path's.
 */
const PROFILE_DIR = process.env.BENCH_PROFILE;
let profiler: Session | null = null;
async function startProfile(): Promise<void> {
  if (!PROFILE_DIR) return;
  profiler = new Session();
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
async function stopProfile(role: Role): Promise<void> {
  if (!profiler || !PROFILE_DIR) return;
  const { profile } = await profiler.post('Profiler.stop');
  mkdirSync(PROFILE_DIR, { recursive: true });
  writeFileSync(join(PROFILE_DIR, `${role}.cpuprofile`), JSON.stringify(profile));
}

/**
 * On Cosmos, the child answers lines on stdin: `reset` zeroes the store's request meter; `count` prints
 * `charges <json>`, the requests (and RU) since, by store operation.
 */
function answerChargeQuestions(charges: RequestCharges): void {
  let buffered = '';
  process.stdin.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end).trim();
      buffered = buffered.slice(end + 1);
      if (line === 'reset') charges.reset();
      if (line === 'count') process.stdout.write(`charges ${JSON.stringify(charges.byOperation())}\n`);
    }
  });
}

/** Files `count` copies of a sample application through PlanDesk's own use case; says who decides their first step. */
async function fileCopies(
  app: Awaited<ReturnType<typeof createApp>>,
  clock: { now: () => Date },
  file: string,
  count: number,
  draftPrefix: string,
): Promise<{ assignee: string; ids: string[] }> {
  const parsed = parseApplicationJson(
    readFileSync(join(__dirname, '../config/samples/applications', file), 'utf8'),
    file,
  );
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  const input = { ...parsed.value, startMonth: addMonths(monthOf(shanghaiDate(clock.now())), 1) };
  const deps = { store: app.store, clock, calendar: app.calendar, newId: randomUUID };
  const ids: string[] = [];
  let assignee = '';
  for (let i = 0; i < count; i += 1) {
    const filed = await submit(deps, { input, actor: input.applicant, draftId: `${draftPrefix}-${i}` });
    if (!filed.ok) throw new Error(`${file} was not filed: ${filed.error.code}`);
    ids.push(filed.value.id);
    assignee = filed.value.steps[0]?.assignee ?? '';
  }
  return { assignee, ids };
}

interface Server {
  child: ChildProcess;
  base: string;
  connector: string;
  /** PlanDesk's: who the `待办` plans wait on, and how many there are. */
  waitingOn: string | null;
  waiting: number;
  /** PlanDesk's: who decides the fresh plans, and their numbers. */
  approver: string | null;
  approvable: string[];
  /** The Cosmos requests one answer made, by store operation (on Cosmos; null otherwise). */
  chargesOf: ((request: () => Promise<void>) => Promise<Record<string, { requests: number }> | null>) | null;
}

/** Starts this file again as a child in `role`; resolves with its port once it listens. */
function startChild(role: Role): Promise<Server> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--expose-gc', ...process.execArgv, __filename], {
    env: { ...process.env, BENCH_ROLE: role },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let answered: ((line: string) => void) | null = null;
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code} before listening`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const charges = /^charges (.*)$/m.exec(out);
      if (charges && answered) {
        out = out.replace(/^charges .*\n?/m, '');
        answered(charges[1] ?? '{}');
        answered = null;
      }
      const port = /^port (\d+)$/m.exec(out)?.[1];
      const connector = /^connector (\S+)$/m.exec(out)?.[1];
      const waiting = /^waiting (\S+) (\d+)$/m.exec(out);
      const approvable = /^approvable (\S+) (\S+)$/m.exec(out);
      if (port && connector)
        resolve({
          child,
          base: `http://127.0.0.1:${port}`,
          connector,
          waitingOn: waiting?.[1] ?? null,
          waiting: Number(waiting?.[2] ?? 0),
          approver: approvable?.[1] ?? null,
          approvable: approvable?.[2]?.split(',') ?? [],
          chargesOf:
            role === 'plandesk' && STORE === 'cosmos'
              ? async (request) => {
                  child.stdin?.write('reset\n');
                  await request();
                  const line = new Promise<string>((done) => (answered = done));
                  child.stdin?.write('count\n');
                  return JSON.parse(await line) as Record<string, { requests: number }>;
                }
              : null,
        });
    });
  });
}

const rssMb = (pid: number): number => {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) / 1024;
};

function activity(who: Person, serviceUrl: string, fields: Partial<Activity>): Partial<Activity> {
  return {
    id: 'act-bench',
    timestamp: new Date(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${who.aad}`, name: who.name, aadObjectId: who.aad },
    recipient: { id: '28:plandesk', name: 'PlanDesk' },
    conversation: {
      id: `a:personal-${who.aad}`,
      conversationType: 'personal',
      tenantId: 'tenant-1',
      isGroup: false,
      name: '',
    },
    channelData: { tenant: { id: 'tenant-1' } },
    locale: 'zh-CN',
    ...fields,
  };
}

const refresh = (who: Person, serviceUrl: string) =>
  activity(who, serviceUrl, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: {
      action: { type: 'Action.Execute', verb: 'plan.refresh', data: { applicationId: APPLICATION } },
      trigger: 'automatic',
    },
  });

interface Path {
  name: string;
  /** The activities of the run, one per request: the same one again, or a new one each time (decisions). */
  bodies: (serviceUrl: string, plandesk: Server) => () => Partial<Activity>;
  /** Whether every request sends the same activity. */
  same: boolean;
}

const decide = (who: Person, serviceUrl: string, applicationId: string) =>
  activity(who, serviceUrl, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: {
      action: { type: 'Action.Execute', verb: 'plan.approve', data: { applicationId, revision: 1, stepIndex: 0 } },
      trigger: 'manual',
    },
  });

const always = (body: Partial<Activity>) => () => body;

const PATHS: Path[] = [
  { name: `plan.refresh by approver (full card)`, same: true, bodies: (s) => always(refresh(APPROVER, s)) },
  { name: `plan.refresh by onlooker (status)`, same: true, bodies: (s) => always(refresh(ONLOOKER, s)) },
  {
    name: `待办 of an approver with ${WAITING} waiting`,
    same: true,
    bodies: (s, p) => always(activity({ aad: p.waitingOn ?? '', name: '待办' }, s, { type: 'message', text: '待办' })),
  },
  {
    name: 'plan.approve, a fresh plan each time',
    same: false,
    bodies: (s, p) => {
      let next = 0;
      const who = { aad: p.approver ?? '', name: '审批人' };
      return () => {
        used.set(s, next + 1);
        return decide(who, s, p.approvable[next++] ?? 'PP-2026-999999');
      };
    },
  },
  { name: `message help`, same: true, bodies: (s) => always(activity(ASKER, s, { type: 'message', text: 'help' })) },
];

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  /** Requests answered in the measured window. */
  done: number;
  /** Milliseconds from the start of the load until every connection had had an answer. */
  allConnected: number;
}

const ms = (value: number): string => `${value.toFixed(0)} ms`;

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);

/**
 * One autocannon run at CONNECTIONS connections, measured in steady state: the window of SECONDS
 * starts once the warm-up has passed and every connection has had its first answer. A saturated Node
 * server takes on new connections one by one (the floor as well: its 64th first answer comes about a
 * second in, PlanDesk's several seconds in at 0.1× the floor's rate), so counting from the start
 * measures how fast connections are taken on, which Teams' few long-lived connections never see. That
 * time is printed too.
 */
function measure(base: string, next: () => Partial<Activity>, same: boolean): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const answered = new Set<unknown>();
    let steadyAt: number | null = null;
    const times: number[] = [];
    let non2xx = 0;
    let errors = 0;
    const instance = autocannon(
      {
        url: `${base}/api/messages`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        ...(same
          ? { body: JSON.stringify(next()) }
          : { requests: [{ setupRequest: (request: object) => ({ ...request, body: JSON.stringify(next()) }) }] }),
        connections: CONNECTIONS,
        // Stopped from the response handler once the window is full; this only bounds a server that never settles.
        duration: WARMUP + SECONDS + 120,
      },
      (error) => {
        if (error) return reject(error);
        if (steadyAt === null)
          return reject(new Error(`${base}: ${answered.size} of ${CONNECTIONS} connections answered within the run`));
        const sorted = times.sort((a, b) => a - b);
        resolve({
          rps: times.length / SECONDS,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          max: sorted.at(-1) ?? 0,
          non2xx,
          errors,
          done: times.length,
          allConnected: steadyAt - started,
        });
      },
    );
    instance.on('response', (client: unknown, status: number, _bytes: number, responseTime: number) => {
      const now = Date.now();
      answered.add(client);
      if (steadyAt === null) {
        if (answered.size >= CONNECTIONS && now - started >= WARMUP * 1000) steadyAt = now;
        return;
      }
      if (now - steadyAt > SECONDS * 1000) return instance.stop();
      times.push(responseTime);
      if (status < 200 || status >= 300) non2xx += 1;
    });
    instance.on('reqError', () => (errors += 1));
  });
}

/** One request to check the answer, then the measured run. */
async function drive(
  server: Server,
  path: Path,
  plandesk: Server,
): Promise<Figures & { answer: string; requests: string | null }> {
  const next = path.bodies(server.connector, plandesk);
  let answer = '';
  const request = async () => {
    const probe = await fetch(`${server.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(next()),
    });
    answer = await probe.text();
    // A wrong activity should fail loudly, not be measured.
    if (!probe.ok) throw new Error(`${server.base}: ${probe.status} ${answer}`);
  };
  const said = (charges: Record<string, { requests: number }> | null) =>
    `${Object.values(charges ?? {}).reduce((n, c) => n + c.requests, 0)} (${Object.entries(charges ?? {})
      .map(([operation, c]) => `${operation} ${c.requests}`)
      .join(', ')})`;
  // The first answer after seeding, and the next one right after it: what a steady run asks of the store.
  const requests = server.chargesOf
    ? `first ${said(await server.chargesOf(request))}; next ${said(await server.chargesOf(request))}`
    : (await request(), null);
  return { ...(await measure(server.base, next, path.same)), answer: `${answer.length} B`, requests };
}

async function main(): Promise<void> {
  const floor = await startChild('floor');
  const plandesk = await startChild('plandesk');
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idle = { floor: rssMb(floor.child.pid ?? 0), plandesk: rssMb(plandesk.child.pid ?? 0) };
    console.log(
      `hot path, PlanDesk on ${STORE === 'cosmos' ? 'cosmosdb-server' : 'SQLite'}: ${CONNECTIONS} connections, ${SECONDS} s per path and server, measured once every connection has been answered and at least ${WARMUP} s passed; load average before ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const rows: string[] = [];
    const counted: [string, string][] = [];
    // BENCH_PATHS=refresh,待办 runs only the paths whose names contain one of the words.
    const only = process.env.BENCH_PATHS?.split(',');
    for (const path of PATHS.filter((p) => !only || only.some((word) => p.name.includes(word)))) {
      const f = await drive(floor, path, plandesk);
      const p = await drive(plandesk, path, plandesk);
      if (p.requests) counted.push([path.name, p.requests]);
      const bad = f.non2xx + f.errors + p.non2xx + p.errors;
      rows.push(
        `| ${path.name} | ${f.rps.toFixed(0)} | ${ms(f.p50)} / ${ms(f.p99)} / ${ms(f.max)} | ${p.rps.toFixed(0)} | ${ms(p.p50)} / ${ms(p.p99)} / ${ms(p.max)} | ${(p.rps / f.rps).toFixed(2)}× | ${(p.p99 / Math.max(f.p99, 1)).toFixed(2)}× | ${f.done} / ${p.done} | ${(f.allConnected / 1000).toFixed(1)} / ${(p.allConnected / 1000).toFixed(1)} s | ${f.answer} / ${p.answer} |${bad ? ` ${bad} failed` : ''}`,
      );
    }
    console.log(
      '| path | floor req/s | floor p50 / p99 / max | PlanDesk req/s | PlanDesk p50 / p99 / max | throughput ratio | p99 ratio | answered floor / PlanDesk | all connections answered after, floor / PlanDesk | answer size floor / PlanDesk |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    rows.forEach((r) => console.log(r));
    for (const [name, requests] of counted) console.log(`Cosmos requests, ${name}: ${requests}`);
    const decided = PATHS.find((p) => !p.same);
    if (decided)
      console.log(
        `plan.approve: ${plandesk.approvable.length} fresh plans waited on one approver (${plandesk.approver === plandesk.waitingOn ? 'the same one as 待办, whose list held them too' : 'not the one of 待办'}); PlanDesk decided ${used.get(plandesk.connector) ?? 0} of them${(used.get(plandesk.connector) ?? 0) > plandesk.approvable.length ? ': TOO FEW, the rest were refused; raise BENCH_APPROVABLE' : ''}`,
      );
    console.log(
      `idle RSS: floor ${idle.floor.toFixed(0)} MB, PlanDesk ${idle.plandesk.toFixed(0)} MB; after the run: floor ${rssMb(floor.child.pid ?? 0).toFixed(0)} MB, PlanDesk ${rssMb(plandesk.child.pid ?? 0).toFixed(0)} MB`,
    );
    console.log(
      `load average after ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    if (MEMORY_REFRESHES > 0) await memoryRun(plandesk);
  } finally {
    floor.child.kill();
    plandesk.child.kill();
  }
  process.exit(0);
}

/** Refreshes sent in all by the memory run (BENCH_MEMORY_REFRESHES; 0 leaves it out). */
const MEMORY_REFRESHES = Number(process.env.BENCH_MEMORY_REFRESHES ?? 0);

/** Sends `amount` requests of one activity at CONNECTIONS connections, as fast as they are answered. */
function send(base: string, body: Partial<Activity>, amount: number): Promise<{ non2xx: number; errors: number }> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${base}/api/messages`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        connections: CONNECTIONS,
        amount,
        timeout: 30,
      },
      (error, result) => (error ? reject(error) : resolve({ non2xx: result.non2xx, errors: result.errors })),
    );
  });
}

/**
 * The approver's refresh, MEMORY_REFRESHES times: PlanDesk's RSS after each tenth, after a full collection
 * and a second's rest, printed; growth past 10% between the first tenth (where it settles) and the end would be a leak.
 */
async function memoryRun(plandesk: Server): Promise<void> {
  const body = refresh(APPROVER, plandesk.connector);
  const tenth = Math.round(MEMORY_REFRESHES / 10);
  const rest = () => new Promise((resolve) => setTimeout(resolve, 1000));
  const started = Date.now();
  const rss: number[] = [];
  let failed = 0;
  for (let i = 0; i < 10; i += 1) {
    const run = await send(plandesk.base, body, i < 9 ? tenth : MEMORY_REFRESHES - 9 * tenth);
    failed += run.non2xx + run.errors;
    plandesk.child.stdin?.write('gc\n');
    await rest();
    rss.push(rssMb(plandesk.child.pid ?? 0));
  }
  const settled = rss[0] ?? 0;
  const end = rss.at(-1) ?? 0;
  console.log(
    `memory: PlanDesk RSS ${settled.toFixed(0)} MB after ${tenth.toLocaleString('en-US')} approver refreshes, ${end.toFixed(0)} MB after ${MEMORY_REFRESHES.toLocaleString('en-US')} (${(((end - settled) / settled) * 100).toFixed(1)}%), in ${((Date.now() - started) / 1000).toFixed(0)} s${failed ? `; ${failed} failed` : ''}; after each tenth: ${rss.map((r) => r.toFixed(0)).join(', ')} MB`,
  );
}

const role = process.env.BENCH_ROLE;
if (role === 'floor' || role === 'plandesk')
  serve(role).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
