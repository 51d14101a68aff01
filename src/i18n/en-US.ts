import { cardsEnUS } from './cards.en-US';
import { refusalsEnUS } from './refusals.en-US';
import type { StringKey } from './zh-CN';

/** English, for users whose Teams locale is English. */
export const enUS: Record<StringKey, string> = {
  ...cardsEnUS,
  ...refusalsEnUS,
  'help.title': 'PlanDesk personalized plan assistant',
  'help.intro':
    'Apply for, approve and follow group-business personalized plans. Marketing units have no approval authority; approval sits with the Group Customer Department.',
  'help.commands': 'You can say',
  'help.cmd.new': 'new: fill in a personalized plan application',
  'help.cmd.mine': 'mine: your applications and where they stand',
  'help.cmd.pending': 'pending: what waits on your approval or handling',
  'help.cmd.show': 'show PP-2027-000123: one application with its history',
  'help.cmd.away': 'away 2026-12-01 2026-12-05 liu.qiang: leave with a stand-in (away cancel: end it early)',
  'help.cmd.help': 'help: show this again',
  'help.footer':
    'Plans are confidential: only the applicant, approvers, handlers, auditors and admins see their figures.',

  'outcome.blocked': 'Cannot be submitted',
  'outcome.not_needed': 'No personalized plan needed',
  'outcome.routed': 'Needs approval',

  'kind.tariff_discount': 'tariff discount',
  'kind.promo_subsidy': 'promotional subsidy',
  'kind.agent_commission': 'agent commission',

  'measure.margin': 'margin',
  'measure.discount_depth': 'discount depth',
  'measure.subsidy': 'subsidy ratio',
  'measure.commission': 'commission ratio',
  'measure.contract_value': 'contract value at standard tariff',

  'step.cooperation': 'Cooperation Management approval',
  'step.ops_review': 'Operations Management approval',
  'step.leadership': 'Department leadership approval',
  'step.ops_final': 'Operations Management final review',

  'reason.unknown_unit': 'Marketing unit "{unit}" is not in the directory; check the unit or ask an admin.',
  'reason.unknown_activity':
    'Marketing activity "{activity}" is not in the current catalog. A new activity starts with a pre-consultation with the Product Innovation & Industry Application Center.',
  'reason.unknown_product': 'Line {line}: product "{product}" is not in the current catalog.',
  'reason.product_not_in_activity': 'Line {line}: product "{product}" is not part of activity "{activity}".',
  'reason.not_issued': 'Line {line}: product "{product}" is "{status}", not an officially issued business.',
  'reason.kind_not_allowed':
    'Activity "{activity}" does not define a {kindName}. A new tariff or activity needs a pre-consultation with the Product Innovation & Industry Application Center first; give its reference.',
  'reason.term_out_of_range': 'A term of {term} months is outside 1 to {max} months.',
  'reason.start_in_past': 'Start month {start} is before the current month ({current}).',
  'reason.line_below_cost': 'Line {line}: proposed price ¥{proposed} for "{product}" is below its unit cost ¥{cost}.',
  'reason.below_cost':
    'Revenue ¥{revenue} is below cost ¥{cost} by ¥{shortfall} (margin {margin}%); a plan may not go below cost.',
  'reason.within_branch_authority':
    'This is within the branch authority of activity "{activity}": no personalized plan is needed; use the standard activity.',
  'reason.catalog_stale':
    'The catalog (version {version}, imported {importedOn}) is more than a month old; costs and standard tariffs may have changed.',
  'tier.all_within': 'Every figure is within the limits of {tier}.',
  'tier.below': '{measureName} {value}% is below the {limit}% of {tier}: {next}.',
  'tier.above': '{measureName} {value}% is above the {limit}% of {tier}: {next}.',
  'tier.above_value': '{measureName} ¥{value} is above the ¥{limit} of {tier}: {next}.',

  'cli.usage': `Usage: plandesk <command> [options] [--lang en]
  preview --application app.json [--catalog catalog.csv] [--policy policy.yaml] [--at YYYY-MM-DD]
      what would happen to an application: blocked / not needed / routed (tier, steps, reasons), as JSON
  simulate --policy draft.yaml
      replay every stored application against a draft policy; list those whose tier would change
  catalog import catalog.csv [--by name]
      load a new catalog version (earlier versions stay)
  policy import policy.yaml --effective YYYY-MM-DD [--by name]
      load a new policy version in force from that date (earlier versions stay)
  tick [--now 2027-03-01T09:00+08:00]
      run the jobs due then (reminders, deadlines, expiry) and deliver what they decide
  migrate --from sqlite:./data/plandesk.db --to cosmos [--verify]
      copy a pilot's store to Cosmos DB (COSMOS_ENDPOINT, COSMOS_KEY, COSMOS_DATABASE), counts per kind as JSON;
      safe to run again. --verify copies nothing: it compares the two stores item by item (exit 1 on a difference)
PLANDESK_DB names the database file (default ./data/plandesk.db).`,
  'state.draft': 'Draft',
  'state.submitted': 'Submitted',
  'state.in_review': 'In review',
  'state.returned': 'Returned for revision',
  'state.approved': 'Approved',
  'state.in_fulfillment': 'Approved, being carried out',
  'state.active': 'Active',
  'state.rejected': 'Rejected',
  'state.withdrawn': 'Withdrawn',
  'state.expired': 'Expired',
  'stepStatus.waiting': 'Not started',
  'stepStatus.pending': 'In review',
  'stepStatus.approved': 'Approved',
  'stepStatus.rejected': 'Rejected',
  'stepStatus.returned': 'Returned',
  'stepStatus.escalated': 'Escalated',
  'stepStatus.cancelled': 'Not reached',
  'tier.label.tier1': '{tier} · Operations Management',
  'tier.label.tier2': '{tier} · Head of Operations Management',
  'tier.label.tier3': '{tier} · beyond Operations Management, to leadership',
  'tier.name.tier1': 'Tier 1 authority',
  'tier.name.tier2': 'Tier 2 authority',
  'tier.name.tier3': 'Tier 3 authority',
  'route.why.agent_channel':
    'Involves agent-channel development, so Cooperation Management approves first (Art. 11, 12)',
  'route.why.agent_commission':
    'Pays an agent commission, so it counts as agent-channel: Cooperation Management approves first (Art. 12)',
  'route.why.ops_authority': "{tier}: within Operations Management's authority (Art. 7(2))",
  'route.why.ops_head_authority': '{tier}: approved by the head of Operations Management (Art. 7(2))',
  'route.why.beyond_ops':
    "{tier}: beyond Operations Management's authority; reviewed, then reported upward (Art. 7(2))",
  'route.why.leadership_report':
    "Beyond Operations Management's authority: department leadership approves on its report (Art. 7(2))",
  'route.why.ops_final':
    'After leadership, Operations Management gives the final review and replies to the unit (Art. 12)',
  'econ.revenue': 'Revenue (whole term)',
  'econ.standard': 'At standard tariff',
  'econ.cost': 'Cost (incl. subsidy, commission)',
  'econ.margin': 'Margin',
  'econ.discount': 'Discount depth',
  'econ.subsidy': 'Subsidy ratio',
  'econ.commission': 'Commission ratio',
  'history.submitted': 'Submitted',
  'history.resubmitted': 'Revised and resubmitted',
  'history.withdrawn': 'Withdrawn',
  'history.fulfilled': 'Carried out; plan active',
  'history.approve': 'Approved',
  'history.reject': 'Rejected',
  'history.return': 'Returned for revision',
  'history.escalate': 'Escalated to leadership',
  'change.none': 'none',
  'change.yes': 'yes',
  'change.no': 'no',
  'change.line': 'Line {line} {field}',
  'change.item': '{field} {before} → {after}',
  'change.was': '{field} was {before}',
  'change.field.unit': 'unit',
  'change.field.customerName': 'customer name',
  'change.field.customerGroupId': 'group id',
  'change.field.activity': 'activity',
  'change.field.startMonth': 'start month',
  'change.field.termMonths': 'term (months)',
  'change.field.product': 'product',
  'change.field.quantity': 'quantity',
  'change.field.unitPrice': 'unit price',
  'change.field.subsidy': 'subsidy',
  'change.field.commission': 'agent commission',
  'change.field.agentChannel': 'agent channel',
  'change.field.preConsultationRef': 'pre-consultation ref',
  'change.field.expectedRevenue': 'expected revenue',
  'change.field.expectedSubscribers': 'expected subscribers',
  'change.field.justification': 'justification',
  'changes.title': 'Changed since revision {revision}',
  'changes.none': 'Nothing changed since revision {revision}.',
  'returned.title': 'Returned for revision by {who} ({step})',
  'returned.hint': 'Revise it as asked, then use "Edit and resubmit" below.',
  'rejected.title': 'Rejected by {who} ({step})',
  'waiting.returned': 'Waiting for the applicant to revise and resubmit',
  'revision.label': 'revision {revision}',
  'list.updated': 'updated {when}',
  'list.takenOver': 'You took over {id}; its card is below.',
  'list.handedOver': '{id} is now with {who}, who has its card.',
  'assignment.fewest_open': 'fewest open steps ({open}) of the {pool} approvers covering the unit',
  'assignment.stand_in': 'the {pool} approvers covering the unit are away: their stand-in decides',
  'assignment.no_coverer': 'nobody covers the unit: fewest open steps ({open}) of the {pool} with the role',
  'notice.stood_in': '{who} is away: you stand in for the {stepName} of application {id}; its card is in this chat.',
  'history.stood_in': 'Stand-in during leave',
  'bot.away.usage':
    'Record leave like this: away 2026-12-01 2026-12-05 liu.qiang (first day, last day, your stand-in by name or email); to end it early: away cancel',
  'bot.away.recorded': 'Leave recorded: {firstDay} to {lastDay}, with {standIn} standing in.',
  'bot.away.moved': 'Your {moved} open steps have moved to {standIn}; new steps meanwhile go straight to {standIn}.',
  'bot.away.none': 'You hold no open steps; new steps meanwhile go straight to {standIn}.',
  'bot.away.later':
    'From {firstDay}, new steps go straight to {standIn}, and the steps you hold move to {standIn} at 00:00 that day.',
  'bot.away.after':
    'When it ends, new steps come to you again; steps already moved stay with your stand-in. Send "away cancel" to end it early.',
  'bot.away.cancelled':
    'Leave {firstDay} to {lastDay} cancelled: new steps come to you again; steps already with your stand-in stay there.',
  'list.opened': '{id} is open below.',
  'waiting.step': '{step} · {who} · by {due}',
  'waiting.fulfillment': 'Support center · by {due}',
  'term.months': '{months} months from {start}',
  'waiting.evaluation': 'Report period {period}: {span}',
  'waiting.evaluationBacklog': 'Report period {period}: {span} ({outstanding} periods outstanding, reported in order)',
  'months.one': '{monthName} {year}',
  'months.sameYear': '{fromMonth}–{toMonth} {year}',
  'months.acrossYears': '{fromMonth} {fromYear}–{toMonth} {toYear}',
  'months.withQuarter': '{span}, {quarter}',
  'quarter.1': 'Q1',
  'quarter.2': 'Q2',
  'quarter.3': 'Q3',
  'quarter.4': 'Q4',
  'notice.advanced': 'Application {id} moved on to: {stepName}.',
  'notice.escalated': 'Application {id} was escalated to: {stepName}.',
  'notice.approved': 'Application {id} is approved; the support center will carry it out within one business day.',
  'notice.rejected': 'Application {id} was rejected by {who} ({stepName}): "{comment}"',
  'notice.returned':
    'Application {id} was returned for revision by {who} ({stepName}): "{comment}". Use "Edit and resubmit" on the card.',
  'notice.taken_over': '{who} took over the {stepName} of application {id}; nothing more is needed from you.',
  'notice.reassigned_away': '{by} handed the {stepName} of application {id} to {who}; nothing more is needed from you.',
  'notice.reassigned_to_you':
    '{by} handed you the {stepName} of application {id}; its card is in this chat, and its deadline is unchanged.',
  'history.taken_over': 'Taken over',
  'history.reassigned': 'Handed over',
  'notice.withdrawn': 'Application {id} was withdrawn by the applicant; no decision is needed.',
  'notice.fulfilled': 'Application {id} has been carried out; the plan is active.',
  'bot.submitted': 'Submitted as {id}. The approver gets an approval card; you will hear of every step.',
  'bot.resubmitted': 'Resubmitted {id} (revision {revision}); approval starts again from the first step.',
  'bot.decided.approve': 'You approved {id}.',
  'bot.decided.reject': 'You rejected {id}.',
  'bot.decided.return': 'You returned {id} for revision.',
  'bot.decided.escalate': 'You escalated {id} to leadership.',
  'bot.withdrawn': 'You withdrew {id}.',
  'bot.fulfilled': 'Marked {id} as carried out.',
  'bot.mine.title': 'My applications',
  'bot.mine.empty': 'You have no applications yet. Say "new" to start one.',
  'bot.pending.title': 'Waiting on me',
  'bot.pending.empty': 'Nothing is waiting on you.',
  'bot.show.usage': 'Give the number, e.g. show PP-2027-000123',
  'bot.channel.bound':
    'Done: this channel now gets the "{target}" notices (number, unit, status and deadline only), in {language}.',
  'bot.channel.languageHint': 'For {other}, send: notify-here {word} {otherTag}',
  'bot.channel.badLanguage':
    '"{given}" is not a notice language: write zh-CN (Chinese) or en-US (English), e.g. notify-here ops en-US',
  'lang.zh-CN': 'Chinese',
  'lang.en-US': 'English',
  'bot.channel.usage':
    'Say which notices: notify-here ops | support | auditors | <unit id> [zh-CN | en-US] (their language; Chinese unless you say)',
  'bot.channel.notChannel': 'Send this in a team channel, mentioning @PlanDesk.',
  'bot.personalOnly': 'Plans are confidential: use this in your 1:1 chat with PlanDesk.',
  'bot.notInDirectory': 'You are not in the PlanDesk directory yet; ask an admin to add you.',
  'form.route.nobody': 'nobody in the directory holds this role',
  'form.notice.blocked': 'Cannot be submitted: fix what is marked and preview again.',
  'form.notice.not_needed': 'No personalized plan needed: use the standard activity.',
  'form.month': '{month}',
  'form.product': '{code} {name} · standard ¥{price}/month',
  'form.bad_yuan': 'must be an amount in yuan with at most two decimals',
  'form.bad_integer': 'must be a whole number',
  'channel.headline': 'Personalized plan {id} has an update',
  'reminder.step': 'Reminder: application {id} waits for your {stepName}; please decide by {due}.',
  'reminder.fulfillment': 'Reminder: application {id} is approved; please carry it out by {due}.',
  'overdue.approver': 'The {stepName} of application {id} is past its deadline ({due}); please decide soon.',
  'overdue.applicant':
    'Your application {id} is past its deadline at "{stepName}" ({due}); the approver has been reminded.',
  'overdue.channel': 'Overdue: the {stepName} of application {id} ({unitName}) passed its deadline {due}.',
  'overdue.no_delegate':
    'The {stepName} of application {id} ({unitName}) is overdue and the approver has no delegate; Operations Management, please follow up.',
  'overdue.escalated': 'The {stepName} of application {id} was overdue and has gone to {to}.',
  'overdue.fulfillment': 'Overdue: carrying out application {id} ({unitName}) passed its deadline {due}.',
  'overdue.fulfillment_applicant':
    'Carrying out your application {id} is past its deadline ({due}); the support center has been reminded.',
  'expiry.applicant':
    'Your personalized plan {id} ends on {lastDay} ({daysLeft} days left). Its discounts end with it; to continue, apply again.',
  'expiry.channel': 'Ending: personalized plan {id} ({unitName}) runs until {lastDay}.',
  'expired.applicant':
    'Your personalized plan {id} ended on {lastDay}; its discounts are void and the support center will restore standard tariffs. To continue, say "new" to apply again.',
  'expired.support':
    'Personalized plan {id} ({unitName}) ended on {lastDay}; please move the customer back to standard tariffs.',
  'summary.monthly':
    'Personalized plans, {month}: {inReview} in review, {inFulfillment} being carried out, {active} active; {flaggedPart}.',
  'summary.flagged': '{flagged} below expectations at evaluation: {flaggedList}',
  'summary.noneFlagged': 'none below expectations at evaluation',
  'notice.about.application': 'message about application {id}',
  'notice.about.none': 'message',
  'notice.recipient.unknown': '(a recipient PlanDesk could not find)',
  'ops.delivery_failed':
    'A {about} to {recipient} was not delivered after {attempts} attempts and is now a dead letter. Last error: {error}',
  'ops.delivery_rejected': 'Teams refused a {about} to {recipient}; it is now a dead letter: {error}',
  'ops.conversation_inactive':
    'PlanDesk can no longer write to {recipient} (Teams: {reason}). The conversation is marked inactive and the {about} was not delivered; it becomes active again when they next talk to PlanDesk.',
  'evaluation.asked':
    'Please report the actual results (revenue and subscribers) of personalized plan {id} for period {period}, {span}: tap "Report results" on its card.',
  'evaluation.asked_backlog':
    'Personalized plan {id} has {outstanding} evaluation periods not yet reported. Please report them in order, starting with period {period}, {span}: tap "Report results" on its card; after each report the card moves to the next period.',
  'evaluation.flagged':
    'Below expectations: personalized plan {id} ({unitName}) earned less than expected in period {period} ({span}) and needs improving.',
  'bot.evaluated': 'Recorded the evaluation of {id} for period {period}.',
  'bot.evaluatedFlagged':
    'Recorded the evaluation of {id} for period {period}: revenue is below expectations; Operations Management has been told.',
  'bot.evaluatedNext':
    'Recorded the evaluation of {id} for period {period}. Next, please report period {nextPeriod}: {span}.',
  'bot.evaluatedFlaggedNext':
    'Recorded the evaluation of {id} for period {period}: revenue is below expectations; Operations Management has been told. Next, please report period {nextPeriod}: {span}.',
  'spotcheck.drawn':
    "Spot check {month} ({share}% of each unit's active plans, at least one per unit that has any): {sample}. Record a finding on each: spotcheck PP-… pass / spotcheck PP-… issue <note>.",
  'spotcheck.none': 'Spot check {month}: there are no active personalized plans.',
  'bot.spotcheck.usage':
    'Record a finding like this: spotcheck PP-2027-000123 pass, or spotcheck PP-2027-000123 issue <note>',
  'bot.spotcheck.passed': 'Recorded: {id} passed the {month} spot check.',
  'bot.spotcheck.issue': 'Recorded: {id} has an issue in the {month} spot check.',
  'history.expired': 'Expired; discounts void',
  'history.evaluation_requested': 'Evaluation requested',
  'history.evaluation_reported': 'Evaluation reported',
  'history.evaluation_flagged': 'Evaluation reported: below expectations',
  'history.reassigned_overdue': 'Passed on when overdue',
  'expired.channel': 'Ended: personalized plan {id} ({unitName}) ended on {lastDay}.',
  'error.invalid_field': '"{field}" is not right: {problem}',
  'error.required': 'required',
  'error.not_a_number': 'must be a number',
  'error.not_an_integer': 'must be a whole number',
  'error.too_small': 'must be at least {min}',
  'error.too_large': 'must be at most {max}',
  'error.bad_percent': 'must be a percent from 0 to 100 with at most two decimals',
  'error.bad_month': 'must be a month as YYYY-MM',
  'error.bad_instant': 'must be an instant with its offset, e.g. 2027-03-01T09:00+08:00',
  'error.bad_date': 'must be a date as YYYY-MM-DD',
  'error.wrong_type': 'must be of type {expected}',
  'error.too_few': 'needs at least {min} item(s)',
  'error.too_many': 'can have at most {max} items',
  'error.too_long': 'must be at most {max} characters',
  'error.unknown_field': 'unknown field(s): {keys}',
  'error.not_one_of': 'must be one of: {options}',
  'error.other': '{detail}',
  'error.duplicate': 'repeats an earlier entry: {value}',
  'error.unknown_reference': 'refers to {value}, which does not exist',
  'error.missing_column': 'missing column(s): {columns}',
  'error.activity_mismatch': '{column} differs from line {line} of the same activity',
  'error.tier_order': 'tiers must be tier1, tier2, tier3 in that order',
  'error.bad_kind_list': 'must be a |-separated list of tariff_discount, promo_subsidy, agent_commission',
  'error.empty_file': 'the file is empty or has no data rows',
  'error.unknown_command': 'Unknown command "{command}".',
  'error.unexpected': 'Something unexpected went wrong ({detail}); nothing was done and nothing was lost.',
  'error.turn_failed':
    'Sorry, something went wrong while handling your message. Please try again later; if it keeps happening, give an admin the error reference {ref}.',
  'error.malformed_json': 'is not valid JSON: {detail}',
  'error.bad_store_location': 'must be sqlite:<file> or cosmos',
  'error.not_migration_target': 'must be cosmos (a migration writes to Cosmos DB)',
  'error.cosmos_not_configured': 'names Cosmos DB, but COSMOS_ENDPOINT is not set',
  'error.file_not_found': 'There is no file {path}.',
  'error.file_unreadable': 'cannot read {path}: {detail}',
};
