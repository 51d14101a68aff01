import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import { APPLICATION_STATES, type ApplicationState } from '../../src/domain/application-state';
import {
  DEFAULT_LIFECYCLE,
  effectiveEnd,
  judgeEvaluation,
  shortfallsOf,
  type EarlyEnd,
  type EvaluationReport,
} from '../../src/domain/lifecycle';
import { shanghaiDate, shanghaiTime } from '../../src/domain/local-date';
import { dueWork, type ScheduledCase } from '../../src/domain/schedule';
import {
  availableActions,
  END_REASON_MAX,
  endEarly,
  refusalOf,
  type Actor,
  type Case,
  type EndEarlyCommand,
} from '../../src/domain/workflow';

const calendar = createWorkingCalendar();
const at = (local: string) => new Date(`${local}:00+08:00`);
const shown = (d: Date) => `${shanghaiDate(d)} ${shanghaiTime(d)}`;

const PEOPLE = {
  zhangWei: { id: 'zhang.wei', roles: ['applicant'] },
  liNa: { id: 'li.na', roles: ['cooperation_approver'] },
  wangFang: { id: 'wang.fang', roles: ['ops_approver'] },
  liuQiang: { id: 'liu.qiang', roles: ['ops_head'] },
  chenJing: { id: 'chen.jing', roles: ['leader'] },
  zhaoLei: { id: 'zhao.lei', roles: ['support_handler'] },
  sunMin: { id: 'sun.min', roles: ['auditor'] },
  zhouJie: { id: 'zhou.jie', roles: ['admin', 'catalog_owner'] },
} as const satisfies Record<string, Actor>;

/** A plan for 2027 (last day 31 December), in effect since it was carried out in December 2026. */
const TERM = { startMonth: '2027-01', termMonths: 12 };
const activePlan: Case = {
  applicant: PEOPLE.zhangWei.id,
  state: 'active',
  revision: 1,
  steps: [],
  questions: [],
  fulfillment: {
    createdAt: '2026-12-01T02:00:00Z',
    dueAt: '2026-12-02T10:00:00Z',
    doneBy: 'zhao.lei',
    doneAt: '2026-12-01T06:00:00Z',
    note: null,
  },
  evaluationDue: null,
};
/** 王芳 ends it on 1 March 2027 just after midnight in Shanghai (still 28 February in UTC). */
const ENDED_AT = at('2027-03-01T00:30');
const command = (changes: Partial<EndEarlyCommand> = {}): EndEarlyCommand => ({
  lastDay: '2027-04-30',
  reason: '连续两期评估未达预期',
  actor: PEOPLE.wangFang,
  at: ENDED_AT,
  ...changes,
});

describe('who may end a plan before its term (第九条(三))', () => {
  it.each(Object.entries(PEOPLE))('lets %s end an active plan only if they are ops', (_name, actor) => {
    const ops = actor.roles.some((r) => r === 'ops_approver' || r === 'ops_head');
    expect(refusalOf(activePlan, actor, 'end')).toEqual(ops ? null : { code: 'not_ops' });
    expect(availableActions(activePlan, actor).includes('end')).toBe(ops);
  });

  it.each(APPLICATION_STATES.filter((s) => s !== 'active'))('lets nobody end a plan that is %s', (state) => {
    const c: Case = { ...activePlan, state: state as ApplicationState };
    expect(endEarly(c, TERM, command())).toEqual({ ok: false, error: { code: 'not_active' } });
    expect(availableActions(c, PEOPLE.wangFang)).not.toContain('end');
  });

  it('ends a plan once: a plan ops has ended says when, and offers no second end', () => {
    const ended = endEarly(activePlan, TERM, command());
    if (!ended.ok) throw new Error(ended.error.code);
    expect(endEarly(ended.value, TERM, command({ actor: PEOPLE.liuQiang, lastDay: '2027-03-31' }))).toEqual({
      ok: false,
      error: { code: 'already_ending', lastDay: '2027-04-30' },
    });
    expect(availableActions(ended.value, PEOPLE.liuQiang)).not.toContain('end');
  });
});

