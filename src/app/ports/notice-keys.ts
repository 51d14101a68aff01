/**
 * Every short notice PlanDesk may write into a chat or channel (an outbox TextMessage's `key`). The
 * words live in the string tables under these keys; src/i18n checks at compile time that each has
 * them, so a misspelt key fails the build, not a delivery.
 */
export const NOTICE_KEYS = [
  // A decision or an applicant's act, told to the people it concerns.
  'notice.advanced',
  'notice.escalated',
  'notice.approved',
  'notice.rejected',
  'notice.returned',
  'notice.withdrawn',
  'notice.fulfilled',
  // A question to the applicant (询问) and its answer; the step stays with its approver.
  'notice.asked',
  'notice.answered',
  'notice.answered_moved',
  // A step changing hands in an approver pool.
  'notice.taken_over',
  'notice.reassigned_away',
  'notice.reassigned_to_you',
  'notice.stood_in',
  'notice.unknown_members',
  // Deadlines: reminders, overdue steps and tasks, hand-over.
  'reminder.step',
  'reminder.step_asking',
  'reminder.fulfillment',
  'overdue.approver',
  'overdue.applicant',
  'overdue.channel',
  'overdue.no_delegate',
  'overdue.escalated',
  'overdue.fulfillment',
  'overdue.fulfillment_applicant',
  // A plan's life: expiry ahead and expired, ended early by ops, evaluations.
  'expiry.applicant',
  'expiry.channel',
  'expired.applicant',
  'expired.support',
  'expired.channel',
  'ended.applicant',
  'ended.channel',
  'evaluation.asked',
  'evaluation.asked_backlog',
  'evaluation.flagged',
  // Recurring work.
  'reason.catalog_stale',
  'summary.monthly',
  'summary.report',
  'spotcheck.drawn',
  'spotcheck.none',
  // Delivery trouble, told to ops.
  'ops.delivery_failed',
  'ops.delivery_rejected',
  'ops.conversation_inactive',
] as const;
export type NoticeKey = (typeof NOTICE_KEYS)[number];

export const isNoticeKey = (key: string): key is NoticeKey => (NOTICE_KEYS as readonly string[]).includes(key);
