/**
 * How long an approver waits after tapping: `adaptiveCard/action` invokes (submit, then approve)
 * through the real restify server, CloudAdapter and SQLite store, answered with the updated card —
 * Teams wants the answer within 2 seconds. Prints percentiles; asserts nothing.
 *
 *   npm run bench:invoke
 */
import { lineForm } from '../test/support/forms';
import { actionData, cardOf, PEOPLE, TeamsHarness, textOf, type CardJson } from '../test/support/teams-harness';

// Teams allows about 60 messages in 30 seconds into one chat; each round sends 王芳 a card and updates: stay under it.
const ROUNDS = 20;
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main(): Promise<void> {
  const teams = await TeamsHarness.start();
  try {
    for (const who of [PEOPLE.zhangWei, PEOPLE.wangFang]) await teams.say(who, '你好');
    const submits: number[] = [];
    const approves: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      const filed = await teams.tap(PEOPLE.zhangWei, 'form.submit', { ...lineForm, draftId: `bench-${i}` });
      submits.push(teams.lastAnswerMs);
      const id = /PP-\d{4}-\d{6}/.exec(textOf(filed))?.[0];
      const card = cardOf(
        teams
          .sentTo(PEOPLE.wangFang)
          .filter((a) => textOf(cardOf(a) ?? {}).includes(id ?? '?'))
          .at(-1),
      ) as CardJson;
      const data = actionData(card, 'plan.approve');
      if (!data) throw new Error(`no approval card for ${id}`);
      await teams.tap(PEOPLE.wangFang, 'plan.approve', data);
      approves.push(teams.lastAnswerMs);
    }
    for (const [name, samples] of [
      ['submit (form.submit invoke)', submits],
      ['approve (plan.approve invoke)', approves],
    ] as const) {
      const sorted = [...samples].sort((a, b) => a - b);
      console.log(
        `${name.padEnd(32)} n=${sorted.length}  p50 ${percentile(sorted, 50).toFixed(1)} ms  p95 ${percentile(sorted, 95).toFixed(1)} ms  max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`,
      );
    }
    console.log('(from the HTTP request to the answered card; the deliveries the invoke causes go out after it)');
  } finally {
    await teams.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
