import type { refusalsZhCN } from './refusals.zh-CN';

/** English words for every refusal and for the approver roles a refusal may name. */
export const refusalsEnUS: Record<keyof typeof refusalsZhCN, string> = {
  'refusal.not_an_approver': 'You are not the approver of this step (nor their delegate), so you cannot act on it.',
  'refusal.own_application': 'You cannot approve your own application.',
  'refusal.no_approval_authority':
    'Marketing units have no approval authority (Article 6); the Group Customer Department approves.',
  'refusal.already_decided': 'This step has already been decided; here is where it stands.',
  'refusal.stale_card': 'This card is out of date (the application changed); here is where it stands.',
  'refusal.comment_required':
    'Please give a reason, then tap again: why, when rejecting; what to change, when returning.',
  'refusal.not_ops_head': "Only the head of Operations Management may hand someone else's step to another person.",
  'refusal.already_assigned': 'That person already has this step.',
  'refusal.lacks_role': 'A step can only go to someone with the role "{role}".',
  'refusal.no_absence': 'You have no leave recorded now or ahead.',
  // Exporting plans.
  'refusal.not_exporter':
    'Exporting plans is for ops, group-customer leadership and auditors only. To look at plans, send "list".',
  'refusal.export_already_sent':
    'This export was sent already; the file is above. For today’s figures, send "export" again.',
  'refusal.absence.bad_range': 'The leave ends before it starts: check the dates.',
  'refusal.absence.in_past': 'That leave is over already: nothing to record.',
  'refusal.absence.overlaps': 'That leave overlaps one you recorded; to change it, send "away cancel" first.',
  'refusal.absence.stand_in_self': 'You cannot stand in for yourself.',
  'refusal.absence.stand_in_unknown': 'The directory has nobody by that name or email.',
  'refusal.absence.stand_in_cannot_decide':
    'That person may not decide your steps: a stand-in needs one of your approver roles, or to be your delegate in the directory.',
  'refusal.absence.stand_in_away': 'That person is away during it too: choose someone else.',
  'refusal.cannot_escalate':
    'This step cannot be escalated: only the Operations Management review goes to the leader, and only once.',
  'refusal.not_the_applicant': 'Only the applicant can do this.',
  'refusal.not_withdrawable': 'The application has a final decision and cannot be withdrawn.',
  'refusal.not_returned': 'Only a returned application can be revised and resubmitted; here is where it stands.',
  'refusal.not_expired': 'Only an expired plan can be applied for again; here is where it stands.',
  'refusal.not_ops': 'Only Operations Management (its approvers or its head) may end a plan early.',
  'refusal.already_ending': 'This plan is already set to end early on {lastDay}.',
  'refusal.end_reason_required':
    'Please say why the plan ends early (for example: below expectations at evaluation, at the end of its life).',
  'refusal.end_reason_too_long': 'The reason can be at most {max} characters; please shorten it.',
  'refusal.end_date_required': "Please choose the plan's last day (the last day its discounts hold).",
  'refusal.end_date_past': 'The last day {date} has passed (today is {today}); choose today or a later date.',
  'refusal.end_date_after_term':
    "The last day {date} is after the plan's own last day {lastDay}: ending early cannot lengthen a plan, so choose {lastDay} or earlier.",
  'refusal.not_active': 'This plan is not running now, so this does not apply; here is where it stands.',
  'refusal.no_evaluation_due': 'No evaluation is due for this period now (it may have been reported already).',
  // Questions to the applicant (Ask / Answer, issue 12).
  'refusal.question_open':
    'A question on this step is still waiting for the applicant; you can ask again once it is answered. You may decide the step meanwhile.',
  'refusal.no_open_question':
    'This question is closed (it was answered, or the approver has decided), so there is nothing to answer; here is where the plan stands.',
  'refusal.text_required.question': 'Write the question for the applicant first, then tap "Send question".',
  'refusal.text_required.answer': 'Write your answer first, then tap "Send answer".',
  'refusal.text_too_long.comment':
    'A comment may have at most {max} characters; this one has {length}. Shorten it and confirm again; nothing was recorded.',
  'refusal.text_too_long.note':
    'A note may have at most {max} characters; this one has {length}. Shorten it and confirm again; the plan is not marked done yet.',
  'refusal.text_too_long.finding':
    'A finding may have at most {max} characters; this one has {length}. Shorten it and send it again; nothing was recorded.',
  'refusal.text_too_long.words':
    'A channel binding names at most {max} characters ({length} given): a unit id, or ops, support or auditors.',
  'refusal.text_too_long.question':
    'A question may have at most {max} characters; this one has {length}. Please shorten it.',
  'refusal.text_too_long.answer':
    'An answer may have at most {max} characters; this one has {length}. Please shorten it.',
  'refusal.not_a_handler': 'Only a support center handler can mark this done.',
  'refusal.not_in_fulfillment': 'This application is not being carried out now (it may be marked done already).',
  'refusal.no_approver':
    'Nobody in the directory is the {role}, so the application cannot reach that step. Ask an admin to add one to the directory, then try again.',
  'refusal.no_directory':
    'No directory has been loaded yet, so PlanDesk does not know who is in which unit or role. Ask an admin to load it.',
  'refusal.no_catalog':
    'No product catalog has been imported yet, so nothing can be previewed or submitted. An admin imports it with plandesk catalog import.',
  'refusal.no_policy':
    'No approval policy is in force on {date}, so nothing can be previewed or submitted. An admin imports it with plandesk policy import.',
  'refusal.catalog_version_missing':
    'Version {version} of the catalog, which this application was judged on, is missing, so it cannot be judged again. Ask an admin.',
  'refusal.stale_version': 'Someone changed the application just now; please try again.',
  'refusal.not_found': 'There is no application {id}; check the number (it looks like PP-2027-000123).',
  'refusal.not_allowed': 'Plans are confidential: you may not see {id}.',
  'refusal.preview_not_allowed':
    'The preview (with cost and margin) is for account managers and Operations Management. To apply, ask an admin to give you the role in the directory.',
  'refusal.not_an_applicant':
    'Only an account manager of the unit can apply for it (unit: {unit}). If that unit is yours, ask an admin to update the directory.',
  'refusal.not_admin': 'Only a PlanDesk admin can do this; ask an admin.',
  'refusal.unknown_unit': 'There is no unit "{unit}" in the directory; check the unit id.',
  'refusal.not_auditor': 'Only auditors can record spot-check findings.',
  'refusal.not_sampled': "{id} is not in this or last month's spot-check sample; check the number.",
  'refusal.note_required': 'Say what the issue is.',

  // People kept on cards by an admin (people).
  'refusal.directory_changed':
    'The directory changed after this card was opened (it is now version {version}), so your change was not saved. Check the refreshed card and save again.',
  'refusal.no_such_person':
    'Nobody called "{who}" is in the directory; they may have been removed. Say "people" to see who is.',
  'refusal.person_exists.id':
    'This Teams account is already in the directory ("{name}"); nothing was changed. Say "people {name}" and choose Change.',
  'refusal.person_exists.email':
    'This e-mail address already belongs to "{name}"; nothing was changed. Check the address.',
  'refusal.person_field': '"{field}": {problem}',
  'refusal.person_field.unit': 'Unit',
  'refusal.person_field.covers': 'Units covered',
  'refusal.person_field.delegate': 'Delegate',
  'refusal.person_field.head': 'Head',
  'refusal.person_field.required_for_applicant': 'an account manager (applicant) needs a unit.',
  'refusal.person_field.unknown': 'what was chosen is no longer in the directory; choose again.',
  'refusal.person_field.self': 'cannot be the person themselves.',
  'refusal.person_referenced.delegate':
    '{name} is the delegate of {by}, so they cannot be removed. Choose another delegate for {by} first.',
  'refusal.person_referenced.head':
    '{name} is the head of {by}, so they cannot be removed. Choose another head for {by} first.',
  'refusal.person_referenced.stand_in':
    '{name} stands in for {by} during leave, so they cannot be removed. {by} needs to cancel or change that leave first.',
  'refusal.last_admin':
    'After this change nobody would be an admin, so nothing was changed. Give a colleague the admin role first.',
  'refusal.open_steps.no_target':
    '{name} still holds open approval steps ({steps}); nothing was changed. Choose who takes them in "Hand their open steps to" and save again.',
  'refusal.open_steps.target_not_in_directory':
    '{name} still holds open approval steps ({steps}) and the person chosen to take them is not in the directory; nothing was changed.',
  'refusal.open_steps.target_lacks_role':
    '{name} still holds open approval steps ({steps}) and {who} lacks the role to decide them; nothing was changed. Choose someone else.',
  'refusal.open_steps.target_is_applicant':
    '{name} still holds open approval steps ({steps}) and {who} filed one of those plans, so cannot decide it; nothing was changed. Choose someone else.',
  'role.applicant': 'account manager (applicant)',
  'role.catalog_owner': 'catalog owner',
  'role.support_handler': 'support handler',
  'role.auditor': 'auditor',
  'role.admin': 'admin',
  'role.cooperation_approver': 'cooperation approver',
  'role.ops_approver': 'ops approver',
  'role.ops_head': 'head of Operations Management',
  'role.leader': 'Group Customer Department leader',
};
