import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { submit } from '../../src/app/approval/submit';
import type { ApplicationRecord, HistoryEvent } from '../../src/app/records/application-record';
import { TEXT_LIMITS } from '../../src/domain/text-limits';
import { parseApplicationJson } from '../../src/formats/application-json';
import { LIMITS } from '../../src/formats/primitives';
import { cardOf, linesOf, PEOPLE, TeamsHarness, type CardJson, type Someone } from '../support/teams-harness';

const { huangLi, wangFang, liuQiang } = PEOPLE;

/**
 * Teams refuses a message past about 28 KB, the card and the activity around it together
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages: "the
 * message size limit is 28 KB"); a refused update leaves every copy of the card stale and is
 * dead-lettered. PlanDesk's cards keep 2 KB of room for the activity around them (an update's envelope is under 1 KB).
 */
const CARD_BUDGET = 26 * 1024;
const bytes = (card: CardJson): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

/** Text of `length` characters that costs the most: three UTF-8 bytes each, no run the JSON shortens. */
const longest = (length: number, seed: string): string =>
  Array.from({ length }, (_, i) => '审批意见说明客户需求厂区专线'[(i + seed.length) % 14]).join('');

describe('no card PlanDesk builds is past what Teams takes, with every field at its maximum', () => {
  let teams: TeamsHarness;
  let id: string;

  beforeAll(async () => {
    teams = await TeamsHarness.start('2026-12-01T10:00:00+08:00');
    for (const who of Object.values(PEOPLE)) await teams.say(who, '你好');
    const parsed = parseApplicationJson(
      readFileSync(join(__dirname, '../../config/samples/applications/02-line-tier1.json'), 'utf8'),
      'sample',
    );
    if (!parsed.ok) throw new Error('the sample does not parse');
    const sample = parsed.value;
    const [line] = sample.tariffLines;
    if (!line) throw new Error('the sample has no line');
    // The form at its limits: 20 lines, the longest names and the longest justification.
    const input = {
      ...sample,
      startMonth: '2027-01',
      customer: { name: longest(200, 'customer'), groupId: sample.customer.groupId },
      agentChannel: true,
      agentName: longest(60, 'agent'),
      tariffLines: Array.from({ length: LIMITS.maxLines }, () => line),
      justification: longest(4000, 'justification'),
    };
    const deps = {
      store: teams.app.store,
      clock: { now: () => new Date('2026-12-01T10:00:00+08:00') },
      calendar: teams.app.calendar,
      newId: randomUUID,
    };
    const filed = await submit(deps, { input, actor: input.applicant, draftId: 'card-size' });
    if (!filed.ok) throw new Error(`not filed: ${filed.error.code}`);
    id = filed.value.id;
    // And more plans with the longest customer name than a list shows, each waiting on the same people.
    for (let i = 0; i < 16; i += 1) {
      const copy = await submit(deps, { input, actor: input.applicant, draftId: `card-size-${i}` });
      if (!copy.ok) throw new Error(`copy ${i} not filed: ${copy.error.code}`);
    }
    // A long life written straight into the record: ten rounds of a question, an answer, a return with the
    // longest comment and a resubmission, each step's comment and the support center's note at their limits.
    const record = filed.value;
    const history: HistoryEvent[] = [...record.history];
    const questions: ApplicationRecord['questions'] = [];
    for (let round = 1; round <= 10; round += 1) {
      const at = new Date(Date.UTC(2026, 11, 1, 2 + round)).toISOString();
      questions.push({
        revision: record.revision,
        stepIndex: 0,
        askedBy: wangFang.aad,
        askedAt: at,
        text: longest(TEXT_LIMITS.question, `q${round}`),
        answer: longest(TEXT_LIMITS.answer, `a${round}`),
        answeredBy: huangLi.aad,
        answeredAt: at,
        closedAt: null,
      });
      history.push(
        {
          at,
          actor: wangFang.aad,
          action: 'ops_review.asked',
          revision: record.revision,
          comment: longest(500, `h${round}`),
        },
        {
          at,
          actor: huangLi.aad,
          action: 'ops_review.answered',
          revision: record.revision,
          comment: longest(500, `r${round}`),
        },
        {
          at,
          actor: wangFang.aad,
          action: 'ops_review.return',
          revision: record.revision,
          comment: longest(500, `c${round}`),
        },
      );
    }
    const long: ApplicationRecord = {
      ...record,
      history,
      questions,
      steps: record.steps.map((s) => ({ ...s, comment: longest(TEXT_LIMITS.comment, `s${s.step}`) })),
    };
    const saved = await teams.app.store.applications.update(long, record.version, [], [], []);
    if (!saved.ok) throw new Error('the long life was not saved');
  }, 60_000);
  afterAll(async () => teams.stop());

  const refresh = (who: Someone) => teams.tap(who, 'plan.refresh', { applicationId: id });

  // Everyone in the directory: the applicant, the approvers on its route with their buttons, the ops head, and
  // those who may see its status only.
  it.each(Object.entries(PEOPLE))('the card of %s', async (_name, who) => {
    const card = await refresh(who);
    expect(bytes(card)).toBeLessThanOrEqual(CARD_BUDGET);
  });

  // The team queue's rows show number, unit, step and deadline, not the customer.
  it.each([
    ['我的 of the applicant', huangLi, '我的', true],
    ['待办 of the first approver', PEOPLE.liNa, '待办', true],
    ['待办 of the ops head, with the team queue', liuQiang, '待办', false],
    ['列表 of the ops head', liuQiang, '列表', true],
  ])('%s', async (_name, who, words, customers) => {
    const [reply] = await teams.say(who, words);
    const card = cardOf(reply) ?? {};
    expect(linesOf(card).includes(longest(200, 'customer'))).toBe(customers);
    expect(bytes(card)).toBeLessThanOrEqual(CARD_BUDGET);
  });

  it('says what it leaves out, and where the whole of it is', async () => {
    const text = linesOf(await refresh(liuQiang));
    expect(text).toContain('(理由全文 4000 字,卡片上显示前 500 字;全文在方案的导出文件和审计记录中。)');
    expect(text).toContain('更早的 25 条记录未显示,完整记录在方案的导出文件和审计记录中。');
    expect(text).toContain('此前还有 8 个问题及回答未显示。');
    // Each long comment shows its start, marked where it is cut.
    expect(text).toMatch(/[\u4e00-\u9fff]{120}…/);
    // Twenty lines, each with its figures on one line.
    expect(text.match(/× \d+/g)?.length).toBe(LIMITS.maxLines);
    expect(text).toContain('申请价 ¥');
  });

  it('in English too', async () => {
    const text = linesOf(await teams.tap(liuQiang, 'plan.refresh', { applicationId: id }, undefined, 'en-US'));
    expect(text).toContain('(The justification has 4000 characters; the card shows the first 500.');
    expect(text).toContain('25 earlier entries are not shown');
    expect(text).toContain('8 earlier questions and answers are not shown.');
  });

  it('a plan of a few lines keeps its columns', async () => {
    const [reply] = await teams.say(huangLi, '我的');
    expect(reply).toBeDefined();
    const card = await teams.tap(huangLi, 'plan.refresh', { applicationId: 'PP-2026-000001' });
    expect(JSON.stringify(card)).toContain('"type":"ColumnSet"');
  });
});
