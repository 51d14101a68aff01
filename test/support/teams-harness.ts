import { performance } from 'node:perf_hooks';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity, Attachment } from 'botbuilder';
import { createJsonLog } from '../../src/log';
import { loadConfig } from '../../src/config';
import { createApp, type PlanDeskApp } from '../../src/create-app';
import { startConnector, type ConnectorCall, type RosterMember } from './bot-connector';

/** The sample directory's people, by the part of the flow they play. */
export const PEOPLE = {
  zhangWei: { aad: '00000000-0000-0000-0000-00000000a001', name: '张伟' },
  huangLi: { aad: '00000000-0000-0000-0000-00000000a002', name: '黄丽' },
  liNa: { aad: '00000000-0000-0000-0000-00000000b001', name: '李娜' },
  wangFang: { aad: '00000000-0000-0000-0000-00000000b002', name: '王芳' },
  liuQiang: { aad: '00000000-0000-0000-0000-00000000b003', name: '刘强' },
  chenJing: { aad: '00000000-0000-0000-0000-00000000b004', name: '陈静' },
  zhaoLei: { aad: '00000000-0000-0000-0000-00000000c001', name: '赵磊' },
  sunMin: { aad: '00000000-0000-0000-0000-00000000c002', name: '孙敏' },
  zhouJie: { aad: '00000000-0000-0000-0000-00000000c003', name: '周杰' },
} as const;
export type Someone = (typeof PEOPLE)[keyof typeof PEOPLE];

export type CardJson = Record<string, unknown>;

/** Every object in a card's tree, depth first. */
export function nodes(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (value && typeof value === 'object')
    return [value as Record<string, unknown>, ...Object.values(value).flatMap(nodes)];
  return [];
}

/** The data of the card's Action.Execute with this verb, or undefined when the viewer has no such button. */
export const actionData = (card: CardJson, verb: string): Record<string, unknown> | undefined =>
  nodes(card).find((n) => n.type === 'Action.Execute' && n.verb === verb)?.data as Record<string, unknown> | undefined;

export const verbsOf = (card: CardJson): string[] =>
  nodes(card)
    .filter((n) => n.type === 'Action.Execute')
    .map((n) => String(n.verb));
export const textOf = (card: CardJson): string => JSON.stringify(card);
/** The card's TextBlocks in reading order, one per line (what a person reads, top to bottom). */
export const linesOf = (card: CardJson): string =>
  nodes(card)
    .filter((n) => n.type === 'TextBlock' && typeof n.text === 'string')
    .map((n) => String(n.text))
    .join('\n');

/**
 * PlanDesk started for real (restify, CloudAdapter, SQLite file) against a stand-in Bot Connector,
 * with people who talk to it through real Bot Framework activities over HTTP.
 */
export class TeamsHarness {
  private constructor(
    readonly app: PlanDeskApp,
    /** Every call the stand-in connector received, in order; the n-th POST got the activity id `reply-n`. */
    readonly calls: ConnectorCall[],
    /** Moves PlanDesk's clock. */
    readonly setNow: (iso: string) => void,
    private readonly base: string,
    private readonly connector: { server: HttpServer; url: string },
    private readonly dir: string,
    /** The team's members as the connector lists them (for the bot's roster reads). */
    readonly roster: RosterMember[],
    private readonly files: Map<string, string | Buffer>,
  ) {}

  /** PlanDesk is added to a team (by `who`, in its General channel): the conversationUpdate Teams sends. */
  async addToTeam(who: Someone, channelId: string): Promise<void> {
    await this.post(
      this.activity(who, {
        type: 'conversationUpdate',
        membersAdded: [{ id: '28:plandesk', name: 'PlanDesk' }],
        conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1', name: '' },
        channelData: { tenant: { id: 'tenant-1' }, channel: { id: channelId }, team: { id: channelId } },
      }),
    );
  }

