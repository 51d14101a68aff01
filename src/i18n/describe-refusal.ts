import type { Refusal } from '../app/records/refusal';
import { t, type Lang } from './index';

/**
 * Every refusal a person can get, in their words: one place for the bot and the command line. The
 * switch is exhaustive, so a refusal added to the union fails the build here until it has words.
 */
export function describeRefusal(refusal: Refusal, lang: Lang): string {
  switch (refusal.code) {
    case 'not_an_approver':
    case 'own_application':
    case 'no_approval_authority':
    case 'already_decided':
    case 'stale_card':
    case 'comment_required':
    case 'cannot_escalate':
    case 'not_the_applicant':
    case 'not_withdrawable':
    case 'not_returned':
    case 'not_expired':
    case 'not_active':
    case 'no_evaluation_due':
    case 'not_a_handler':
    case 'not_in_fulfillment':
    case 'no_directory':
    case 'no_catalog':
    case 'not_admin':
    case 'not_auditor':
    case 'not_report_reader':
    case 'not_exporter':
    case 'export_already_sent':
    case 'note_required':
    case 'stale_version':
    case 'not_ops_head':
    case 'already_assigned':
    case 'not_catalog_owner':
    case 'not_policy_owner':
    case 'not_ops':
    case 'end_reason_required':
    case 'end_date_required':
      return t(lang, `refusal.${refusal.code}`);
    case 'end_reason_too_long':
      return t(lang, 'refusal.end_reason_too_long', { max: refusal.max });
    case 'end_date_past':
      return t(lang, 'refusal.end_date_past', { date: refusal.date, today: refusal.today });
    case 'end_date_after_term':
      return t(lang, 'refusal.end_date_after_term', { date: refusal.date, lastDay: refusal.lastDay });
    case 'already_ending':
      return t(lang, 'refusal.already_ending', { lastDay: refusal.lastDay });
    case 'question_open':
    case 'no_open_question':
      return t(lang, `refusal.${refusal.code}`);
    case 'text_required':
      return t(lang, `refusal.text_required.${refusal.what}`);
    case 'text_too_long':
      return t(lang, `refusal.text_too_long.${refusal.what}`, { max: refusal.max, length: refusal.length });
    case 'no_absence':
      return t(lang, 'refusal.no_absence');
    case 'absence':
      return t(lang, `refusal.absence.${refusal.problem}`);
    case 'reference_changed':
      return t(lang, 'refusal.reference_changed', { version: refusal.version });
    case 'effective_in_past':
      return t(lang, 'refusal.effective_in_past', { date: refusal.date, today: refusal.today });
    case 'lacks_role':
      return t(lang, 'refusal.lacks_role', { role: t(lang, `role.${refusal.role}`) });
    case 'no_approver':
      return t(lang, 'refusal.no_approver', { role: t(lang, `role.${refusal.role}`) });
    case 'no_policy':
      return t(lang, 'refusal.no_policy', { date: refusal.date });
    case 'catalog_version_missing':
      return t(lang, 'refusal.catalog_version_missing', { version: refusal.version });
    case 'not_found':
    case 'not_allowed':
    case 'not_sampled':
      return t(lang, `refusal.${refusal.code}`, { id: refusal.id });
    case 'preview_not_allowed':
      return t(lang, 'refusal.preview_not_allowed');
    case 'not_an_applicant':
    case 'unknown_unit':
      return t(lang, `refusal.${refusal.code}`, { unit: refusal.unit });
    case 'directory_changed':
      return t(lang, 'refusal.directory_changed', { version: refusal.version });
    case 'no_such_person':
      return t(lang, 'refusal.no_such_person', { who: refusal.who });
    case 'person_exists':
      return t(lang, `refusal.person_exists.${refusal.by}`, { name: refusal.name });
    case 'person_field':
      return t(lang, 'refusal.person_field', {
        field: t(lang, `refusal.person_field.${refusal.field}`),
        problem: t(lang, `refusal.person_field.${refusal.problem}`),
      });
    case 'person_referenced':
      return t(lang, `refusal.person_referenced.${refusal.as}`, { name: refusal.name, by: refusal.by });
    case 'last_admin':
      return t(lang, 'refusal.last_admin');
    case 'open_steps':
      return t(lang, `refusal.open_steps.${refusal.problem}`, {
        name: refusal.name,
        steps: refusal.ids.join(', '),
        who: refusal.to ?? '',
      });
    default:
      return unreachable(refusal);
  }
}

function unreachable(refusal: never): never {
  throw new Error(`a refusal without words: ${JSON.stringify(refusal)}`);
}
