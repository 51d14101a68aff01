import type { Refusal, RefusalCode } from '../../src/app/records/refusal';
import type { Lang } from '../../src/i18n';
import { describeRefusal } from '../../src/i18n/describe-refusal';

// One example of every refusal: a code added to the union without a row here fails to compile.
const EVERY_REFUSAL: { [C in RefusalCode]: Refusal & { code: C } } = {
  not_an_approver: { code: 'not_an_approver' },
  own_application: { code: 'own_application' },
  no_approval_authority: { code: 'no_approval_authority' },
  already_decided: { code: 'already_decided' },
  stale_card: { code: 'stale_card' },
  comment_required: { code: 'comment_required' },
  cannot_escalate: { code: 'cannot_escalate' },
  not_ops_head: { code: 'not_ops_head' },
  already_assigned: { code: 'already_assigned' },
  lacks_role: { code: 'lacks_role', role: 'ops_approver' },
  absence: { code: 'absence', problem: 'stand_in_cannot_decide' },
  no_absence: { code: 'no_absence' },
  not_the_applicant: { code: 'not_the_applicant' },
  not_withdrawable: { code: 'not_withdrawable' },
  not_returned: { code: 'not_returned' },
  not_expired: { code: 'not_expired' },
  not_active: { code: 'not_active' },
  no_evaluation_due: { code: 'no_evaluation_due' },
  not_a_handler: { code: 'not_a_handler' },
  not_in_fulfillment: { code: 'not_in_fulfillment' },
  no_approver: { code: 'no_approver', role: 'leader' },
  no_catalog: { code: 'no_catalog' },
  no_policy: { code: 'no_policy', date: '2027-02-01' },
  directory_changed: { code: 'directory_changed', version: 5 },
  no_such_person: { code: 'no_such_person', who: 'wu.hao@plandesk.example' },
  person_exists: { code: 'person_exists', name: '王芳', by: 'email' },
  person_field: { code: 'person_field', field: 'delegate', problem: 'self' },
  person_referenced: { code: 'person_referenced', name: '刘强', by: '王芳', as: 'delegate' },
  last_admin: { code: 'last_admin' },
  open_steps: {
    code: 'open_steps',
    name: '王芳',
    ids: ['PP-2026-000004'],
    problem: 'target_lacks_role',
    to: '赵磊',
  },
  catalog_version_missing: { code: 'catalog_version_missing', version: 7 },
  stale_version: { code: 'stale_version', id: 'PP-2027-000001', expectedVersion: 2, actualVersion: 3 },
  not_found: { code: 'not_found', id: 'PP-2027-000042' },
  no_directory: { code: 'no_directory' },
  not_an_applicant: { code: 'not_an_applicant', unit: 'pudong-branch' },
  preview_not_allowed: { code: 'preview_not_allowed' },
  not_allowed: { code: 'not_allowed', id: 'PP-2027-000043' },
  not_admin: { code: 'not_admin' },
  unknown_unit: { code: 'unknown_unit', unit: 'nowhere-branch' },
  not_auditor: { code: 'not_auditor' },
  not_report_reader: { code: 'not_report_reader' },
  not_exporter: { code: 'not_exporter' },
  export_already_sent: { code: 'export_already_sent' },
  not_sampled: { code: 'not_sampled', id: 'PP-2027-000044' },
  note_required: { code: 'note_required' },
  not_catalog_owner: { code: 'not_catalog_owner' },
  not_policy_owner: { code: 'not_policy_owner' },
  reference_changed: { code: 'reference_changed', version: 4 },
  effective_in_past: { code: 'effective_in_past', date: '2026-11-30', today: '2026-12-01' },
  not_ops: { code: 'not_ops' },
  already_ending: { code: 'already_ending', lastDay: '2027-06-30' },
  end_reason_required: { code: 'end_reason_required' },
  end_reason_too_long: { code: 'end_reason_too_long', max: 500 },
  end_date_required: { code: 'end_date_required' },
  end_date_past: { code: 'end_date_past', date: '2027-05-09', today: '2027-05-10' },
  end_date_after_term: { code: 'end_date_after_term', date: '2029-01-31', lastDay: '2028-12-31' },
  question_open: { code: 'question_open' },
  no_open_question: { code: 'no_open_question' },
  text_required: { code: 'text_required', what: 'answer' },
  text_too_long: { code: 'text_too_long', what: 'question', max: 500, length: 612 },
};

const cases = Object.values(EVERY_REFUSAL).flatMap((refusal) =>
  (['zh-CN', 'en-US'] as Lang[]).map((lang) => [refusal.code, lang, refusal] as const),
);

describe('describeRefusal', () => {
  it.each(cases)('should put %s in words in %s, with nothing left to fill in', (_, lang, refusal) => {
    const words = describeRefusal(refusal, lang);
    expect(words.length).toBeGreaterThan(4);
    expect(words).not.toMatch(/\{\w+\}/);
    expect(words).not.toContain('refusal.');
  });

  it.each(cases)('should name what %s is about in %s', (_, lang, refusal) => {
    const words = describeRefusal(refusal, lang);
    for (const key of ['id', 'unit', 'date', 'version', 'lastDay', 'today', 'max'] as const) {
      const value = (refusal as Record<string, unknown>)[key];
      if (key === 'id' && refusal.code === 'stale_version') continue; // "someone saved just now" needs no number
      if (value !== undefined) expect(words).toContain(String(value));
    }
  });

  it('should name the missing role in words, not as its id', () => {
    expect(describeRefusal(EVERY_REFUSAL.no_approver, 'zh-CN')).toContain('集客部领导');
    expect(describeRefusal(EVERY_REFUSAL.no_approver, 'en-US')).toContain('Group Customer Department leader');
    expect(describeRefusal(EVERY_REFUSAL.no_approver, 'en-US')).not.toContain('"leader"');
  });

  it('should name the limit of a question or an answer and how far past it the words are', () => {
    expect(describeRefusal(EVERY_REFUSAL.text_too_long, 'zh-CN')).toBe(
      '问题最多 500 个字,现在有 612 个字,请精简后再发送。',
    );
    expect(describeRefusal({ code: 'text_too_long', what: 'answer', max: 500, length: 501 }, 'en-US')).toBe(
      'An answer may have at most 500 characters; this one has 501. Please shorten it.',
    );
  });

  it('should tell an out-of-date card apart from a change made just now', () => {
    expect(describeRefusal(EVERY_REFUSAL.stale_card, 'zh-CN')).not.toBe(
      describeRefusal(EVERY_REFUSAL.stale_version, 'zh-CN'),
    );
    expect(describeRefusal(EVERY_REFUSAL.stale_version, 'en-US')).toMatch(/try again/);
  });
});
