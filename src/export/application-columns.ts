import type { ApplicationExportRow } from '../app/export/application-row';
import { formatYuan } from '../domain/money';
import { t, type Lang } from '../i18n';
import { tierName } from '../i18n/describe-reason';
import { describeHistoryAction } from '../i18n/describe-history';
import { shanghaiDateTime, who, type Column } from './columns';

type Row = ApplicationExportRow;

// Chinese lists run on with a full-width semicolon; English ones are spaced.
const list = (items: string[], lang: Lang) => items.join(lang === 'en-US' ? '; ' : ';');
const quoted = (comment: string | null, lang: Lang) => (comment ? t(lang, 'cli.export.comment', { comment }) : '');

const route = (row: Row, lang: Lang) =>
  list(
    row.route.map((s) =>
      t(lang, 'cli.export.step', {
        stepName: t(lang, `step.${s.step}`),
        who: who(s.decidedBy ?? s.assignee),
        status: t(lang, `stepStatus.${s.status}`),
        when: s.decidedAt ? ` ${shanghaiDateTime(s.decidedAt)}` : '',
        comment: quoted(s.comment, lang),
      }),
    ),
    lang,
  );

const decisions = (row: Row, lang: Lang) =>
  list(
    row.decisions.map((d) =>
      t(lang, 'cli.export.decision', {
        when: shanghaiDateTime(d.at),
        who: who(d.actor),
        what: describeHistoryAction(d.action, lang),
        revision: d.revision,
        comment: quoted(d.comment, lang),
      }),
    ),
    lang,
  );

const evaluations = (row: Row, lang: Lang) =>
  list(
    row.evaluations.map((e) =>
      t(lang, e.flagged ? 'cli.export.evaluation.flagged' : 'cli.export.evaluation', {
        period: e.period,
        when: shanghaiDateTime(e.reportedAt),
        who: who(e.reportedBy),
        actual: formatYuan(e.actualRevenueFen),
        expected: formatYuan(e.expectedRevenueToDateFen),
        subscribers: e.actualSubscribers,
      }),
    ),
    lang,
  );

const findings = (row: Row, lang: Lang) =>
  list(
    row.findings.map((f) =>
      t(lang, `cli.export.finding.${f.result}`, {
        month: f.month,
        who: who(f.by),
        when: shanghaiDateTime(f.at),
        note: f.note ?? '',
      }),
    ),
    lang,
  );

const products = (row: Row) =>
  row.products
    .map(
      (p) =>
        `${p.code}${p.name ? ` ${p.name}` : ''} ×${p.quantity} @${formatYuan(p.unitPriceFen, { grouping: false })}`,
    )
    .join('; ');

/** The columns of `plandesk export applications`, in their order. */
export const APPLICATION_COLUMNS: readonly Column<Row>[] = [
  { key: 'number', header: 'cli.export.column.number', kind: 'text', value: (r) => r.id },
  { key: 'unit', header: 'cli.export.column.unit', kind: 'text', value: (r) => r.unit.name ?? r.unit.id },
  { key: 'applicant', header: 'cli.export.column.applicant', kind: 'text', value: (r) => who(r.applicant) },
  { key: 'customer', header: 'cli.export.column.customer', kind: 'text', value: (r) => r.customer.name },
  { key: 'group_id', header: 'cli.export.column.group_id', kind: 'text', value: (r) => r.customer.groupId },
  { key: 'activity', header: 'cli.export.column.activity', kind: 'text', value: (r) => r.activity },
  { key: 'products', header: 'cli.export.column.products', kind: 'text', value: products },
  { key: 'start_month', header: 'cli.export.column.start_month', kind: 'text', value: (r) => r.startMonth },
  { key: 'term_months', header: 'cli.export.column.term_months', kind: 'integer', value: (r) => r.termMonths },
  {
    key: 'revenue',
    header: 'cli.export.column.revenue',
    kind: 'money',
    value: (r) => r.economics?.revenueFen ?? null,
  },
  {
    key: 'standard',
    header: 'cli.export.column.standard',
    kind: 'money',
    value: (r) => r.economics?.standardFen ?? null,
  },
  { key: 'cost', header: 'cli.export.column.cost', kind: 'money', value: (r) => r.economics?.costFen ?? null },
  { key: 'margin', header: 'cli.export.column.margin', kind: 'percent', value: (r) => r.economics?.marginBp ?? null },
  {
    key: 'discount',
    header: 'cli.export.column.discount',
    kind: 'percent',
    value: (r) => r.economics?.discountDepthBp ?? null,
  },
  {
    key: 'subsidy',
    header: 'cli.export.column.subsidy',
    kind: 'money',
    value: (r) => r.economics?.subsidyFen ?? null,
  },
  {
    key: 'commission',
    header: 'cli.export.column.commission',
    kind: 'money',
    value: (r) => r.economics?.commissionFen ?? null,
  },
  {
    key: 'tier',
    header: 'cli.export.column.tier',
    kind: 'text',
    value: (r, lang) => (r.tier ? tierName(r.tier, lang, r.tierNames) : null),
  },
  { key: 'route', header: 'cli.export.column.route', kind: 'text', value: route },
  { key: 'decisions', header: 'cli.export.column.decisions', kind: 'text', value: decisions },
  { key: 'state', header: 'cli.export.column.state', kind: 'text', value: (r, lang) => t(lang, `state.${r.state}`) },
  {
    key: 'submitted_at',
    header: 'cli.export.column.submitted_at',
    kind: 'text',
    value: (r) => shanghaiDateTime(r.submittedAt),
  },
  {
    key: 'activated_at',
    header: 'cli.export.column.activated_at',
    kind: 'text',
    value: (r) => (r.activatedAt ? shanghaiDateTime(r.activatedAt) : null),
  },
  { key: 'evaluations', header: 'cli.export.column.evaluations', kind: 'text', value: evaluations },
  { key: 'findings', header: 'cli.export.column.findings', kind: 'text', value: findings },
];
