import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { createApp, type PlanDeskApp } from '../../src/create-app';
import { createJsonLog } from '../../src/log';

describe('GET /readyz on PlanDesk as `npm start` builds it', () => {
  let now = new Date('2026-11-20T10:00:00+08:00');
  const clock = { now: () => now };
  const logLines: string[] = [];
  let app: PlanDeskApp;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plandesk-readyz-'));
    const config = loadConfig({
      PORT: '0',
      PLANDESK_DB: join(dir, 'plandesk.db'),
      PLANDESK_SAMPLES: join(__dirname, '../../config/samples'),
      PLANDESK_TICK_INTERVAL_MS: '60000',
    });
    app = await createApp(config, { clock, log: createJsonLog('info', (line) => logLines.push(line)) });
    base = `http://127.0.0.1:${await app.start()}`;
  });

  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const readyz = async () => {
    const res = await fetch(`${base}/readyz`);
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & { reasons: { code: string }[] },
    };
  };

  it('should answer 200 with every check and its figures when the instance has just started', async () => {
    const { status, body } = await readyz();

    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ready',
      checks: {
        store: { status: 'ok' },
        tick: { status: 'ok', lastTickAt: null, limitSeconds: 180 },
        outbox: { waiting: expect.any(Number) },
        deadLetters: { status: 'ok', last24h: 0 },
        calendar: { status: expect.stringMatching(/^(ok|warn)$/), years: { 2026: true } },
      },
    });
    expect(body.reasons.every((r) => r.code !== 'tick_late')).toBe(true);
  });

  it('should answer 503 with the reason once no tick has finished for three intervals, logging the change once', async () => {
    now = new Date(now.getTime() + 3 * 60_000 + 1_000);

    const { status, body } = await readyz();
    await readyz();

    expect(status).toBe(503);
    expect(body.status).toBe('not_ready');
    expect(body.reasons).toEqual([
      expect.objectContaining({ check: 'tick', status: 'fail', code: 'tick_late' }),
      ...body.reasons.slice(1),
    ]);
    expect(logLines.filter((line) => line.includes('"code":"not_ready"'))).toHaveLength(1);
  });

  it('should be ready again after a tick', async () => {
    await app.tick();

    const { status, body } = await readyz();

    expect(status).toBe(200);
    expect(body.checks).toMatchObject({ tick: { status: 'ok', lastTickAt: now.toISOString(), ageSeconds: 0 } });
    expect(logLines.some((line) => line.includes('"code":"ready"'))).toBe(true);
  });

  it('should answer 503 when the store cannot be read', async () => {
    await app.store.close();

    const { status, body } = await readyz();

    expect(status).toBe(503);
    // Failures come first; next year's calendar may add a warning after them.
    expect(body.reasons[0]).toMatchObject({ check: 'store', status: 'fail', code: 'store_unreachable' });
    expect(body.reasons.filter((r) => (r as { status?: string }).status === 'fail')).toHaveLength(1);
  });
});
