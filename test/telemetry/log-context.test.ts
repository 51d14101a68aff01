import type { Server } from 'restify';
import { createJsonLog, type Log } from '../../src/log';
import { close, createServer, listen } from '../../src/http/server';

type Line = Record<string, unknown>;

describe('the log', () => {
  const lines: string[] = [];
  const parsed = (): Line[] => lines.map((l) => JSON.parse(l) as Line);
  let server: Server;
  let base: string;
  let log: Log;

  beforeAll(async () => {
    log = createJsonLog('info', (line) => lines.push(line));
    // A bot that logs a line while it answers, or fails with an error that has a cause.
    const bot = {
      async run(activity: Record<string, unknown>) {
        await new Promise((resolve) => setImmediate(resolve));
        if (activity.text === 'fail') throw new Error('store write failed', { cause: new Error('disk full') });
        log.info('answered', { code: 'answered' });
      },
    };
    const adapter = {
      async answer(_auth: string, body: Record<string, unknown>, logic: (c: Record<string, unknown>) => Promise<void>) {
        await logic(body);
        return { status: 200 };
      },
    };
    server = createServer({ adapter, bot, log });
    base = `http://127.0.0.1:${(await listen(server, 0, '127.0.0.1')).port}`;
  });

  afterAll(() => close(server));
  beforeEach(() => (lines.length = 0));

  const post = (activity: Record<string, unknown>) =>
    fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:1/',
        from: { id: '29:someone' },
        recipient: { id: '28:bot' },
        ...activity,
      }),
    });

  it('should write one JSON line per entry with its time, level as a word, pid and message', () => {
    log.warn('calendar year missing', { code: 'calendar_year_missing', year: 2027 });

    const [line] = parsed();
    expect(line).toMatchObject({ level: 'warn', pid: process.pid, msg: 'calendar year missing', year: 2027 });
    expect(new Date(String(line?.time)).toISOString()).toBe(line?.time);
  });

  it("should put the turn's activity id, conversation and card verb on every line logged while it is answered", async () => {
    const res = await post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'act-7',
      conversation: { id: 'a:1:chat' },
      value: { action: { type: 'Action.Execute', verb: 'plan.refresh' } },
    });

    expect(res.status).toBe(200);
    expect(parsed().find((l) => l.code === 'answered')).toMatchObject({
      activityId: 'act-7',
      conversation: 'a:1:chat',
      verb: 'plan.refresh',
    });
  });

  it("should not carry one turn's context onto lines logged outside it", async () => {
    await post({ type: 'message', id: 'act-8', conversation: { id: 'a:1:chat' }, text: 'hi' });
    log.info('between turns');

    const [turnLine, outside] = parsed();
    expect(turnLine).toMatchObject({ activityId: 'act-8', verb: 'message' });
    expect(outside).not.toHaveProperty('activityId');
  });

  it("should log a failed turn's error with its stack and its cause, in the turn's context", async () => {
    const res = await post({ type: 'message', id: 'act-9', conversation: { id: 'a:1:chat' }, text: 'fail' });

    expect(res.status).toBe(500);
    const failed = parsed().find((l) => l.code === 'turn_failed') as { error: Line } & Line;
    expect(failed).toMatchObject({ level: 'error', activityId: 'act-9' });
    expect(failed.error.message).toContain('store write failed');
    expect(String(failed.error.stack)).toContain('log-context.test');
    expect(failed.error.cause).toMatchObject({ message: 'disk full' });
  });

  it('should leave out lines below the configured level', () => {
    const quiet: string[] = [];
    const warnOnly = createJsonLog('warn', (line) => quiet.push(line));
    warnOnly.info('not shown');
    warnOnly.error('shown');

    expect(quiet.map((l) => (JSON.parse(l) as Line).msg)).toEqual(['shown']);
  });
});
