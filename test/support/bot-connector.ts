import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/** What the stand-in Bot Connector received: the path and the JSON body of each call. */
export interface ConnectorCall {
  method: string;
  url: string;
  authorization: string | undefined;
  body: Partial<Activity>;
}

async function readJson(req: IncomingMessage): Promise<Partial<Activity>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<Activity>;
}

/** A member of the team as the connector lists it. */
export interface RosterMember {
  id: string;
  name: string;
  aadObjectId: string;
  email?: string;
}

/**
 * A tiny Bot Connector: accepts every reply the bot posts and records it; asked for a conversation's
 * members (`GET …/pagedmembers`), it lists `roster`, two to a page, to exercise the paging. It also
 * stands in for the place Teams keeps files a person sends: `GET /files/<name>` answers what `files`
 * holds under that name (a 404 for anything else), as a file-download-info `downloadUrl` would.
 */
export async function startConnector(
  calls: ConnectorCall[],
  roster: RosterMember[] = [],
  files: Map<string, string | Buffer> = new Map(),
): Promise<{ server: HttpServer; url: string }> {
  const server = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://connector');
    if (req.method === 'GET' && url.pathname.endsWith('/pagedmembers')) {
      calls.push({ method: 'GET', url: req.url ?? '', authorization: req.headers.authorization, body: {} });
      const from = Number(url.searchParams.get('continuationToken') ?? '0');
      const page = roster.slice(from, from + 2);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ members: page, ...(from + 2 < roster.length ? { continuationToken: String(from + 2) } : {}) }),
      );
      return;
    }
    if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
      const file = files.get(decodeURIComponent(url.pathname.slice('/files/'.length)));
      res.writeHead(file === undefined ? 404 : 200, { 'content-type': 'application/octet-stream' });
      res.end(file ?? '');
      return;
    }
    void readJson(req).then((body) => {
      calls.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body });
      // Not chained: restify patches http.ServerResponse#writeHead process-wide, and its version returns nothing.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${calls.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A Teams 1:1 message as the Bot Connector delivers it. */
export function teamsMessage(serviceUrl: string, text: string, locale?: string): Partial<Activity> {
  return {
    type: 'message',
    id: 'msg-1',
    timestamp: new Date(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:user-1', name: 'Li Lei', aadObjectId: 'aad-user-1' },
    recipient: { id: '28:plandesk', name: 'PlanDesk' },
    conversation: {
      id: 'a:1:personal-chat',
      conversationType: 'personal',
      tenantId: 'tenant-1',
      isGroup: false,
      name: '',
    },
    channelData: { tenant: { id: 'tenant-1' } },
    text,
    ...(locale ? { locale } : {}),
  };
}
