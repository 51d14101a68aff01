import type { Absence } from '../../domain/absence';
import type { ApproverRole } from '../../domain/route';

export const UNIT_KINDS = ['branch', 'industry', 'video'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ROLES = [
  'applicant',
  'catalog_owner',
  'cooperation_approver',
  'ops_approver',
  'ops_head',
  'leader',
  'support_handler',
  'auditor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number] | ApproverRole;

/** A marketing unit (营销单位): branch company, industry customer department or video operations center. */
export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
}

export interface Person {
  /** The AAD object id Teams gives with every activity. */
  aadObjectId: string;
  name: string;
  email: string;
  roles: Role[];
  unit?: string;
  delegate?: string;
  /** Whom an overdue step goes to when the person has no delegate (SPEC §6). */
  head?: string;
  locale?: string;
  /**
   * The units whose steps this person takes in their approver roles (an approver pool's share);
   * absent: every unit.
   */
  covers?: string[];
  /** Out-of-office periods (休假), with who stands in. */
  away?: Absence[];
}

/** Who is who: kept by the admin, loaded from YAML. */
export interface Directory {
  units: Unit[];
  people: Person[];
}

/** A stored version of the directory: its content, and when and by whom it was imported. */
export interface DirectoryVersion extends Directory {
  version: number;
  importedAt: string;
  importedBy: string;
}