  /** `logLine`: hears each error-level log line (by default they are dropped). */
  static async start(
    now = '2026-12-01T10:00:00+08:00',
    logLine: (line: string) => void = () => undefined,
  ): Promise<TeamsHarness> {
    const dir = mkdtempSync(join(tmpdir(), 'plandesk-flow-'));
    const samples = join(dir, 'samples');
    mkdirSync(samples);
    // The sample catalog, policy and directory, without the sample applications.
    for (const f of ['catalog.csv', 'policy.yaml', 'directory.yaml'])
      copyFileSync(join(__dirname, '../../config/samples', f), join(samples, f));
    const calls: ConnectorCall[] = [];
    const roster: RosterMember[] = [];
    const files = new Map<string, string | Buffer>();
    const connector = await startConnector(calls, roster, files);
    const config = loadConfig({
      PORT: '0',
      PLANDESK_DB: join(dir, 'plandesk.db'),
      PLANDESK_SAMPLES: samples,
      PLANDESK_DELIVERY_INTERVAL_MS: '600000',
    });
    let clockNow = new Date(now);
    const app = await createApp(config, {
      clock: { now: () => clockNow },
      log: createJsonLog('error', logLine),
    });
    const port = await app.start();
    return new TeamsHarness(
      app,
      calls,
      (iso) => {
        clockNow = new Date(iso);
      },
      `http://127.0.0.1:${port}`,
      connector,
      dir,
      roster,
      files,
    );
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await new Promise((resolve) => this.connector.server.close(resolve));
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** An activity from a person in their 1:1 chat; `locale: null` sends none (as some Teams events do). */
  private activity(who: Someone, fields: Partial<Activity>, locale: string | null = 'zh-CN'): Partial<Activity> {
    const base: Partial<Activity> = {
      id: `act-${Math.random().toString(36).slice(2)}`,
      timestamp: new Date(),
      channelId: 'msteams',
      serviceUrl: this.connector.url,
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
      ...(locale === null ? {} : { locale }),
      ...fields,
    };
    return base;
  }

  /** A person installs PlanDesk (the bot joins their 1:1 chat); returns what the bot said there. */
  async install(who: Someone, locale: string | null): Promise<Partial<Activity>[]> {
    const before = this.calls.length;
    await this.post(
      this.activity(
        who,
        { type: 'conversationUpdate', membersAdded: [{ id: '28:plandesk', name: 'PlanDesk' }] },
        locale,
      ),
    );
    return this.calls
      .slice(before)
      .filter((c) => c.url.includes(`personal-${who.aad}`) && c.method === 'POST')
      .map((c) => c.body as Partial<Activity>);
  }

  /** How long the last request took to be answered (before the deliveries it caused), in ms. */
  lastAnswerMs = 0;

  /** An activity from a person in their 1:1 chat, as Teams would send it, to send as it is or spoil. */
  activityFrom(who: Someone, fields: Partial<Activity>): Record<string, unknown> {
    return { ...this.activity(who, fields) };
  }

  /** POSTs any body (an object as JSON, a string as it is) to /api/messages; the status and what came back. */
  async raw(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
    const response = await fetch(`${this.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    await this.app.deliveriesSettled();
    return { status: response.status, text };
  }

  private async post(activity: Partial<Activity>): Promise<{ status: number; body: unknown }> {
    const started = performance.now();
    const response = await fetch(`${this.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    this.lastAnswerMs = performance.now() - started;
    await this.app.deliveriesSettled();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  /** A person types in their 1:1 chat; returns the bot's replies there (text or card). */
  async say(who: Someone, text: string, locale?: string | null): Promise<Partial<Activity>[]> {
    const before = this.calls.length;
    await this.post(this.activity(who, { type: 'message', text }, locale));
    return this.calls
      .slice(before)
      .filter((c) => c.url.includes(`personal-${who.aad}`) && c.method === 'POST')
      .map((c) => c.body);
  }

  /**
   * A person sends a file in their 1:1 chat, as Teams delivers it to a bot with `supportsFiles`: a
   * message whose attachment is the file's download info, the file itself served by the stand-in
   * connector. Returns the bot's replies there.
   */
  async sendFile(
    who: Someone,
    name: string,
    content: string | Buffer,
    locale?: string | null,
  ): Promise<Partial<Activity>[]> {
    this.files.set(name, content);
    const before = this.calls.length;
    await this.post(
      this.activity(
        who,
        {
          type: 'message',
          attachments: [
            {
              contentType: 'application/vnd.microsoft.teams.file.download.info',
              name,
              content: {
                downloadUrl: `${this.connector.url}/files/${encodeURIComponent(name)}`,
                uniqueId: `file-${Math.random().toString(36).slice(2)}`,
                fileType: name.split('.').pop() ?? '',
              },
            },
          ],
        },
        locale,
      ),
    );
    return this.calls
      .slice(before)
      .filter((c) => c.url.includes(`personal-${who.aad}`) && c.method === 'POST')
      .map((c) => c.body);
  }

  /** A person writes in a team channel (e.g. an admin binding it to notices); returns the bot's replies there. */
  async sayInChannel(who: Someone, channelId: string, text: string): Promise<Partial<Activity>[]> {
    const before = this.calls.length;
    await this.post(
      this.activity(who, {
        type: 'message',
        text,
        conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1', name: '' },
        channelData: { tenant: { id: 'tenant-1' }, channel: { id: channelId }, team: { id: '19:team@thread.tacv2' } },
      }),
    );
    return this.calls
      .slice(before)
      .filter((c) => c.url.includes(encodeURIComponent(channelId)) || c.url.includes(channelId))
      .map((c) => c.body);
  }

  /** A person taps an Action.Execute on a card in a team channel; returns the card the bot answered with. */
  async tapInChannel(who: Someone, channelId: string, verb: string, data: Record<string, unknown>): Promise<CardJson> {
    const { body } = await this.post(
      this.activity(who, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data } },
        conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1', name: '' },
        channelData: { tenant: { id: 'tenant-1' }, channel: { id: channelId }, team: { id: '19:team@thread.tacv2' } },
      }),
    );
    return (body as { value: CardJson }).value;
  }

  /** What PlanDesk posted into a channel, in order. */
  sentToChannel(channelId: string): Partial<Activity>[] {
    return this.calls
      .filter(
        (c) => c.method === 'POST' && (c.url.includes(encodeURIComponent(channelId)) || c.url.includes(channelId)),
      )
      .map((c) => c.body);
  }

  /** Runs the jobs due at a Shanghai wall-clock time and waits for what they send. */
  async tickAt(local: string): Promise<void> {
    const now = `${local}:00+08:00`;
    this.setNow(now);
    await this.app.tick(new Date(now));
    await this.app.deliveriesSettled();
  }

  /**
   * A person taps an Action.Execute on a card; returns the card the bot answered the invoke with. A
   * submit made up by a test carries a fresh draft id, as every form the bot sends does, unless the
   * test gives the form's own.
   */
  async tap(
    who: Someone,
    verb: string,
    data: Record<string, unknown>,
    cardActivityId?: string,
    locale?: string,
  ): Promise<CardJson> {
    const sent =
      verb === 'form.submit' && !('draftId' in data)
        ? { ...data, draftId: `draft-${Math.random().toString(36).slice(2)}` }
        : data;
    const { status, body } = await this.post(
      this.activity(
        who,
        {
          type: 'invoke',
          name: 'adaptiveCard/action',
          ...(cardActivityId ? { replyToId: cardActivityId } : {}),
          value: { action: { type: 'Action.Execute', verb, data: sent } },
        },
        locale,
      ),
    );
    if (status !== 200) throw new Error(`invoke ${verb} answered HTTP ${status}: ${JSON.stringify(body)}`);
    const response = body as { statusCode: number; type: string; value: CardJson };
    if (response.statusCode !== 200) throw new Error(`invoke ${verb} answered ${JSON.stringify(response)}`);
    return response.value;
  }

  /**
   * A person answers a file-consent card in their 1:1 chat: the `fileConsent/invoke` Teams sends, with
   * the card's context and, on accept, where the file is to be uploaded. Returns the HTTP status of
   * the invoke's answer and the bot's replies there.
   */
  async answerConsent(
    who: Someone,
    answer: { action: 'accept' | 'decline'; context: unknown; uploadInfo?: Record<string, unknown> },
    cardActivityId?: string,
    locale?: string,
  ): Promise<{ status: number; replies: Partial<Activity>[] }> {
    const before = this.calls.length;
    const { status } = await this.post(
      this.activity(
        who,
        {
          type: 'invoke',
          name: 'fileConsent/invoke',
          ...(cardActivityId ? { replyToId: cardActivityId } : {}),
          value: { type: 'fileUpload', ...answer },
        },
        locale,
      ),
    );
    const replies = this.calls
      .slice(before)
      .filter((c) => c.url.includes(`personal-${who.aad}`) && c.method === 'POST')
      .map((c) => c.body);
    return { status, replies };
  }

  /** Cards and texts PlanDesk sent to a person on its own (proactively), in order. */
  sentTo(who: Someone): Partial<Activity>[] {
    return this.calls.filter((c) => c.method === 'POST' && c.url.includes(`personal-${who.aad}`)).map((c) => c.body);
  }

  /** Card updates (PUT) in a person's chat, in order: [activityId, card]. */
  updatesTo(who: Someone): { activityId: string; card: CardJson }[] {
    return this.calls
      .filter((c) => c.method === 'PUT' && c.url.includes(`personal-${who.aad}`))
      .map((c) => ({
        activityId: decodeURIComponent(c.url.split('/activities/')[1] ?? ''),
        card: (c.body.attachments?.[0] as Attachment).content as CardJson,
      }));
  }

  /** The id the stand-in connector gave the n-th call (to act on a posted card as Teams would). */
  activityIdOf(body: Partial<Activity>): string {
    const index = this.calls.findIndex((c) => c.body === body);
    return `reply-${index + 1}`;
  }
}

export const cardOf = (activity: Partial<Activity> | undefined): CardJson | undefined =>
  (activity?.attachments?.[0] as Attachment | undefined)?.content as CardJson | undefined;
