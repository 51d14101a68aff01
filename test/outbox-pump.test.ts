import { createJsonLog } from '../src/log';
import { outboxPump } from '../src/outbox-pump';
import { failures, liuQiang, openDeliveryDesk, textTo } from './app/delivery/delivery-desk';

describe('the outbox pump', () => {
  let desk: Awaited<ReturnType<typeof openDeliveryDesk>>;
  beforeEach(async () => {
    desk = await openDeliveryDesk();
  });
  afterEach(async () => desk.close());

  it('should wake itself when a retry falls due, without waiting for a turn, and log what happened', async () => {
    const lines: string[] = [];
    const deps = { ...desk.deps, clock: { now: () => new Date() } };
    await desk.openChat(liuQiang);
    desk.enqueue(textTo(liuQiang, 't1'));
    desk.teams.script(`person:${liuQiang}`, failures.throttled(200));
    const pump = outboxPump(
      deps,
      () => desk.teams.messenger,
      createJsonLog('info', (line) => lines.push(line)),
      { policy: { baseRetryDelayMs: 50 } },
    );

    await pump.kick();
    expect(desk.teams.delivered(`person:${liuQiang}`)).toEqual([]);
    for (let waited = 0; waited < 3_000 && desk.teams.delivered(`person:${liuQiang}`).length === 0; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await pump.stop();
    expect(desk.teams.delivered(`person:${liuQiang}`)).toEqual(['t1']);
    expect(lines.map((l) => JSON.parse(l) as { code: string })).toEqual([
      expect.objectContaining({ code: 'outbox_retry', id: 't1', attempt: 1 }),
    ]);
  });

  it('should run no more once stopped', async () => {
    await desk.openChat(liuQiang);
    const pump = outboxPump(desk.deps, () => desk.teams.messenger, createJsonLog('silent'));
    await pump.stop();
    desk.enqueue(textTo(liuQiang, 't1'));
    await pump.kick();
    expect(desk.teams.written).toEqual([]);
  });
});
