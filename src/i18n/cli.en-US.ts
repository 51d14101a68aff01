import type { StringKey } from './zh-CN';
import type { cliZhCN } from './cli.zh-CN';

/** English of the command line (see cli.zh-CN.ts). */
export const cliEnUS: Record<keyof typeof cliZhCN & StringKey, string> = {
  'cli.usage.head': 'Usage: plandesk <command> [options] [--lang en]',
  'cli.usage.label': 'Usage: ',
  'cli.usage.foot': `PLANDESK_DB names the database file (default ./data/plandesk.db).
plandesk <command> --help (or -h) shows that command's usage.`,
  'cli.usage.lang': '    --lang en  answer in English (Chinese otherwise)',
  'cli.usage.preview': `preview --application app.json [--catalog catalog.csv] [--policy policy.yaml] [--at YYYY-MM-DD]
    what would happen to an application: blocked / not needed / routed (tier, steps, reasons, what would pass), as JSON`,
  'cli.usage.simulate': `simulate --policy draft.yaml
    replay every stored application against a draft policy; list those whose tier would change`,
  'cli.usage.catalog_import': `catalog import catalog.csv [--by name]
    load a new catalog version (earlier versions stay)`,
  'cli.usage.policy_import': `policy import policy.yaml --effective YYYY-MM-DD [--by name]
    load a new policy version in force from that date (earlier versions stay)`,
  'cli.usage.directory_import': `directory import directory.yaml [--by name] [--reassign from=to ...]
    load a new directory version (earlier versions stay) and list what changed; refused (exit 2, nothing
    written) if someone removed or losing a role holds open steps, unless --reassign (AAD object id or email) says who takes them`,
  'cli.usage.tick': `tick [--now 2027-03-01T09:00+08:00]
    run the jobs due then (reminders, deadlines, expiry) and deliver what they decide`,
  'cli.usage.migrate': `migrate --from sqlite:./data/plandesk.db --to cosmos [--verify]
    copy a pilot's store to Cosmos DB (COSMOS_ENDPOINT, COSMOS_KEY, COSMOS_DATABASE), counts per kind as JSON;
    safe to run again (what is there is skipped). --verify copies nothing: it compares the two stores item by item (exit 1 on a difference)`,
  'cli.usage.audit_verify': `audit verify
    walk the audit trail's hash chain: the count when intact; exit 1 naming the first entry changed, removed or added,
    or a checkpoint PLANDESK_AUDIT_KEY did not sign (rewritten or rolled back); "unsigned" when no key is set`,
  'cli.usage.audit_sign': `audit sign
    sign with PLANDESK_AUDIT_KEY the checkpoints of intact chains written before it was set, or signed with
    PLANDESK_AUDIT_PREVIOUS_KEY (a rotation); exit 1 at the first broken chain, whose checkpoint stays unsigned`,
  'cli.usage.export_applications': `export applications [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--unit <unit> ...] [--state <state> ...] --out plans.csv|plans.xlsx
    the applications submitted in those days (Shanghai, both included), of those units and states, one row each
    (economics, tier, route and decisions, evaluations, spot-check findings), read a page at a time; CSV is UTF-8
    with a BOM, text starting with = + - @ prefixed with ' so no spreadsheet runs it`,
  'cli.usage.export_audit': `export audit [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out audit.csv
    the audit trail in the order it was written, one row per entry with the hash before it and its own`,
  'cli.usage.report': `report 2026-11 [--json]
    a month's report on the plans (the same figures as "report" in Teams); --json prints JSON`,
  'cli.usage.progress_note': 'Run in a terminal, long work shows its progress on stderr (count, rate, time left).',
  'error.unknown_option': 'Unknown option {option}.',
  'error.option_needs_value': 'The option {option} needs a value.',
  'error.option_takes_no_value': 'The option {option} takes no value.',
  'error.unexpected_argument': 'Unexpected argument {argument}.',
  'error.schema_too_new':
    'The database {path} was written by a newer PlanDesk (schema version {found}); this one knows schema versions up to {known}: nothing was changed. Upgrade PlanDesk to open it.',
  'cli.progress.counted': '{what}: {count} items, {rate}/s',
  'cli.progress.estimated': '{what}: {count} / {total} items, {rate}/s, about {left} left',
  'cli.progress.seconds': '{n} s',
  'cli.progress.minutes': '{n} min',
  'cli.progress.what.migrate': 'migrating',
  'cli.progress.what.export': 'exporting',
  'cli.progress.what.simulate': 'replaying',
  'cli.progress.what.import': 'importing',
};
