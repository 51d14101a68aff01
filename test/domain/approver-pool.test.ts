import { chooseApprover, type PoolMember } from '../../src/domain/approver-pool';

// SPEC §2: a role may be held by several people, each optionally covering some units; a step goes to one
// named approver — covering the unit, not away, fewest open steps — and keeps why.
const member = (id: string, changes: Partial<PoolMember> = {}): PoolMember => ({ id, delegate: `${id}-d`, ...changes });
const open = (counts: Record<string, number>) => (id: string) => counts[id] ?? 0;

describe('choosing the approver of a step', () => {
  const pool = [
    member('wang-fang', { covers: ['pudong-branch', 'minhang-branch'] }),
    member('liu-qiang', { covers: ['pudong-branch'] }),
    member('chen-jing', { covers: ['video-ops'] }),
  ];

  it('gives it to the one covering the unit with the fewest open steps', () => {
    expect(chooseApprover(pool, 'pudong-branch', open({ 'wang-fang': 3, 'liu-qiang': 1 }))).toEqual({
      assignee: 'liu-qiang',
      delegate: 'liu-qiang-d',
      assignment: { basis: 'fewest_open', pool: 2, open: 1 },
    });
  });

  it('breaks a tie by the directory order', () => {
    expect(chooseApprover(pool, 'pudong-branch', open({ 'wang-fang': 2, 'liu-qiang': 2 }))?.assignee).toBe('wang-fang');
  });

  it('gives it to the only one covering the unit, however busy', () => {
    expect(chooseApprover(pool, 'minhang-branch', open({ 'wang-fang': 9 }))).toEqual({
      assignee: 'wang-fang',
      delegate: 'wang-fang-d',
      assignment: { basis: 'only', pool: 1, open: 9 },
    });
  });

  it('counts someone covering no units in particular as covering every unit', () => {
    const withAll = [...pool, member('zhao-lei')];
    expect(chooseApprover(withAll, 'industry-finance', open({}))).toMatchObject({
      assignee: 'zhao-lei',
      assignment: { basis: 'only', pool: 1 },
    });
  });

  it('falls back to everyone with the role when nobody covers the unit', () => {
    expect(chooseApprover(pool, 'industry-finance', open({ 'wang-fang': 2, 'liu-qiang': 2, 'chen-jing': 1 }))).toEqual({
      assignee: 'chen-jing',
      delegate: 'chen-jing-d',
      assignment: { basis: 'no_coverer', pool: 3, open: 1 },
    });
  });

  it('passes over someone away, and sends it to the first one’s stand-in when all are away', () => {
    const away = [member('wang-fang', { standIn: 'huang-li' }), member('liu-qiang', { standIn: 'chen-jing' })];
    expect(
      chooseApprover([away[0] as PoolMember, member('liu-qiang')], 'pudong-branch', open({ 'liu-qiang': 5 })),
    ).toMatchObject({ assignee: 'liu-qiang', assignment: { basis: 'only', pool: 1, open: 5 } });
    expect(chooseApprover(away, 'pudong-branch', open({ 'huang-li': 4 }))).toEqual({
      assignee: 'huang-li',
      delegate: null,
      assignment: { basis: 'stand_in', pool: 2, open: 4 },
    });
  });

  it('has nobody when nobody holds the role', () => {
    expect(chooseApprover([], 'pudong-branch', open({}))).toBeNull();
  });
});