describe('ending a plan: the day and the reason', () => {
  it('records the new last day and the reason as written (both trimmed), who and when; the plan runs on until then', () => {
    // The day as a date input or a typed command may send it, with blanks around it.
    const ended = endEarly(activePlan, TERM, command({ lastDay: ' 2027-04-30 ', reason: '  已处于生命周期末期\n' }));
    expect(ended).toEqual({
      ok: true,
      value: {
        ...activePlan,
        endsEarly: {
          lastDay: '2027-04-30',
          reason: '已处于生命周期末期',
          by: 'wang.fang',
          at: ENDED_AT.toISOString(),
        },
      },
    });
  });

  it.each([
    ['today in Shanghai (still yesterday in UTC)', '2027-03-01', null],
    ['yesterday in Shanghai', '2027-02-28', { code: 'end_date_past', date: '2027-02-28', today: '2027-03-01' }],
    ['the last day of its term', '2027-12-31', null],
    [
      'the day after its term',
      '2028-01-01',
      { code: 'end_date_after_term', date: '2028-01-01', lastDay: '2027-12-31' },
    ],
    ['no day', '', { code: 'end_date_required' }],
    ['a day that does not exist', '2027-02-30', { code: 'end_date_required' }],
    ['words instead of a day', '下个月底', { code: 'end_date_required' }],
  ])('takes as its last day %s: %s', (_what, lastDay, refusal) => {
    const ended = endEarly(activePlan, TERM, command({ lastDay }));
    expect(ended.ok ? null : ended.error).toEqual(refusal);
  });

  it.each([
    ['none', '', { code: 'end_reason_required' }],
    ['only spaces', ' \n ', { code: 'end_reason_required' }],
    ['as long as the card takes', '评'.repeat(END_REASON_MAX), null],
    ['longer than the card takes', '评'.repeat(END_REASON_MAX + 1), { code: 'end_reason_too_long', max: 500 }],
  ])('needs a reason: %s', (_what, reason, refusal) => {
    const ended = endEarly(activePlan, TERM, command({ reason }));
    expect(ended.ok ? null : ended.error).toEqual(refusal);
  });

  it('refuses someone not ops before looking at what they typed', () => {
    expect(endEarly(activePlan, TERM, command({ actor: PEOPLE.zhangWei, lastDay: '', reason: '' }))).toEqual({
      ok: false,
      error: { code: 'not_ops' },
    });
  });
});

describe("a plan's effective end", () => {
  const early = (lastDay: string): EarlyEnd => ({
    lastDay,
    reason: '评估未达预期',
    by: 'wang.fang',
    at: '2027-03-01T02:00:00Z',
  });

  it.each([
    ['runs to the end of its term', null, { lastDay: '2027-12-31', expiresOn: '2028-01-01' }],
    ['older records, without the field, too', undefined, { lastDay: '2027-12-31', expiresOn: '2028-01-01' }],
    [
      'ended early, expires the day after its new last day',
      early('2027-04-30'),
      { lastDay: '2027-04-30', expiresOn: '2027-05-01' },
    ],
    [
      'ended on the last day of its term, the same',
      early('2027-12-31'),
      { lastDay: '2027-12-31', expiresOn: '2028-01-01' },
    ],
  ])('%s', (_what, endsEarly, end) => {
    expect(effectiveEnd(endsEarly === undefined ? { input: TERM } : { input: TERM, endsEarly })).toEqual(end);
  });
});

