import { absenceProblem, awayOn, type Absence, type StandInFacts } from '../../src/domain/absence';

// SPEC §2: anyone may declare out-of-office with dates and a stand-in; their steps go to the stand-in meanwhile.
const TODAY = '2026-12-10';
const leave = (from: string, to: string, standIn = 'liu-qiang'): Absence => ({ from, to, standIn });
const wangFang = { id: 'wang-fang', approverRoles: ['ops_approver'], absences: [leave('2027-01-04', '2027-01-08')] };
const colleague: StandInFacts = { known: true, roles: ['ops_approver'], isDelegate: false, absences: [] };

describe('who is away on a day', () => {
  const absences = [leave('2026-12-14', '2026-12-18'), leave('2027-01-04', '2027-01-08', 'chen-jing')];
  it.each([
    ['2026-12-13', undefined],
    ['2026-12-14', 'liu-qiang'],
    ['2026-12-18', 'liu-qiang'],
    ['2026-12-19', undefined],
    ['2027-01-05', 'chen-jing'],
  ])('on %s the stand-in is %s (first and last days included)', (day, standIn) => {
    expect(awayOn(absences, day)?.standIn).toBe(standIn);
  });

  it('finds nobody away for a person who never declared an absence', () => {
    expect(awayOn(undefined, '2026-12-14')).toBeUndefined();
  });
});

describe('recording an absence', () => {
  const problem = (absence: Absence, standIn: Partial<StandInFacts> = {}) =>
    absenceProblem(absence, wangFang, { ...colleague, ...standIn }, TODAY);

  it.each([
    ['a week from Monday with a colleague of the same role', leave('2026-12-14', '2026-12-18'), {}, null],
    ['a single day, today', leave(TODAY, TODAY), {}, null],
    ['a range that ends before it starts', leave('2026-12-18', '2026-12-14'), {}, 'bad_range'],
    ['an absence already over', leave('2026-12-01', '2026-12-09'), {}, 'in_past'],
    ['one that ends today, though it began before', leave('2026-12-01', TODAY), {}, null],
    ['one overlapping her January leave by its last day', leave('2026-12-28', '2027-01-04'), {}, 'overlaps'],
    ['one overlapping it by its first day', leave('2027-01-08', '2027-01-12'), {}, 'overlaps'],
    ['one ending the day before it', leave('2026-12-28', '2027-01-03'), {}, null],
    ['one starting the day after it', leave('2027-01-09', '2027-01-12'), {}, null],
    ['herself as stand-in', leave('2026-12-14', '2026-12-18', 'wang-fang'), {}, 'stand_in_self'],
    ['a stand-in the directory does not know', leave('2026-12-14', '2026-12-18'), { known: false }, 'stand_in_unknown'],
    ['a stand-in without her role', leave('2026-12-14', '2026-12-18'), { roles: ['leader'] }, 'stand_in_cannot_decide'],
    [
      'her directory delegate, whatever his roles',
      leave('2026-12-14', '2026-12-18'),
      { roles: [], isDelegate: true },
      null,
    ],
    [
      'a stand-in away on one of the days',
      leave('2026-12-14', '2026-12-18'),
      { absences: [leave('2026-12-18', '2026-12-20', 'chen-jing')] },
      'stand_in_away',
    ],
    [
      'a stand-in away only before it',
      leave('2026-12-14', '2026-12-18'),
      { absences: [leave('2026-12-11', '2026-12-13', 'chen-jing')] },
      null,
    ],
    [
      'a stand-in away only after it',
      leave('2026-12-14', '2026-12-18'),
      { absences: [leave('2026-12-19', '2026-12-20', 'chen-jing')] },
      null,
    ],
  ] as const)('%s: %s', (_what, absence, standIn, expected) => {
    expect(problem(absence, standIn)).toBe(expected);
  });

  it('takes a stand-in who shares one of her roles, not all of them', () => {
    const twoRoles = { ...wangFang, approverRoles: ['ops_approver', 'ops_head'] };
    expect(absenceProblem(leave('2026-12-14', '2026-12-18'), twoRoles, colleague, TODAY)).toBeNull();
  });
});
