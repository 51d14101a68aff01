import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/** The parts of an activity the Playground sent that tests look at; the rest passes through untouched. */
const RelayedActivity = z
  .object({
    type: z.string(),
    name: z.string().optional(),
    text: z.string().optional(),
    locale: z.string().optional(),
    from: z
      .object({ id: z.string(), name: z.string().optional(), aadObjectId: z.string().optional() })
      .passthrough()
      .optional(),
    conversation: z.object({ id: z.string(), conversationType: z.string().optional() }).passthrough().optional(),
    entities: z
      .array(z.object({ type: z.string().optional(), locale: z.string().optional() }).passthrough())
      .optional(),
    value: z.unknown().optional(),
  })
  .passthrough();
export type RelayedActivity = z.infer<typeof RelayedActivity>;

export interface LocaleRelay {
  /** Give this to the Playground as its app endpoint. */
  endpoint: string;
  /** Every activity the Playground sent, as the bot received it (after any locale rewrite). */
  activities: RelayedActivity[];
  close(): Promise<void>;
}

/**
 * A pass-through between the Playground and the bot. The Playground sends `locale: "en-US"` on every
 * message and invoke whatever the person's language; Teams sends the client's. With `locale` set, the
 * relay puts that in `locale` and the clientInfo entity wherever the Playground set one (it sets none
 * on conversationUpdate), so the bot sees what a Teams client in that language would send.
 */
export async function startLocaleRelay(target: string, locale: string | null): Promise<LocaleRelay> {
  const activities: RelayedActivity[] = [];
  const targetUrl = new URL(target);
  const server = createServer((req, res) => {
    void readBody(req).then(
      (raw) => relay(req, res, rewrite(raw)),
      (error: unknown) => fail(res, error),
    );
  });

  function rewrite(raw: Buffer): Buffer {
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return raw; // not JSON: the bot will answer it as it would the Playground
    }
    const parsed = RelayedActivity.safeParse(json);
    if (!parsed.success) return raw;
    const activity = parsed.data;
    if (locale !== null) {
      if (activity.locale !== undefined) activity.locale = locale;
      for (const entity of activity.entities ?? [])
        if (entity.type === 'clientInfo' && entity.locale !== undefined) entity.locale = locale;
    }
    activities.push(activity);
    return Buffer.from(JSON.stringify(activity), 'utf8');
  }

  function relay(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const headers = { ...req.headers, host: targetUrl.host, 'content-length': String(body.length) };
    const upstream = request(new URL(req.url ?? '/', targetUrl), { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.once('error', (error) => fail(res, error));
    upstream.end(body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}${targetUrl.pathname}`,
    activities,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function fail(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(502, { 'content-type': 'text/plain' });
  res.end(`locale relay: the bot did not answer: ${error instanceof Error ? error.message : String(error)}`);
}