describe('what a plan ended early is scheduled to do', () => {
  const active: ScheduledCase = {
    state: 'active',
    revision: 1,
    steps: [],
    fulfillment: null,
    input: TERM,
    activatedAt: '2026-12-15T03:00:00.000Z',
    evaluationsDone: 1,
    questions: [],
  };
  const ending = (lastDay: string, endedAt: Date): ScheduledCase => ({
    ...active,
    endsEarly: { lastDay, reason: '评估未达预期', by: 'wang.fang', at: endedAt.toISOString() },
  });
  const lifeWork = (c: ScheduledCase) =>
    dueWork(c, DEFAULT_LIFECYCLE, calendar)
      .filter((w) => w.kind.startsWith('plan.'))
      .map((w) => [
        w.kind,
        w.key,
        w.payload.daysLeft ?? w.payload.period ?? null,
        w.payload.lastDay ?? null,
        shown(w.dueAt),
      ]);

  it('expires the day after its new last day, with the notices that still lie ahead, and no evaluation past it', () => {
    // Ended on Monday 10 May with 30 June as its last day: the 30-day notice (31 May) still lies ahead.
    expect(lifeWork(ending('2027-06-30', at('2027-05-10T15:00')))).toEqual([
      ['plan.expiry_notice', '30d', 30, '2027-06-30', '2027-05-31 09:00'],
      ['plan.expiry_notice', '7d', 7, '2027-06-30', '2027-06-23 09:00'],
      ['plan.expiry_notice', '0d', 0, '2027-06-30', '2027-06-30 09:00'],
      ['plan.expire', '2027-07-01', null, '2027-06-30', '2027-07-01 00:00'],
      // The second quarter (April–June) ends with the plan: it is not asked for.
    ]);
  });

  it('sends no notice that falls on or before the day ops ended it: ops told its people then', () => {
    // Ended on Monday 14 June with 30 June as its last day: the 30-day notice fell on 31 May, the 7-day
    // one falls on 23 June.
    expect(lifeWork(ending('2027-06-30', at('2027-06-14T10:00'))).map((w) => w[1])).toEqual(['7d', '0d', '2027-07-01']);
    // Ended on Wednesday 23 June itself, before the 7-day notice's hour: it is not sent either.
    expect(lifeWork(ending('2027-06-30', at('2027-06-23T08:00'))).map((w) => w[1])).toEqual(['0d', '2027-07-01']);
    // Ended with today as its last day: only the expiry at midnight.
    expect(lifeWork(ending('2027-06-14', at('2027-06-14T10:00')))).toEqual([
      ['plan.expire', '2027-06-15', null, '2027-06-14', '2027-06-15 00:00'],
    ]);
  });

  it('still asks for a period that ends before its new end', () => {
    expect(lifeWork(ending('2027-07-15', at('2027-05-10T15:00'))).filter((w) => w[0] === 'plan.evaluation')).toEqual([
      ['plan.evaluation', 'p2', 2, null, '2027-07-01 09:00'],
    ]);
  });
});

describe('judging an evaluation against what the application expected (第九条(三))', () => {
  // Expected over twelve months: ¥120,000.00 and 1,000 subscribers; by the third month a quarter of each.
  const expected = { expectedRevenueFen: 12_000_000, expectedSubscribers: 1000 };
  const judge = (actualRevenueFen: number, actualSubscribers: number) =>
    judgeEvaluation({ ...expected, actualRevenueFen, actualSubscribers }, 12, 3, 80);

  it.each([
    ['both on pace', 3_000_000, 250, []],
    ['both exactly at 80% of what was expected by then', 2_400_000, 200, []],
    ['revenue one fen under', 2_399_999, 200, ['revenue']],
    ['subscribers one under', 2_400_000, 199, ['subscribers']],
    ['both short', 1_000_000, 10, ['revenue', 'subscribers']],
  ])('%s', (_what, revenue, subscribers, shortfalls) => {
    expect(judge(revenue, subscribers)).toEqual({
      expectedRevenueToDateFen: 3_000_000,
      expectedSubscribersToDate: 250,
      shortfalls,
      flagged: shortfalls.length > 0,
    });
  });

  it('rounds what was expected down to the fen and the subscriber, exactly, however large the figures', () => {
    // 7 of 12 months of ¥90,071,992,547,409.91 and of 1,000,001 subscribers.
    const judged = judgeEvaluation(
      {
        expectedRevenueFen: 9_007_199_254_740_991,
        expectedSubscribers: 1_000_001,
        actualRevenueFen: 0,
        actualSubscribers: 0,
      },
      12,
      7,
      80,
    );
    expect([judged.expectedRevenueToDateFen, judged.expectedSubscribersToDate]).toEqual([
      5_254_199_565_265_578, 583_333,
    ]);
  });

  it('expects no more than the whole term, however many months have passed', () => {
    expect(judgeEvaluation({ ...expected, actualRevenueFen: 0, actualSubscribers: 0 }, 12, 15, 80)).toMatchObject({
      expectedRevenueToDateFen: 12_000_000,
      expectedSubscribersToDate: 1000,
    });
  });

  it('reads an older report, judged on revenue alone, as short on revenue when it was flagged', () => {
    const older: EvaluationReport = {
      period: 1,
      reportedAt: '2027-04-01T02:00:00Z',
      reportedBy: 'zhang.wei',
      actualRevenueFen: 100,
      actualSubscribers: 1,
      expectedRevenueToDateFen: 1000,
      flagged: true,
    };
    expect(shortfallsOf(older)).toEqual(['revenue']);
    expect(shortfallsOf({ ...older, flagged: false })).toEqual([]);
    expect(shortfallsOf({ ...older, shortfalls: ['subscribers'] })).toEqual(['subscribers']);
  });
});
