import { applicationRecordSchema } from '../../../src/store/schemas/application-schema';
import { readDocument } from '../../../src/store/schemas/stored-document';
import { sampleRecord } from '../fixtures';

/** A record as stored before plans could be ended early and evaluations judged subscribers. */
function olderDocument(): Record<string, unknown> {
  const { endsEarly: _e, ...record } = {
    ...sampleRecord('PP-2027-000001'),
    state: 'active' as const,
    evaluations: [
      {
        period: 1,
        reportedAt: '2027-04-02T02:00:00.000Z',
        reportedBy: '00000000-0000-0000-0000-00000000a001',
        actualRevenueFen: 2_000_000,
        actualSubscribers: 4,
        expectedRevenueToDateFen: 2_880_000,
        flagged: true,
      },
    ],
  };
  return record;
}

describe('the stored form of an application', () => {
  it('still reads a document from before plans could be ended early, judged on revenue alone', () => {
    const read = readDocument(
      applicationRecordSchema,
      'applications',
      'PP-2027-000001',
      JSON.stringify(olderDocument()),
    );
    expect(read.endsEarly).toBeUndefined();
    expect(read.evaluations[0]).not.toHaveProperty('shortfalls');
    expect(read.evaluations[0]?.flagged).toBe(true);
  });

  it.each([
    [
      'a last day that is no date',
      { lastDay: '2027-06-31', reason: '评估未达预期', by: 'wang.fang', at: '2027-04-12T02:00:00Z' },
    ],
    ['no reason', { lastDay: '2027-06-30', reason: '', by: 'wang.fang', at: '2027-04-12T02:00:00Z' }],
  ])('refuses an early end with %s as damaged', (_what, endsEarly) => {
    const json = JSON.stringify({ ...olderDocument(), endsEarly });
    expect(() => readDocument(applicationRecordSchema, 'applications', 'PP-2027-000001', json)).toThrow(/endsEarly/);
  });
});
