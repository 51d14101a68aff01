import type { AbsenceProblem } from '../../domain/absence';
import type { LocalDate } from '../../domain/local-date';
import type { Refusal as WorkflowRefusal } from '../../domain/workflow';

/** The one expected failure of a write: someone else changed the record since it was read. */
export interface StaleVersion {
  code: 'stale_version';
  id: string;
  expectedVersion: number;
  actualVersion: number | null;
}

/** The reference data a judgement needs is missing: the words tell whom to ask. */
export type AppError =
  | { code: 'no_catalog' }
  | { code: 'no_policy'; date: LocalDate }
  | { code: 'catalog_version_missing'; version: number }
  | StaleVersion;

/** A field of a person card the directory cannot take, and why. */
export type PersonFieldName = 'unit' | 'covers' | 'delegate' | 'head';
export type PersonFieldProblem = 'required_for_applicant' | 'unknown' | 'self';

/** Why the person named to take someone's open steps cannot. */
export type TargetProblem = 'no_target' | 'target_not_in_directory' | 'target_lacks_role' | 'target_is_applicant';

/**
 * Every expected "no" a person can get from PlanDesk, with what its words need. Use cases return
 * these as values; `describeRefusal` in src/i18n turns each into words, in one place, for the bot
 * and the command line alike (it is exhaustive: a new code here fails the build until it has words).
 */
export type Refusal =
  | WorkflowRefusal
  | AppError
  | { code: 'not_found'; id: string }
  | { code: 'no_directory' }
  | { code: 'not_an_applicant'; unit: string }
  /** The form's preview shows cost and margin: it is for account managers and ops (issue 14). */
  | { code: 'preview_not_allowed' }
  | { code: 'not_allowed'; id: string }
  | { code: 'not_admin' }
  | { code: 'unknown_unit'; unit: string }
  | { code: 'not_auditor' }
  /** The monthly report is for ops, leadership and the auditors. */
  | { code: 'not_report_reader' }
  /** Exporting plans (`导出`) is for ops, leadership and the auditors. */
  | { code: 'not_exporter' }
  /** The export a file-consent card offered was sent already: the card was accepted twice, or replayed. */
  | { code: 'export_already_sent' }
  | { code: 'not_sampled'; id: string }
  | { code: 'note_required' }
  /** An out-of-office period that cannot be recorded, and why. */
  | { code: 'absence'; problem: AbsenceProblem }
  | { code: 'no_absence' }
  | { code: 'not_catalog_owner' }
  | { code: 'not_policy_owner' }
  | { code: 'reference_changed'; version: number }
  | { code: 'effective_in_past'; date: LocalDate; today: LocalDate }
  /** A person card older than the directory: someone stored version `version` since. */
  | { code: 'directory_changed'; version: number }
  | { code: 'no_such_person'; who: string }
  /** The id or email of a person being added or changed is someone else's already. */
  | { code: 'person_exists'; name: string; by: 'id' | 'email' }
  | { code: 'person_field'; field: PersonFieldName; problem: PersonFieldProblem }
  /** Removing someone another person still names as delegate, head or stand-in. */
  | { code: 'person_referenced'; name: string; by: string; as: 'delegate' | 'head' | 'stand_in' }
  /** The change would leave nobody to keep the directory. */
  | { code: 'last_admin' }
  /** The change takes a person from open steps and names nobody (or somebody who cannot) to take them. */
  | { code: 'open_steps'; name: string; ids: string[]; problem: TargetProblem; to: string | null };

export type RefusalCode = Refusal['code'];
