import { cardsEnUS } from './cards.en-US';
import { planEndEnUS } from './plan-end.en-US';
import { refusalsEnUS } from './refusals.en-US';
import type { StringKey } from './zh-CN';

/** English, for users whose Teams locale is English. */
export const enUS: Record<StringKey, string> = {
  ...cardsEnUS,
  ...refusalsEnUS,
  ...planEndEnUS,
  'help.title': 'PlanDesk personalized plan assistant',
  'help.intro':
    'Apply for, approve and follow group-business personalized plans. Marketing units have no approval authority; approval sits with the Group Customer Department.',
  'help.commands': 'You can say',
  'help.cmd.new': 'new: fill in a personalized plan application',
  'help.cmd.mine': 'mine: your applications and where they stand',
  'help.cmd.pending': 'pending: what waits on your approval or handling',
  'help.cmd.list':
    'list in_review 浦东 overdue 2026-11: find the plans you may see by state, unit, tier, customer, month and more',
  'help.cmd.show': 'show PP-2027-000123: one application with its history',
  'help.cmd.away': 'away 2026-12-01 2026-12-05 liu.qiang: leave with a stand-in (away cancel: end it early)',
  'help.cmd.people':
    'people wang.fang: look up, add and change people and their roles (admins); send a catalog CSV or policy YAML as a file to import it',
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
  'reason.overlapping_plan':
    'The same group customer has plan {id} (pending or in effect) overlapping this one from {overlapFrom} to {overlapTo} on the same products {sharedProducts}. Make sure this is not one deal split in two.',
  'reason.customer_total':
    "By policy the contract value is judged together with this customer's overlapping plans {plans}: this plan ¥{own}, together ¥{combined}; the tier is set by the total.",
  'reason.catalog_stale':
    'The catalog (version {version}, imported {importedOn}) is more than a month old; costs and standard tariffs may have changed.',
  'tier.all_within': 'Every figure is within the limits of {tier}.',
  'tier.below': '{measureName} {value}% is below the {limit}% of {tier}: {next}.',
  'tier.above': '{measureName} {value}% is above the {limit}% of {tier}: {next}.',
  'tier.above_value': '{measureName} ¥{value} is above the ¥{limit} of {tier}: {next}.',

  // What would pass (issue 12): one figure changed, the others as they are.
  'hint.price_floor_cost':
    'Line {line} ("{product}") passes the cost check at a unit price of at least its cost, ¥{price}.',
  'hint.line_price_min.tier':
    'A unit price of at least ¥{price} on line {line} ("{product}") places the plan in {tier}.',
  'hint.line_price_min.tier_without_leadership':
    'A unit price of at least ¥{price} on line {line} ("{product}") places the plan in {tier}, with no report to leadership.',
  'hint.line_price_min.no_approval':
    'A unit price of at least ¥{price} on line {line} ("{product}") keeps the plan within the branch\'s own authority: no approval needed.',
  'hint.line_price_min.cost_covered':
    'A unit price of at least ¥{price} on line {line} ("{product}") makes the revenue cover the cost.',
  'hint.line_price_min.activity_defined':
    'A unit price of at least the standard ¥{price} on line {line} ("{product}") asks for no tariff discount, which the activity does not define.',
  'hint.subsidy_max.tier': 'A subsidy of at most ¥{subsidy} places the plan in {tier}.',
  'hint.subsidy_max.tier_without_leadership':
    'A subsidy of at most ¥{subsidy} places the plan in {tier}, with no report to leadership.',
  'hint.subsidy_max.no_approval':
    "A subsidy of at most ¥{subsidy} keeps the plan within the branch's own authority: no approval needed.",
  'hint.subsidy_max.cost_covered': 'A subsidy of at most ¥{subsidy} makes the revenue cover the cost.',
  'hint.subsidy_max.activity_defined':
    'A subsidy of at most ¥{subsidy} asks for no promotional subsidy, which the activity does not define.',
  'hint.commission_max.tier': 'An agent commission of at most {commission}% places the plan in {tier}.',
  'hint.commission_max.tier_without_leadership':
    'An agent commission of at most {commission}% places the plan in {tier}, with no report to leadership.',
  'hint.commission_max.no_approval':
    "An agent commission of at most {commission}% keeps the plan within the branch's own authority: no approval needed.",
  'hint.commission_max.cost_covered': 'An agent commission of at most {commission}% makes the revenue cover the cost.',
  'hint.commission_max.activity_defined':
    'An agent commission of at most {commission}% asks for no agent commission, which the activity does not define.',

  'cli.usage': `Usage: plandesk <command> [options] [--lang en]
  preview --application app.json [--catalog catalog.csv] [--policy policy.yaml] [--at YYYY-MM-DD]
      what would happen to an application: blocked / not needed / routed (tier, steps, reasons, what would pass), as JSON
  simulate --policy draft.yaml
      replay every stored application against a draft policy; list those whose tier would change
  catalog import catalog.csv [--by name]
      load a new catalog version (earlier versions stay)
  policy import policy.yaml --effective YYYY-MM-DD [--by name]
      load a new policy version in force from that date (earlier versions stay)
  directory import directory.yaml [--by name] [--reassign from=to ...]
      load a new directory version (earlier versions stay) and list what changed; refused (exit 2, nothing
      written) if someone removed or losing a role holds open steps, unless --reassign (AAD object id or email) says who takes them
  tick [--now 2027-03-01T09:00+08:00]
      run the jobs due then (reminders, deadlines, expiry) and deliver what they decide
  migrate --from sqlite:./data/plandesk.db --to cosmos [--verify]
      copy a pilot's store to Cosmos DB (COSMOS_ENDPOINT, COSMOS_KEY, COSMOS_DATABASE), counts per kind as JSON;
      safe to run again. --verify copies nothing: it compares the two stores item by item (exit 1 on a difference)
  audit verify
      walk the audit trail's hash chain: the count when intact; exit 1 naming the first entry changed, removed or added,
      or a checkpoint PLANDESK_AUDIT_KEY did not sign (rewritten or rolled back); "unsigned" when no key is set
  audit sign
      sign with PLANDESK_AUDIT_KEY the checkpoints of intact chains written before it was set, or signed with
      PLANDESK_AUDIT_PREVIOUS_KEY (a rotation); exit 1 at the first broken chain, whose checkpoint stays unsigned
  export applications [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--unit <unit> ...] [--state <state> ...] --out plans.csv|plans.xlsx
      the applications submitted in those days (Shanghai, both included), of those units and states, one row each
      (economics, tier, route and decisions, evaluations, spot-check findings), read a page at a time; CSV is UTF-8
      with a BOM, text starting with = + - @ prefixed with ' so no spreadsheet runs it; progress on stderr
  export audit [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out audit.csv
      the audit trail in the order it was written, one row per entry with the hash before it and its own
  report 2026-11 [--json]
      a month's report on the plans (the same figures as "report" in Teams); --json prints JSON
PLANDESK_DB names the database file (default ./data/plandesk.db).`,
  // Reference data sent as a file in the 1:1 chat (issue 10).
  'refusal.not_catalog_owner':
    'Only a catalog owner may import the product catalog; the file was not imported. To update the catalog, contact the product innovation center.',
  'refusal.not_policy_owner':
    'Only the head of operations management may import the approval policy; the file was not imported.',
  'refusal.reference_changed':
    'Version {version} was imported after you looked at the changes, so the changes shown are no longer accurate; the file has not been imported.',
  'refusal.effective_in_past': 'The effective date {date} has passed (today is {today}); choose today or a later date.',
  'error.atLine': 'line {line}, {field}',
  'error.atLineCol': 'line {line}, column {col}, {field}',
  'error.atLineOnly': 'line {line}',
  'error.atLineColOnly': 'line {line}, column {col}',
  'import.kind.catalog': 'product catalog',
  'import.kind.policy': 'approval policy',
  'import.title': 'Import the {kindName}: {name}',
  'import.against': 'Compared with version {version}, in force now:',
  'import.againstNone': 'There is no {kindName} yet; everything below is new.',
  'import.summary': '{products} products in {activities} activities.',
  'import.noChanges': 'No difference from the version in force.',
  'import.hint': 'Nothing is saved until you tap "Confirm"; "Cancel" changes nothing.',
  'import.added': 'Products added ({count})',
  'import.retired': 'Products retired ({count})',
  'import.removed': 'Products no longer listed ({count}): new applications naming them cannot be filed',
  'import.changed': 'Standard price or cost changed ({count})',
  'import.product': '{code} {name}',
  'import.productChanged': '{code} {name}: standard price {before} → {after}, unit cost {costBefore} → {costAfter}',
  'import.activities': 'Activities',
  'import.activitiesAdded': 'added: {codes}',
  'import.activitiesRemoved': 'no longer listed: {codes}',
  'import.activitiesChanged': 'branch authority, standard subsidy, commission, kinds or products changed: {codes}',
  'import.settings': 'Policy changes ({count})',
  'import.threshold': '{tier} {measureName}: {before} → {after}',
  'import.threshold.minMarginBp': 'minimum margin',
  'import.threshold.maxDiscountDepthBp': 'maximum discount depth',
  'import.threshold.maxSubsidyBp': 'maximum subsidy',
  'import.threshold.maxCommissionBp': 'maximum commission',
  'import.threshold.maxContractValueFen': 'maximum contract value at standard tariff',
  'import.unset': 'no limit',
  'import.setting': '{settingName}: {before} → {after}',
  'import.setting.maxTermMonths': 'Longest term (months)',
  'import.setting.approvalBusinessDays': 'Time for each approval step (working days)',
  'import.setting.fulfillmentBusinessDays': 'Time for fulfillment (working days)',
  'import.setting.leadershipIsFinal': 'The leadership decision is final',
  'import.simulation': 'The {replayed} stored plans judged again by the new policy: {changed} plans would change tier',
  'import.simulationNone': 'The {replayed} stored plans judged again by the new policy: none would change tier.',
  'import.tierChange': '{id}: {before} → {after}',
  'import.done.catalog':
    'In force: product catalog version {version} ({products} products). New previews and applications are judged by it; filed applications keep theirs.',
  'import.done.policy':
    'Imported: approval policy version {version}, in force from {date}. Earlier applications keep the version they were judged on.',
  'import.cancelled': 'Cancelled: {name} was not imported; nothing has changed.',
  'import.invalid': 'Problems found in {name}: {count}; nothing was imported. Fix them and send the file again:',
  'import.unknownType':
    'Received {name}. PlanDesk accepts a product catalog (.csv) or an approval policy (.yaml, .yml) file.',
  'import.tooLarge':
    '{name} is larger than {limit}, too large to import in Teams; nothing was imported. Ask operations to import it with the command line (plandesk catalog import / policy import).',
  'import.cardLimit': 'what a Teams card can carry',
  'import.downloadFailed': 'Could not read {name} ({detail}); nothing was imported. Please send it again later.',
  'import.notText': '{name} is not UTF-8 text; nothing was imported. Save it as UTF-8 (CSV UTF-8) and send it again.',
  'import.cardDamaged': "This card's file content is incomplete; nothing was imported. Please send the file again.",
  'import.reviewAgain': 'Below are the changes against the latest version; if they are right, tap "Confirm" again.',
  'cli.directory.person_added': 'Added: {who}',
  'cli.directory.person_removed': 'Removed: {who}',
  'cli.directory.roles_added': '{who} now also: {roles}',
  'cli.directory.roles_removed': '{who} no longer: {roles}',
  'cli.directory.person_changed': '{who}, {field}: {from} → {to}',
  'cli.directory.unit_added': 'Unit added: {unitName} ({unit})',
  'cli.directory.unit_removed': 'Unit removed: {unitName} ({unit})',
  'cli.directory.unit_renamed': 'Unit {unit} renamed: {from} → {to}',
  'cli.directory.unit_kind_changed': 'Unit {unit}, kind: {from} → {to}',
  'cli.directory.field.name': 'name',
  'cli.directory.field.email': 'email',
  'cli.directory.field.unit': 'unit',
  'cli.directory.field.delegate': 'delegate',
  'cli.directory.field.head': 'head',
  'cli.directory.field.locale': 'language',
  'cli.directory.field.covers': 'units covered',
  'cli.directory.unset': '(none)',
  'cli.directory.handed_over.assignee': '{id}, {stepName}: now with {to} (was {from})',
  'cli.directory.handed_over.delegate': '{id}, {stepName}: {to} now decides in the approver’s stead (was {from})',
  'cli.directory.refused':
    'The directory was not imported and nothing was written: open approval steps would have nobody to take them ({count}):',
  'cli.directory.stranded.assignee.removed': '{id}, {stepName}: waiting for {who}, who is not in the new directory.',
  'cli.directory.stranded.assignee.lost_role':
    '{id}, {stepName}: waiting for {who}, who no longer has the role "{role}" in the new directory.',
  'cli.directory.stranded.delegate.removed':
    '{id}, {stepName}: {who} may decide it as delegate, but is not in the new directory.',
  'cli.directory.stranded.delegate.lost_role':
    '{id}, {stepName}: {who} may decide it as delegate, but has no approver role in the new directory.',
  'cli.directory.fix.no_target':
    'Say who takes it over in the same import: --reassign {from}=<their AAD object id or email>',
  'cli.directory.fix.target_not_in_directory': 'The person named to take it over, {to}, is not in the new directory.',
  'cli.directory.fix.target_lacks_role':
    'The person named to take it over, {to}, does not have the role "{role}" in the new directory.',
  'cli.directory.fix.target_not_approver':
    'The person named to take it over, {to}, has no approver role in the new directory.',
  'cli.directory.fix.target_is_applicant':
    'The person named to take it over, {to}, filed this application and may not approve it.',
  'cli.directory.unknown_person':
    '--reassign names {name}, who is in neither the current nor the new directory (give an AAD object id or email); nothing was written.',
  'cli.directory.bad_reassign': '--reassign takes <from>=<to>, not "{value}".',
  'cli.audit.intact':
    'The audit trail is intact: {count} entries, {chains} chain(s) walked, each entry as it was written and none missing.',
  'cli.audit.unchained':
    '{count} entries written before the trail was chained are covered by no chain (they were left as they were).',
  'cli.audit.broken': 'The audit trail is broken at {where} ({entry}): {what}',
  'cli.audit.where.row': 'entry #{position}',
  'cli.audit.where.partition': 'entry #{position} of partition {chain}',
  'cli.audit.where.unplaced': 'an entry of partition {chain}',
  'cli.audit.entry': '{at}, {action}, {subject}',
  'cli.audit.entry.last': 'the last one left is {at}, {action}, {subject}',
  'cli.audit.entry.none': 'no entry is left before it',
  'cli.audit.problem.altered':
    'its content no longer matches the hash written with it: it was changed after it was written.',
  'cli.audit.problem.unlinked':
    'it is not chained to the entry before it: an entry before it was removed or changed, or it was put there behind the store.',
  'cli.audit.problem.unchained': 'it carries no hash although its chain had begun: it was written behind the store.',
  'cli.audit.problem.truncated':
    'the chain ends before the last entry the store recorded: the entries from here on were removed.',
  'cli.audit.where.checkpoint': "the trail's checkpoint",
  'cli.audit.where.partition_checkpoint': 'the checkpoint of partition {chain}',
  'cli.audit.entry.checkpoint': 'which records the chain as ending at entry #{position}',
  'cli.audit.problem.forged':
    'its signature was not made with PLANDESK_AUDIT_KEY: the checkpoint was rewritten with the entries before it, or rolled back to hide entries removed from the end (or it was signed with another key).',
  'cli.audit.problem.unsigned':
    'it carries no signature although PLANDESK_AUDIT_KEY is set: if it was written before the key was set, run plandesk audit sign; if not, it was written behind the store.',
  'cli.audit.signed': "Every chain's checkpoint carries a valid signature made with PLANDESK_AUDIT_KEY.",
  'cli.audit.previous_key':
    "{count} checkpoint(s) still carry the previous key's signature (PLANDESK_AUDIT_PREVIOUS_KEY); plandesk audit sign signs them with the current key.",
  'cli.audit.unsigned':
    "unsigned: PLANDESK_AUDIT_KEY is not set, so no checkpoint was checked; someone with write access to the store could rewrite or remove a chain's last entries together with its checkpoint, and this would not show it.",
  'cli.audit.sign.no_key': 'PLANDESK_AUDIT_KEY is not set: there is no key to sign the checkpoints with.',
  'cli.audit.sign.done':
    'Signed {signed} checkpoint(s) with PLANDESK_AUDIT_KEY; the audit trail is intact: {count} entries, {chains} chain(s) walked.',
  'cli.audit.sign.stopped': 'Nothing after it was signed: the checkpoint of a broken chain is never signed.',
  // plandesk export applications / audit (issue 11): messages, cells and column headers.
  'cli.export.bad_out': '--out must name a .csv or .xlsx file, not "{path}".',
  'cli.export.audit_csv_only':
    'the audit trail exports to .csv only (an entry\'s before and after may exceed what an Excel cell holds), not "{path}".',
  'cli.export.range_reversed': '--to {date} is before --from {firstDay}: there is no period to export.',
  'cli.export.unknown_unit': 'there is no unit {unit} (there are: {options}).',
  'cli.export.unknown_state': 'there is no state {value} (there are: {options}).',
  'cli.export.progress': 'exported {count} rows…',
  'cli.export.sheet.applications': 'Plans',
  'cli.export.comment': ' "{comment}"',
  'cli.export.step': '{stepName}: {who}, {status}{when}{comment}',
  'cli.export.decision': '{when} {who}: {what} (revision {revision}){comment}',
  'cli.export.evaluation':
    'period {period} ({when}, {who}): revenue ¥{actual}, expected ¥{expected}, {subscribers} subscribers',
  'cli.export.evaluation.flagged':
    'period {period} ({when}, {who}): revenue ¥{actual}, expected ¥{expected}, {subscribers} subscribers, below expectations',
  'cli.export.finding.pass': '{month} spot check passed ({who}, {when})',
  'cli.export.finding.issue': '{month} spot check found an issue ({who}, {when}): {note}',
  'cli.export.column.number': 'Plan number',
  'cli.export.column.unit': 'Unit',
  'cli.export.column.applicant': 'Applicant',
  'cli.export.column.customer': 'Customer',
  'cli.export.column.group_id': 'Group ID',
  'cli.export.column.activity': 'Activity',
  'cli.export.column.products': 'Products (quantity @ unit price, yuan)',
  'cli.export.column.start_month': 'Start month',
  'cli.export.column.term_months': 'Term (months)',
  'cli.export.column.revenue': 'Revenue (yuan)',
  'cli.export.column.standard': 'Standard value (yuan)',
  'cli.export.column.cost': 'Cost (yuan)',
  'cli.export.column.margin': 'Margin (%)',
  'cli.export.column.discount': 'Discount depth (%)',
  'cli.export.column.subsidy': 'Subsidy (yuan)',
  'cli.export.column.commission': 'Commission (yuan)',
  'cli.export.column.tier': 'Tier',
  'cli.export.column.route': 'Route',
  'cli.export.column.decisions': 'Decisions',
  'cli.export.column.state': 'State',
  'cli.export.column.submitted_at': 'Submitted',
  'cli.export.column.activated_at': 'Active since',
  'cli.export.column.evaluations': 'Evaluations',
  'cli.export.column.findings': 'Spot-check findings',
  'cli.export.audit.chain': 'Chain',
  'cli.export.audit.position': 'Position',
  'cli.export.audit.at': 'Time (UTC)',
  'cli.export.audit.actor': 'Actor ID',
  'cli.export.audit.actor_name': 'Actor',
  'cli.export.audit.action': 'Action',
  'cli.export.audit.subject': 'Subject',
  'cli.export.audit.before': 'Before (JSON)',
  'cli.export.audit.after': 'After (JSON)',
  'cli.export.audit.prev_hash': 'Previous hash',
  'cli.export.audit.hash': 'Hash',
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
  'detail.agent.yes': 'Yes (decided by cooperation management first)',
  'detail.agent.named': '{agent} (agent channel, decided by cooperation management first)',
  'detail.agent.no': 'No',
  'detail.none': 'none',
  'detail.separator': ', ',
  'detail.preConsultation': '{ref} (consulted in advance: {kinds} allowed beyond the campaign, Art. 10(2))',
  'detail.expected': 'revenue {revenue} · {subscribers} subscribers',
  'detail.judgedOn':
    'catalog v{catalogVersion} (imported {catalogDate}) · policy v{policyVersion} (in force from {policyFrom})',
  'econ.revenue': 'Revenue (whole term)',
  'econ.standard': 'At standard tariff',
  'econ.cost': 'Cost (incl. subsidy, commission)',
  'econ.margin': 'Margin',
  'econ.discount': 'Discount depth',
  'econ.subsidy': 'Subsidy (amount · share of revenue)',
  'econ.commission': 'Commission (rate · amount)',
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
  'change.field.agentName': 'agent',
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
  'assignment.stand_in': 'the approvers covering the unit are away: their stand-in decides',
  'assignment.no_coverer': 'nobody covers the unit: fewest open steps ({open}) of the {pool} with the role',
  'notice.stood_in': '{who} is away: you stand in for the {stepName} of application {id}; its card is in this chat.',
  'history.stood_in': 'Stand-in during leave',
  'bot.away.title': 'Leave',
  'bot.away.intro':
    'While you are away, new approval steps go straight to your stand-in; at 00:00 on the first day, the steps you hold move to them too. You can also say: away 2026-12-01 2026-12-05 liu.qiang',
  'bot.away.current': 'Recorded: {firstDay} to {lastDay}, {standIn} standing in',
  'bot.away.notApprover':
    'Leave only matters for approval steps, and the directory gives you no approver role, so there is nothing to record.',
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
  'bot.people.none': 'Nobody in the directory matches "{query}".',
  'bot.people.person': '**{name}** ({email})',
  'bot.people.roles': 'Roles: {roles}',
  'bot.people.unit': 'Unit: {unit}',
  'bot.people.delegate': 'Delegate: {name}',
  'bot.people.head': 'Head: {name}',
  'bot.people.covers': 'Covers: {units}',
  'bot.people.coversAll': 'Covers: every unit',
  'bot.people.away': 'Away: {firstDay} to {lastDay}, {standIn} standing in',
  'bot.people.open': '{count} open steps: {steps}',
  'bot.people.noOpen': 'No open steps',
  'bot.people.title': 'People',
  'bot.people.titleFor': 'People: "{query}"',
  'bot.people.count':
    'Found: {count}. Choose Change to set roles, unit, delegate and units covered; Add a person to enter a new colleague. Each save makes a new directory version.',
  'bot.people.more': '{count} more not listed: add a name, e-mail or unit after "people" to narrow it down.',
  'bot.people.addTitle': 'Add a person',
  'bot.people.editTitle': 'Change: {name}',
  'bot.people.account': 'Teams account: {value}',
  'bot.people.version': 'Based on directory version {version}; saving makes a new version.',
  'bot.people.openSteps': '{name} holds {count} open approval steps: {steps}.',
  'bot.people.removeWarning':
    'Once removed, {name} has no role in PlanDesk; their open steps go to the person chosen in "Hand their open steps to" above, with the same deadlines. This makes a new directory version; earlier ones are kept.',
  'bot.people.saved': 'Saved as directory version {version}.',
  'bot.people.unchanged': 'Nothing changed, so no new directory version was made.',
  'bot.people.removed': '{name} was removed; the directory is now version {version}.',
  'bot.people.handedOver': '{steps} went to {who}, with the same deadlines.',
  'bot.people.cancelled': 'Cancelled; the directory was not changed.',
  'bot.people.fix': 'Fix this and save again: {problems}',
  'bot.people.problem': '"{field}" {problem}',
  'bot.people.problem.required': 'is empty',
  'bot.people.problem.too_long': 'is too long (at most {max} characters)',
  'bot.people.problem.bad_email': 'is not a valid e-mail address',
  'bot.people.problem.bad_id': 'should be an object id like 00000000-0000-0000-0000-000000000000',
  'bot.people.problem.no_roles': 'needs at least one role',
  'bot.people.giveRoles': 'Set roles for {name}',
  'help.cmd.report': 'report 2026-11: a month’s report on the plans, with charts (ops, leadership and auditors)',
  'help.cmd.export':
    'export in_review 浦东 2026-11: the matching plans as an Excel file sent to you, with the same words as list (ops, leadership and auditors)',
  'refusal.not_report_reader': 'The monthly report is for ops, group-customer leadership and auditors only.',
  'bot.report.usage': 'Name the month, for example: report 2026-11',
  'report.title': 'Personalized plans: report for {month}',
  'report.asOf': 'Figures as of {when}; times in working hours (9:00–18:00 on working days).',
  'report.submitted': '{count} applications filed this month.',
  'report.outcomes': 'Where this month’s applications stand',
  'report.outcome.approved': 'Approved',
  'report.outcome.in_review': 'In review',
  'report.outcome.returned': 'Returned for revision',
  'report.outcome.rejected': 'Rejected',
  'report.outcome.withdrawn': 'Withdrawn',
  'report.count': '{count}',
  'report.cycle': 'Time per step (working hours): median, 90th percentile and deadline',
  'report.cycle.median': 'Median',
  'report.cycle.p90': '90th percentile',
  'report.cycle.deadline': 'Deadline',
  'report.cycle.fact': 'median {median} h · 90th percentile {p90} h · deadline {deadline} h ({count} done this month)',
  'report.step.fulfillment': 'Support center fulfillment',
  'report.overdueSteps': 'Overdue rate per step (%)',
  'report.overdueApprovers': 'Overdue rate per approver (%)',
  'report.overdue.fact': '{overdue} of {count} overdue ({pct}%)',
  'report.decisionsUnit': 'Decisions by unit (%)',
  'report.decisionsTier': 'Decisions by tier (%)',
  'report.decision.approve': 'Approved',
  'report.decision.return': 'Returned',
  'report.decision.reject': 'Rejected',
  'report.decision.fact':
    'approved {approve} ({approvePct}%) · returned {return} ({returnPct}%) · rejected {reject} ({rejectPct}%)',
  'report.economics': 'Discount depth and margin by unit (filed this month, %)',
  'report.economics.discount': 'Median discount depth',
  'report.economics.margin': 'Median margin',
  'report.economics.fact':
    '{count} plans · discount depth {discountMin}%–{discountMax}% (median {discountMedian}%) · margin {marginMin}%–{marginMax}% (median {marginMedian}%)',
  'report.active': 'Plans in effect this month by evaluation ({count} in all)',
  'report.active.onPace': 'On pace',
  'report.active.flagged': 'Flagged for improvement',
  'report.active.notEvaluated': 'Not evaluated yet',
  'report.spotcheck': 'This month’s spot check ({count} plans drawn)',
  'report.spotcheck.passed': 'Passed',
  'report.spotcheck.issues': 'Issues found',
  'report.spotcheck.unchecked': 'Not checked yet',
  'report.spotcheck.none': 'No spot check drawn this month yet.',
  'report.spotcheck.issueIds': 'Plans with issues: {ids}',
  'report.none': 'Nothing to show for this month.',
  'notice.unknown_members':
    '{count} members of a team are not in the PlanDesk directory: {names}. Until they are added with roles they see no plan details; use the buttons below to give them roles, or send "people" and choose Add a person; each save makes a new directory version.',
  'ahead.agent':
    'This plan involves an agent channel, so under Article 11 it comes to ops as well. Now: {current} ({who}); then your {step}. Read it ahead; the decision buttons appear on this card when your turn comes.',
  'ahead.later':
    'Now: {current} ({who}); then your {step}. The decision buttons appear on this card when your turn comes.',
  'search.title': 'Plans',
  'search.titleFiltered': 'Plans: {filter}',
  'search.scope.all': 'Newest first; you may see every plan.',
  'search.scope.involved':
    'Newest first; only the plans you may see: yours, those you decide or decided, or those you handle.',
  'search.empty': 'No plan matches. Try other words, or send just "list" to see them all.',
  'search.hint':
    'Tap Filter… to narrow it, or add words, e.g. list in_review 浦东 overdue 2026-11 customer:精密; 10 a page, More for the next.',
  'search.end': 'That is all of them.',
  'search.waitingAt': 'waiting at {stepName}',
  'search.overdue': 'overdue',
  'search.flagged': 'flagged at evaluation',
  'search.submitted': 'submitted {firstDay} to {lastDay}',
  'search.submitted.from': 'submitted from {firstDay}',
  'search.submitted.to': 'submitted up to {lastDay}',
  'search.active': 'in effect between {firstDay} and {lastDay}',
  'search.active.from': 'in effect from {firstDay}',
  'search.active.to': 'in effect up to {lastDay}',
  'search.unknown.unit': 'unit "{word}" (no such unit in the directory)',
  'search.unknown.applicant': 'applicant "{word}" (nobody of that name in the directory)',
  'search.unknown.tier': 'tier "{word}" (no such tier)',
  'search.badDate': '"{field}" is not a date; please pick one with the date picker.',
  'search.backwards': '"{field}" ends on {lastDay}, before it starts on {firstDay}; please correct it.',
  'search.unit': '{unitName}',
  'search.applicant': 'applicant {name}',
  'search.product': 'product {product}',
  'search.activity': 'activity {activity}',
  'search.customer': 'customer contains "{word}"',
  'export.fileName': 'PlanDesk-export-{date}.xlsx',
  'export.all': 'all plans',
  'export.offer':
    '{filter}: {count} plan(s), one row each with its figures, route and decisions, evaluations and spot checks. Accept it and the file is saved to your OneDrive and sent to this chat.',
  'export.empty':
    'No plan matches ({filter}), so no file was made. Try other words, or send just "export" for every plan you may see.',
  'export.sent': 'Exported {count} plan(s) ({filter}); here is the file.',
  'export.card.sent': 'Sent {name} ({count} plan(s)).',
  'export.card.declined': 'Not accepted, so no file was sent. Send "export" again when you need it.',
  'export.card.failed': 'No file was sent: saving it to your OneDrive failed.',
  'export.uploadFailed':
    'The file could not be saved to your OneDrive ({detail}), so nothing was sent. Send "export" again later; if it keeps failing, tell your admin.',
  'export.card.unreadable': 'PlanDesk cannot read this card, so no file was sent. Send "export" again.',
  // The customer's track record on the approver's card (issue 12).
  'track.toggle': 'Customer track record ({count})',
  'track.none': 'This group customer ({group}) has no other plans.',
  'track.summary':
    'This group customer ({group}) has {count} other plans: {active} in effect, {flagged} flagged at evaluation.',
  'track.row': 'Discount {discount} · from {start} for {termMonths} months · {evaluation} · {findings}',
  'track.evaluation.on_pace': 'on pace at evaluation',
  'track.evaluation.flagged': 'flagged at evaluation',
  'track.evaluation.none': 'not evaluated yet',
  'track.findings.none': 'not spot-checked',
  'track.findings': 'spot-checked {count} times, {n} with an issue',
  'track.more': '{count} more plans are not listed; send "list customer:{group}" to see them all.',
  'track.activity':
    'The latest {count} plans in effect on activity {activity}: {flagged} flagged at evaluation ({flaggedShare}), {n} with a spot-check issue ({issueShare}).',
  'track.activity.none': 'No plan on activity {activity} has taken effect yet to compare with.',
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
  // Questions to the applicant (Ask / Answer, issue 12).
  'notice.asked':
    '{who} has a question about application {id} ({stepName}): "{question}" Tap "Answer" on the card to reply. The plan has not been returned; {who} still decides it.',
  'notice.answered':
    '{who} answered your question about application {id} ({stepName}): "{answer}" The card is updated; the decision is still yours.',
  'notice.answered_moved':
    '{who} answered your question about application {id} ({stepName}): "{answer}" The deadline was paused while it was open and is now {due}. The card is updated; the decision is still yours.',
  'reminder.step_asking':
    'Reminder: application {id} waits for your {stepName}; please decide by {due}. Your question to the applicant is still unanswered; the deadline does not pause for it.',
  'bot.asked':
    'Your question went to the applicant; you will be told when they answer. The plan has not been returned and the step stays with you.',
  'bot.answered': 'Your answer went to the approver. The plan has not been returned; it is still in review.',
  'question.title.open': 'Question from {who} · awaiting the applicant',
  'question.title.answered': 'Questions and answers ({step})',
  'question.asked': 'Q · {who} · {when}',
  'question.answered': 'A · {who} · {when}',
  'question.prompt': '{who} asks: "{question}"',
  'question.hint.applicant': 'Tap "Answer" below to reply. The plan has not been returned; {who} still decides it.',
  'question.hint.approver':
    'Sent to the applicant, {applicant}; you will be told when they answer. You may also decide without waiting; the question then closes.',
  'question.deadline.runs': 'The deadline does not pause for the question: decide by {due}.',
  'question.deadline.paused':
    'The deadline is paused while the question is open; once answered it moves out by the working time the question took.',
  'waiting.step.asking': '{step} · {who} · by {due} · question awaiting an answer',
  'waiting.step.paused': '{step} · {who} · question awaiting an answer, deadline paused',
  'history.asked': 'Asked the applicant',
  'history.answered': 'Answered the question',
  'history.questionClosed': ' (the open question closed unanswered)',
  'bot.mine.title': 'My applications',
  'bot.mine.empty': 'You have no applications yet. Say "new" to start one.',
  'bot.pending.title': 'Waiting on me',
  'bot.pending.empty': 'Nothing is waiting on you.',
  'list.shown.pending':
    '{total} in all; the {shown} oldest are listed. Say "pending" again once you have handled them, or use "list" to find the others.',
  'list.shown.mine': '{total} in all; the {shown} newest are listed. Use "list" to find earlier ones.',
  'list.shown.queue': "The team's queue holds {total}; the {shown} oldest are listed.",
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
  'form.agent_required': 'with an agent channel, say which agent (name or code)',
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
    'Personalized plans, {month}: {submitted} filed ({approved} approved, {inReview} in review, {returned} returned for revision, {rejected} rejected, {withdrawn} withdrawn); steps handled or awaited: {counted}, overdue: {overdue}; plans in effect: {active}, {flaggedPart}; spot check: {sampled} drawn, {issues} with issues. The full report with charts went to ops in their own chats.',
  'summary.flagged': '{flagged} of them below expectations at evaluation',
  'summary.report':
    'Here is the personalized-plan report for {month}, sent on the first working day of each month. Say "report {month}" to see it again, or "report YYYY-MM" for another month.',
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
    'Below expectations: personalized plan {id} ({unitName}) fell short on {shortOn} in period {period} ({span}) and needs improving.',
  'bot.evaluated': 'Recorded the evaluation of {id} for period {period}.',
  'bot.evaluatedFlagged':
    'Recorded the evaluation of {id} for period {period}: below expectations on {shortOn}; Operations Management has been told.',
  'bot.evaluatedNext':
    'Recorded the evaluation of {id} for period {period}. Next, please report period {nextPeriod}: {span}.',
  'bot.evaluatedFlaggedNext':
    'Recorded the evaluation of {id} for period {period}: below expectations on {shortOn}; Operations Management has been told. Next, please report period {nextPeriod}: {span}.',
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
