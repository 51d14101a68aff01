import type { StringKey } from './zh-CN';

/** English, for users whose Teams locale is English. */
export const enUS: Record<StringKey, string> = {
  'help.title': 'PlanDesk personalized plan assistant',
  'help.intro': 'Apply for, approve and follow group-business personalized plans. Marketing units have no approval authority; approval sits with the Group Customer Department.',
  'help.commands': 'You can say',
  'help.cmd.new': 'new — fill in a personalized plan application',
  'help.cmd.mine': 'mine — your applications and where they stand',
  'help.cmd.pending': 'pending — what waits on your approval or handling',
  'help.cmd.show': 'show PP-2027-000123 — one application with its history',
  'help.cmd.help': 'help — show this again',
  'help.footer': 'Plans are confidential: only the applicant, approvers, handlers, auditors and admins see their figures.',

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
  'reason.unknown_activity': 'Marketing activity "{activity}" is not in the current catalog. A new activity starts with a pre-consultation with the Product Innovation & Industry Application Center.',
  'reason.unknown_product': 'Line {line}: product "{product}" is not in the current catalog.',
  'reason.product_not_in_activity': 'Line {line}: product "{product}" is not part of activity "{activity}".',
  'reason.not_issued': 'Line {line}: product "{product}" is "{status}", not an officially issued business.',
  'reason.kind_not_allowed': 'Activity "{activity}" does not define a {kindName}. A new tariff or activity needs a pre-consultation with the Product Innovation & Industry Application Center first; give its reference.',
  'reason.term_out_of_range': 'A term of {term} months is outside 1 to {max} months.',
  'reason.start_in_past': 'Start month {start} is before the current month ({current}).',
  'reason.line_below_cost': 'Line {line}: proposed price ¥{proposed} for "{product}" is below its unit cost ¥{cost}.',
  'reason.below_cost': 'Revenue ¥{revenue} is below cost ¥{cost} by ¥{shortfall} (margin {margin}%); a plan may not go below cost.',
  'reason.within_branch_authority': 'This is within the branch authority of activity "{activity}": no personalized plan is needed; use the standard activity.',
  'reason.catalog_stale': 'The catalog (version {version}, imported {importedOn}) is more than a month old; costs and standard tariffs may have changed.',
  'tier.all_within': 'Every figure is within {tier}.',
  'tier.below': '{measureName} {value}% is below {tier}\'s {limit}%: {next}.',
  'tier.above': '{measureName} {value}% is above {tier}\'s {limit}%: {next}.',
  'tier.above_value': '{measureName} ¥{value} is above {tier}\'s ¥{limit}: {next}.',

  'cli.usage': `Usage: plandesk <command> [options] [--lang en]
  preview --application app.json [--catalog catalog.csv] [--policy policy.yaml] [--at YYYY-MM-DD]
      what would happen to an application: blocked / not needed / routed (tier, steps, reasons), as JSON
  simulate --policy draft.yaml
      replay every stored application against a draft policy; list those whose tier would change
  catalog import catalog.csv [--by name]
      load a new catalog version (earlier versions stay)
  policy import policy.yaml --effective YYYY-MM-DD [--by name]
      load a new policy version in force from that date (earlier versions stay)
PLANDESK_DB names the database file (default ./data/plandesk.db).`,
  'error.invalid_field': '"{field}" is not right: {problem}',
  'error.required': 'required',
  'error.not_a_number': 'must be a number',
  'error.not_an_integer': 'must be a whole number',
  'error.too_small': 'must be at least {min}',
  'error.too_large': 'must be at most {max}',
  'error.bad_percent': 'must be a percent from 0 to 100 with at most two decimals',
  'error.bad_month': 'must be a month as YYYY-MM',
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
  'error.catalog_version_missing': 'Catalog version {version} cannot be found.',
  'error.stale_version': 'Application {id} was changed by someone else; refresh and try again.',
  'error.unknown_command': 'Unknown command "{command}".',
  'error.unexpected': 'Something unexpected went wrong ({detail}); nothing was done and nothing was lost.',
  'error.turn_failed': 'Sorry, something went wrong while handling your message. Please try again later; if it keeps happening, give an admin the error reference {ref}.',
  'error.malformed_json': 'is not valid JSON: {detail}',
  'error.file_not_found': 'There is no file {path}.',
  'error.file_unreadable': 'cannot read {path}: {detail}',
  'error.no_catalog': 'No catalog has been imported yet. Run plandesk catalog import first.',
  'error.no_policy': 'No approval policy is in force on {date}. Run plandesk policy import first.',
};
