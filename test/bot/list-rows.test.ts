import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseApplicationJson } from '../../src/formats/application-json';
import { submit } from '../../src/app/approval/submit';
import { LIST_ROWS } from '../../src/app/use-cases';
import { cardOf, linesOf, PEOPLE, TeamsHarness } from '../support/teams-harness';

const { huangLi, wangFang, liuQiang } = PEOPLE;

/** Rows of a list card: each row's 查看 carries its plan number. */
const rowsOf = (card: Record<string, unknown>): string[] =>
  [...JSON.stringify(card).matchAll(/"applicationId":"(PP-\d{4}-\d{6})"/g)].map((m) => m[1] ?? '');

describe('long lists: a card Teams can take, saying how many there are in all', () => {
  let teams: TeamsHarness;
  const filedIds: string[] = [];
  beforeAll(async () => {
    teams = await TeamsHarness.start();
    // 40 copies of the sample tier-1 line plan, each waiting on 王芳.
    const parsed = parseApplicationJson(
      readFileSync(join(__dirname, '../../config/samples/applications/02-line-tier1.json'), 'utf8'),
      'sample',
    );
    if (!parsed.ok) throw new Error('the sample does not parse');
    const sample = { ...parsed.value, startMonth: '2027-01' };
    const deps = {
      store: teams.app.store,
      clock: { now: () => new Date('2026-12-01T10:00:00+08:00') },
      calendar: teams.app.calendar,
      newId: randomUUID,
    };
    for (let i = 0; i < 40; i += 1) {
      const filed = await submit(deps, { input: sample, actor: sample.applicant, draftId: `list-rows-${i}` });
      if (!filed.ok) throw new Error(`copy ${i} was not filed: ${filed.error.code}`);
      filedIds.push(filed.value.id);
    }
  });
  afterAll(async () => teams.stop());

  it(`待办 lists the ${LIST_ROWS} oldest and says how many wait in all`, async () => {
    const [reply] = await teams.say(wangFang, '待办');
    const card = cardOf(reply) ?? {};
    const rows = rowsOf(card);
    expect(new Set(rows).size).toBe(LIST_ROWS);
    expect(rows[0]).toBe(filedIds[0]);
    expect(linesOf(card)).toContain(`共 40 项,按提交先后列出最早的 ${LIST_ROWS} 项`);
    expect(JSON.stringify(card).length).toBeLessThan(28_000);
  });

  it(`我的 lists the ${LIST_ROWS} newest and says where the earlier ones are`, async () => {
    const [reply] = await teams.say(huangLi, '我的');
    const card = cardOf(reply) ?? {};
    expect(new Set(rowsOf(card)).size).toBe(LIST_ROWS);
    expect(rowsOf(card)[0]).toBe(filedIds.at(-1));
    expect(linesOf(card)).toContain(`列出最新的 ${LIST_ROWS} 份;更早的请用“列表”按条件查找。`);
    expect(linesOf(card)).not.toContain('共 40 份');
  });

  it("the ops head's team queue lists the 10 oldest steps and says how many there are", async () => {
    const [reply] = await teams.say(liuQiang, '待办');
    const card = cardOf(reply) ?? {};
    expect(linesOf(card)).toContain('团队队列共 40 项,列出最早的 10 项。');
    expect(JSON.stringify(card).length).toBeLessThan(28_000);
  });
});
