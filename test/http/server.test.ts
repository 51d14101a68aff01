import type { Server as HttpServer } from 'node:http';
import type { Activity, Attachment } from 'botbuilder';
import type { Server } from 'restify';
import { createAdapter } from '../../src/bot/adapter';
import { createJsonLog } from '../../src/log';
import { PlanDeskBot } from '../../src/bot/plandesk-bot';
import { loadConfig } from '../../src/config';
import { close, createServer, listen } from '../../src/http/server';
import { t } from '../../src/i18n';
import { startConnector, teamsMessage, type ConnectorCall } from '../support/bot-connector';

const titleOf = (attachment: Attachment | undefined): unknown =>
  (attachment?.content as { body: { text: string }[] }).body[0]?.text;

describe('the HTTP server', () => {
  const calls: ConnectorCall[] = [];
  const logLines: string[] = [];
  let connector: { server: HttpServer; url: string };
  let server: Server;
  let base: string;

  beforeAll(async () => {
    connector = await startConnector(calls);
    const log = createJsonLog('debug', (line) => logLines.push(line));
    // No MicrosoftAppId: the adapter is anonymous, as in local testing.
    const adapter = createAdapter(loadConfig({}), log);
    server = createServer({ adapter, bot: new PlanDeskBot(), log, health: async () => ({ store: 'sqlite' }) });
    const address = await listen(server, 0, '127.0.0.1');
    base = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await close(server);
    await new Promise((resolve) => connector.server.close(resolve));
  });

  beforeEach(() => {
    calls.length = 0;
    logLines.length = 0;
  });

  const post = (activity: Partial<Activity>) =>
    fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });

  it('should answer a Teams message with the help card in Chinese, posted back to the Bot Connector as a reply', async () => {
    const res = await post(teamsMessage(connector.url, 'hello'));

    expect(res.status).toBe(200);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.method).toBe('POST');
    expect(call?.url).toBe(`/v3/conversations/${encodeURIComponent('a:1:personal-chat')}/activities/msg-1`);
    // Anonymous mode sends no token, which is why only a local connector or the Playground accepts it.
    expect(call?.authorization).toBeUndefined();
    expect(call?.body.replyToId).toBe('msg-1');
    expect(call?.body.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(titleOf(call?.body.attachments?.[0])).toBe(t('zh-CN', 'help.title'));
    expect(logLines).toEqual([]);
  });

  it('should answer in English when the message comes with locale en-US', async () => {
    const res = await post(teamsMessage(connector.url, 'help', 'en-US'));

    expect(res.status).toBe(200);
    expect(titleOf(calls[0]?.body.attachments?.[0])).toBe(t('en-US', 'help.title'));
  });

  it('should refuse a body that is not an activity with 400 and reply nothing', async () => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[]',
    });

    expect(res.status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('should answer GET /livez with 200 without asking the health callback', async () => {
    const res = await fetch(`${base}/livez`);

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('should report health on GET /healthz with 200 and the details the callback adds', async () => {
    const res = await fetch(`${base}/healthz`);

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', store: 'sqlite' });
  });
});

describe('the health endpoint with a failing check', () => {
  it('should answer 503 and log the failure with its code', async () => {
    const lines: string[] = [];
    const log = createJsonLog('info', (line) => lines.push(line));
    const server = createServer({
      adapter: createAdapter(loadConfig({}), log),
      bot: new PlanDeskBot(),
      log,
      health: () => Promise.reject(new Error('database is locked')),
    });
    const { port } = await listen(server, 0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);

      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable' });
      expect(lines.some((line) => line.includes('"code":"health_failed"') && line.includes('database is locked'))).toBe(
        true,
      );
    } finally {
      await close(server);
    }
  });
});

describe('listen', () => {
  it('should reject when the port is already taken', async () => {
    const log = createJsonLog('silent');
    const make = () => createServer({ adapter: createAdapter(loadConfig({}), log), bot: new PlanDeskBot(), log });
    const first = make();
    const { port } = await listen(first, 0, '127.0.0.1');
    try {
      await expect(listen(make(), port, '127.0.0.1')).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await close(first);
    }
  });
});

describe('the readiness endpoint', () => {
  const serve = async (readiness?: () => Promise<{ status: 'ready' | 'not_ready' }>) => {
    const log = createJsonLog('silent');
    const server = createServer({
      adapter: createAdapter(loadConfig({}), log),
      bot: new PlanDeskBot(),
      log,
      ...(readiness ? { readiness } : {}),
    });
    const { port } = await listen(server, 0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      return { status: res.status, body: await res.json() };
    } finally {
      await close(server);
    }
  };

  it('should answer 200 with what the readiness check says when it says ready, and 503 with it when not', async () => {
    const body = { status: 'not_ready' as const, reasons: [{ check: 'tick', status: 'fail', code: 'tick_late' }] };
    expect(await serve(async () => ({ ...body, status: 'ready' }))).toEqual({
      status: 200,
      body: { ...body, status: 'ready' },
    });
    expect(await serve(async () => body)).toEqual({ status: 503, body });
  });

  it('should answer 503 with a reason when the readiness check throws, and ready with no checks without one', async () => {
    expect(await serve(() => Promise.reject(new Error('boom')))).toEqual({
      status: 503,
      body: { status: 'not_ready', reasons: [{ check: 'readiness', status: 'fail', code: 'readiness_failed' }] },
    });
    expect(await serve()).toEqual({ status: 200, body: { status: 'ready', reasons: [], checks: {} } });
  });
});
