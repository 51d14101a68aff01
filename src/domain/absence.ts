import type { LocalDate } from './local-date';

/**
 * Out-of-office (休假): a person is away on Shanghai days `from`..`to` (inclusive), and `standIn`
 * decides their steps meanwhile. New steps go to the stand-in from the first day; steps the person
 * holds move at the start; at the end nothing moves back by itself (a step stays where it is being
 * worked), but new steps go to the person again.
 */
export interface Absence {
  from: LocalDate;
  to: LocalDate;
  standIn: string;
}

/** The absence a person is in on a day, if any. */
export const awayOn = (absences: readonly Absence[] | undefined, day: LocalDate): Absence | undefined =>
  absences?.find((a) => a.from <= day && day <= a.to);

/** Why an absence cannot be recorded, each said to the person in words. */
export type AbsenceProblem =
  | 'bad_range'
  | 'in_past'
  | 'overlaps'
  | 'stand_in_self'
  | 'stand_in_unknown'
  | 'stand_in_cannot_decide'
  | 'stand_in_away';

/** What is known of the stand-in: their roles, whether they are the person's delegate, their own absences. */
export interface StandInFacts {
  known: boolean;
  roles: readonly string[];
  isDelegate: boolean;
  absences: readonly Absence[];
}

/**
 * Whether an absence may be recorded: a real range not over already, not overlapping another of the
 * person's, with a stand-in who may decide their steps (the same approver role, or their directory
 * delegate) and is not away themselves at any time of it.
 */
export function absenceProblem(
  absence: Absence,
  person: { id: string; approverRoles: readonly string[]; absences: readonly Absence[] },
  standIn: StandInFacts,
  today: LocalDate,
): AbsenceProblem | null {
  if (absence.from > absence.to) return 'bad_range';
  if (absence.to < today) return 'in_past';
  const overlaps = (others: readonly Absence[]) => others.some((a) => a.from <= absence.to && absence.from <= a.to);
  if (overlaps(person.absences)) return 'overlaps';
  if (absence.standIn === person.id) return 'stand_in_self';
  if (!standIn.known) return 'stand_in_unknown';
  if (!standIn.isDelegate && !person.approverRoles.some((r) => standIn.roles.includes(r)))
    return 'stand_in_cannot_decide';
  if (overlaps(standIn.absences)) return 'stand_in_away';
  return null;
}
