import type { ApplicationInput } from './application';
import { refusalOf, type Actor, type Case, type Refusal } from './case-guards';
import { planEnd } from './lifecycle';
import { isLocalDate, shanghaiDate, type LocalDate } from './local-date';
import { fail, ok, type Result } from './result';

/** The longest reason a plan is ended with (the card's input takes no more). */
export const END_REASON_MAX = 500;

/** Ops ends a plan: its new last day (as the card's date input gives it) and why. */
export interface EndEarlyCommand {
  lastDay: string;
  reason: string;
  actor: Actor;
  at: Date;
}

/**
 * 第九条(三): a plan whose evaluation shows it falls short, or that ops judges at the end of its life,
 * ends before its term. Only ops, only a plan in effect (`refusalOf`); with a reason; on a day not
 * already past (Shanghai) and not after its term's last day. The plan stays in effect until then
 * and expires the day after, as at the end of its term.
 */
export function endEarly(
  c: Case,
  term: Pick<ApplicationInput, 'startMonth' | 'termMonths'>,
  cmd: EndEarlyCommand,
): Result<Case, Refusal> {
  const refused = refusalOf(c, cmd.actor, 'end');
  if (refused) return fail(refused);
  const reason = cmd.reason.trim();
  if (!reason) return fail({ code: 'end_reason_required' });
  if (reason.length > END_REASON_MAX) return fail({ code: 'end_reason_too_long', max: END_REASON_MAX });
  const date: LocalDate = cmd.lastDay.trim();
  if (!isLocalDate(date)) return fail({ code: 'end_date_required' });
  const today = shanghaiDate(cmd.at);
  if (date < today) return fail({ code: 'end_date_past', date, today });
  const { lastDay } = planEnd(term);
  if (date > lastDay) return fail({ code: 'end_date_after_term', date, lastDay });
  return ok({ ...c, endsEarly: { lastDay: date, reason, by: cmd.actor.id, at: cmd.at.toISOString() } });
}
