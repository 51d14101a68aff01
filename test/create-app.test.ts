import type { Server as HttpServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Attachment } from 'botbuilder';
import { createJsonLog } from '../src/log';
import { loadConfig } from '../src/config';
import { createApp, type PlanDeskApp } from '../src/create-app';
import { startConnector, teamsMessage, type ConnectorCall } from './support/bot-connector';

const clock = { now: () => new Date('2026-12-01T10:00:00+08:00') };

describe('PlanDesk started as `npm start` starts it', () => {
  let dir: string;
  let app: PlanDeskApp;
  let base: string;
  const logLines: string[] = [];
  const calls: ConnectorCall[] = [];
  let connector: { server: HttpServer; url: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plandesk-app-'));
    connector = await startConnector(calls);
    const config = loadConfig({
      PORT: '0',
      PLANDESK_DB: join(dir, 'plandesk.db'),
      PLANDESK_SAMPLES: join(__dirname, '../config/samples'),
    });
    app = await createApp(config, { clock, log: createJsonLog('info', (line) => logLines.push(line)) });
    base = `http://127.0.0.1:${await app.start()}`;
  });

  afterAll(async () => {
    await app.stop();
    await new Promise((resolve) => connector.server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates its SQLite file and seeds it from the samples, saying so in the log', async () => {
    expect(await app.store.catalogs.current()).toMatchObject({ version: 1, importedBy: 'seed' });
    expect((await app.store.applications.list()).map((a) => [a.id, a.assessment.tier])).toEqual([
      ['PP-2026-000001', 'tier2'],
      ['PP-2026-000002', 'tier1'],
      ['PP-2026-000003', 'tier3'],
    ]);
    expect(logLines.some((l) => l.includes('"code":"seeded"'))).toBe(true);
  });

  it('warns that it accepts unauthenticated requests when no app id is set', () => {
    expect(logLines.some((l) => l.includes('"code":"auth_anonymous"'))).toBe(true);
    expect(logLines.some((l) => l.includes('"code":"auth_multi_tenant"'))).toBe(false);
  });

  it('warns that audit checkpoints are unsigned when PLANDESK_AUDIT_KEY is not set', () => {
    expect(logLines.some((l) => l.includes('"code":"audit_unsigned"'))).toBe(true);
  });

  it('reports its health with the store and the catalog version', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok', store: 'sqlite', catalogVersion: 1 });
  });

  it('answers a Teams message with the help card in Chinese', async () => {
    const response = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(teamsMessage(connector.url, '你好')),
    });
    expect(response.status).toBe(200);
    const reply = calls.at(-1)?.body;
    const card = reply?.attachments?.[0] as Attachment;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(card.content)).toContain('PlanDesk 个性化方案助手');
  });

  it('keeps what it stored when started again on the same file, without seeding twice; says when checkpoints are signed and when the bot is a legacy multi-tenant one', async () => {
    const config = loadConfig({
      PORT: '0',
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppId: 'app-1',
      MicrosoftAppPassword: 'secret',
      PLANDESK_DB: join(dir, 'plandesk.db'),
      PLANDESK_SAMPLES: join(__dirname, '../config/samples'),
      PLANDESK_AUDIT_KEY: 'q3X0m9pZ4k2VbN8s1cR7tY6uW5eA0dLfGhJkPoIuYtRe=',
    });
    const lines: string[] = [];
    const again = await createApp(config, { clock, log: createJsonLog('info', (line) => lines.push(line)) });
    try {
      expect(await again.store.applications.list()).toHaveLength(3);
      expect((await again.store.catalogs.current())?.version).toBe(1);
      expect(lines.some((l) => l.includes('"code":"seeded"'))).toBe(false);
      expect(lines.some((l) => l.includes('"code":"audit_signed"'))).toBe(true);
      expect(lines.some((l) => l.includes('"code":"audit_unsigned"'))).toBe(false);
      expect(lines.some((l) => l.includes('"code":"auth_multi_tenant"'))).toBe(true);
      expect(lines.some((l) => l.includes('"code":"auth_anonymous"'))).toBe(false);
    } finally {
      await again.stop();
    }
  });
});
