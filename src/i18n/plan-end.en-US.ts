import type { planEndZhCN } from './plan-end.zh-CN';

/** English words for ending a plan before its term and for what an evaluation found short. */
export const planEndEnUS: Record<keyof typeof planEndZhCN, string> = {
  'ended.applicant':
    'Operations Management ({by}) has ended your personalized plan {id} early: its discounts hold until {lastDay} and are void after that; the support center will move the customer back to standard tariffs. Reason: {why}',
  'ended.channel':
    'Ended early: Operations Management has ended personalized plan {id} ({unitName}); it runs until {lastDay}.',
  'history.ended_early': 'Ended early',
  'endsEarly.history': 'Discounts hold until {lastDay}. Reason: {why}',
  'endsEarly.title': '{who} (Operations Management) has ended this plan early: its discounts hold until {lastDay}',
  'endsEarly.titleExpired': '{who} (Operations Management) ended this plan early: its discounts ended on {lastDay}',
  'endsEarly.hint':
    'After {lastDay} its discounts are void and the support center moves the customer back to standard tariffs; to continue, apply again then.',
  'endsEarly.term': '{term} (brought forward to end on {lastDay})',
  'bot.ended':
    'Ended {id} early: its discounts hold until {lastDay}. The applicant and their unit have been told; the day after, the support center gets the task of restoring standard tariffs.',
  'shortfall.revenue': 'revenue',
  'shortfall.subscribers': 'subscribers',
  'shortfall.both': 'revenue and subscribers',
  'detail.evaluation.label': 'Evaluation, period {period}',
  'detail.evaluation.short': 'Below expectations on {shortOn}. {figures}',
  'detail.evaluation.onPace': 'On pace. {figures}',
  'detail.evaluation.figures':
    'revenue {actual} (expected {expectedRevenue}), {subscribers} subscribers (expected {expectedSubscribers})',
  'detail.evaluation.figuresRevenueOnly': 'revenue {actual} (expected {expectedRevenue}), {subscribers} subscribers',
};
