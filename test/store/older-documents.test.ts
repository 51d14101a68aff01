import { applicationRecordSchema } from '../../src/store/schemas/application-schema';
import { policyContentSchema } from '../../src/store/schemas/reference-schemas';
import { samplePolicy, sampleRecord } from './fixtures';

/** SQLite and Cosmos DB read documents through the same schemas: ones written before a field existed still load. */
describe('documents written before questions to the applicant (询问)', () => {
  it('should read an application stored without questions as one with none asked', () => {
    const { questions: _none, ...older } = sampleRecord('PP-2026-000001');
    expect(applicationRecordSchema.parse(older)).toEqual({ ...older, questions: [] });
  });

  it('should read a policy whose lifecycle predates the pause setting as letting deadlines run on', () => {
    const lifecycle = {
      expiryNoticeDays: [30, 7],
      escalationGraceBusinessDays: 1,
      evaluationEveryMonths: 3,
      evaluationFlagBelowPct: 80,
      spotCheckSharePct: 10,
    };
    const parsed = policyContentSchema.parse({ ...samplePolicy(), lifecycle });
    expect(parsed.lifecycle).toEqual({ ...lifecycle, pauseDeadlineWhileAsking: false });
  });
});
