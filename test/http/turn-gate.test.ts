import { Agent, request } from 'node:http';
import { ActivityHandler, type TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { createAdapter } from '../../src/bot/adapter';
import { loadConfig } from '../../src/config';
import { createJsonLog } from '../../src/log';
import { close, createServer, listen } from '../../src/http/server';
import { turnGate } from '../../src/http/turn-gate';

/** A bot whose every turn keeps the event loop busy for `ms`, as a card's building does under load. */
class BusyBot extends ActivityHandler {
  constructor(ms: number) {
    super();
    this.onInvokeActivity = async (_context: TurnContext) => {
      const until = Date.now() + ms;
      while (Date.now() < until);
      return {
        status: 200,
        body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' },
      };
    };
  }
}

const invoke = JSON.stringify({
  type: 'invoke',
  name: 'adaptiveCard/action',
  id: 'act-1',
  channelId: 'msteams',
  serviceUrl: 'http://127.0.0.1:9/',
  from: { id: '29:someone', aadObjectId: 'someone' },
  recipient: { id: '28:plandesk' },
  conversation: { id: 'a:1', conversationType: 'personal' },
  value: { action: { type: 'Action.Execute', verb: 'plan.refresh', data: {} } },
});

describe('the HTTP server under load', () => {
  it('should begin turns in the order they came', async () => {
    const begin = turnGate();
    const begun: number[] = [];
    await Promise.all(
      [1, 2, 3].map(async (n) => {
        await begin();
        begun.push(n);
        // A turn that does not give the loop back still lets no other turn begin until it does.
        expect(begun).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      }),
    );
    expect(begun).toEqual([1, 2, 3]);
  });

  /**
   * Every connection of a burst is answered soon, not after thousands of answers to the connections taken on
   * first: Node takes on about one new connection per turn of its event loop, and without the gate a turn of the
   * loop answered every request waiting on the connections it held. At 32 connections and 3 ms a turn, the last
   * connection's first answer came after 272 answers in all without the gate, and after 62 with it.
   */
  it('should answer each connection of a burst before it has answered the others a few times each', async () => {
    const connections = 32;
    const log = createJsonLog('error', () => undefined);
    const server: Server = createServer({ adapter: createAdapter(loadConfig({}), log), bot: new BusyBot(3), log });
    const { port } = await listen(server, 0, '127.0.0.1');
    const agents = Array.from({ length: connections }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
    let answers = 0;
    let stopped = false;
    const firstAnswerAfter: number[] = [];
    const ask = (agent: Agent): Promise<void> =>
      new Promise((done, failed) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/api/messages',
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            res.resume();
            res.on('end', () => done());
          },
        );
        req.on('error', failed);
        req.end(invoke);
      });
    const keepAsking = async (agent: Agent) => {
      await ask(agent);
      answers += 1;
      firstAnswerAfter.push(answers);
      while (!stopped) {
        await ask(agent);
        answers += 1;
      }
    };
    const running = agents.map(keepAsking);
    try {
      while (firstAnswerAfter.length < connections) await new Promise((r) => setTimeout(r, 20));
      // By the last connection's first answer, the others had been answered about once each, not hundreds of times.
      expect(Math.max(...firstAnswerAfter)).toBeLessThanOrEqual(4 * connections);
    } finally {
      stopped = true;
      await Promise.all(running);
      for (const agent of agents) agent.destroy();
      await close(server);
    }
  }, 60_000);
});
