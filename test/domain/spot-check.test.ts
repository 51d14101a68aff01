import { drawSpotCheck } from '../../src/domain/spot-check';

const plans = (unit: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `PP-2027-${unit.slice(0, 2)}${String(i).padStart(4, '0')}`, unit }));

describe('the monthly spot check draw', () => {
  const all = [...plans('pudong-branch', 25), ...plans('minhang-branch', 3), ...plans('video-ops', 1)];

  it("draws the share of each unit's active plans, at least one from every unit that has any", () => {
    const draw = drawSpotCheck(all, 10, 20261201);
    expect(draw.units.map((u) => [u.unit, u.planIds.length])).toEqual([
      ['minhang-branch', 1],
      ['pudong-branch', 3],
      ['video-ops', 1],
    ]);
    for (const u of draw.units) for (const id of u.planIds) expect(all.find((p) => p.id === id)?.unit).toBe(u.unit);
  });

  it.each([
    [20, 10, 2],
    [21, 10, 3],
    [25, 10, 3],
    [10, 10, 1],
    [9, 10, 1],
    [4, 50, 2],
    [5, 50, 3],
    [7, 100, 7],
    [3, 0, 1],
  ])("draws ceil(share × plans) of a unit's %i active plans at %i%%, at least one: %i", (n, share, drawn) => {
    expect(drawSpotCheck(plans('pudong-branch', n), share, 99).units).toEqual([
      { unit: 'pudong-branch', planIds: expect.any(Array) },
    ]);
    expect(drawSpotCheck(plans('pudong-branch', n), share, 99).units[0]?.planIds).toHaveLength(drawn);
  });

  it('draws, for a recorded seed, the very sample it drew when the draw was recorded (an audit can reproduce it)', () => {
    // Recorded with the December 2026 draw; any change to the generator or the shuffle would change these.
    expect(drawSpotCheck(all, 10, 20261201)).toEqual({
      seed: 20261201,
      units: [
        { unit: 'minhang-branch', planIds: ['PP-2027-mi0000'] },
        { unit: 'pudong-branch', planIds: ['PP-2027-pu0003', 'PP-2027-pu0005', 'PP-2027-pu0019'] },
        { unit: 'video-ops', planIds: ['PP-2027-vi0000'] },
      ],
    });
    expect(drawSpotCheck(all, 10, 5).units.map((u) => u.planIds)).toEqual([
      ['PP-2027-mi0002'],
      ['PP-2027-pu0006', 'PP-2027-pu0016', 'PP-2027-pu0019'],
      ['PP-2027-vi0000'],
    ]);
    expect(drawSpotCheck(all, 60, 7).units.find((u) => u.unit === 'pudong-branch')?.planIds).toEqual(
      [1, 2, 3, 4, 9, 11, 12, 13, 14, 16, 17, 18, 20, 21, 24].map((i) => `PP-2027-pu${String(i).padStart(4, '0')}`),
    );
  });

  it('draws the same sample again from the same seed, whatever order the plans come in', () => {
    expect(drawSpotCheck([...all].reverse(), 10, 42)).toEqual(drawSpotCheck(all, 10, 42));
  });

  it('draws differently from another seed', () => {
    const samples = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) =>
        drawSpotCheck(all, 10, seed)
          .units.find((u) => u.unit === 'pudong-branch')
          ?.planIds.join(),
      ),
    );
    expect(samples.size).toBeGreaterThan(1);
  });

  it('never draws a plan twice', () => {
    for (let seed = 0; seed < 50; seed += 1) {
      const ids = drawSpotCheck(all, 60, seed).units.flatMap((u) => u.planIds);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('lists the units by name, whatever the numbers of their plans, and draws from each in that order', () => {
    const mixed = [
      { id: 'PP-2027-000001', unit: 'zhabei-branch' },
      { id: 'PP-2027-000002', unit: 'zhabei-branch' },
      { id: 'PP-2027-000003', unit: 'anting-branch' },
      { id: 'PP-2027-000004', unit: 'anting-branch' },
    ];
    const draw = drawSpotCheck(mixed, 50, 1);
    expect(draw.units.map((u) => u.unit)).toEqual(['anting-branch', 'zhabei-branch']);
    expect(draw).toEqual(drawSpotCheck([...mixed].reverse(), 50, 1));
    // Recorded: the first number drawn falls to anting-branch, the second to zhabei-branch.
    expect(draw.units.map((u) => u.planIds)).toEqual([['PP-2027-000004'], ['PP-2027-000001']]);
  });

  it('draws nothing when no plan is active', () => {
    expect(drawSpotCheck([], 10, 1).units).toEqual([]);
  });
});
