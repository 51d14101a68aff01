/**
 * What the cards show, already in the viewer's words: the bot maps records to these, the views in
 * this folder turn them into Adaptive Cards. Every string here is user-visible data (never template).
 */
import type { CaseAction } from '../../domain/workflow';
import type { Lang } from '../../i18n';
import type { ReportSection } from '../../i18n/describe-report';

export interface Choice {
  value: string;
  title: string;
}

/** The application form's fields as the card's inputs hold them (all text, as Adaptive Cards submit them). */
export interface FormValues {
  unit: string;
  activity: string;
  customerName: string;
  customerGroupId: string;
  startMonth: string;
  termMonths: string;
  /** Up to MAX_FORM_LINES tariff lines; empty ones are ignored. */
  lines: { product: string; quantity: string; proposedPriceYuan: string }[];
  subsidyYuan: string;
  commissionPct: string;
  agentChannel: boolean;
  agentName: string;
  preConsultationRef: string;
  expectedRevenueYuan: string;
  expectedSubscribers: string;
  justification: string;
}

export const MAX_FORM_LINES = 3;

/** The result of a preview, shown above the still-filled form. */
export interface OutcomeView {
  outcome: 'blocked' | 'not_needed' | 'routed';
  /** e.g. "需要审批 · tier2(经营管理部负责人)" */
  headline: string;
  reasons: string[];
  /** What would pass, one figure at a time: "第 1 行“CLOUD-PBX”单价不低于 ¥35.00 即可落入一级授权。" */
  hints: string[];
  /** label/value rows: revenue, standard value, cost, margin, discount depth, subsidy, commission. */
  economics: { label: string; value: string }[];
  /** The route with named approvers, e.g. [{ step: "经营管理部审批", who: "刘强" }]. */
  route: { step: string; who: string; why: string }[];
}

export interface FormView {
  lang: Lang;
  mode: 'new' | 'resubmit';
  /** Names this filling of the form, so a second tap on Submit files nothing twice. */
  draftId?: string;
  /** Set when resubmitting a returned application. */
  applicationId?: string;
  revision?: number;
  values: FormValues;
  /** Messages per field name of FormValues (lines as "lines[0].quantity"), shown next to the field. */
  errors: Record<string, string[]>;
  /** Errors not tied to one field. */
  generalErrors: string[];
  outcome?: OutcomeView;
  warnings: string[];
  choices: { units: Choice[]; activities: Choice[]; products: Choice[]; months: Choice[] };
}

/** One application as a person on it sees it: everything to decide on one screen. */
export interface ApplicationView {
  lang: Lang;
  id: string;
  revision: number;
  /** "第 2 版", shown beside the number. */
  revisionLabel: string;
  stateLabel: string;
  /**
   * A returned or rejected plan's decision, on the first screen: who, at which step, their note, what
   * to do next; for a plan ops ended early, who ended it, its last day and why.
   */
  decision?: { title: string; comment: string; hint: string };
  /**
   * The questions asked of the applicant on the step awaited now, on the first screen: each question
   * and answer with who and when; for an open one, what to do about it and what it does to the deadline.
   */
  questions?: { title: string; entries: { label: string; text: string }[]; hint: string; deadline: string };
  /** The open question's index among the application's, sent back with 回答; and the question, quoted above the answer field. */
  openQuestion?: { index: number; prompt: string };
  /** A revised plan's changes since the revision the viewer last saw, each "单价 ¥90.00 → ¥96.00". */
  changes?: { title: string; items: string[] };
  /** A one-line banner: what just happened or why an action was refused. */
  banner?: { text: string; tone: 'good' | 'attention' | 'warning' | 'default' };
  unitName: string;
  applicantName: string;
  customer: string;
  /** `was`: the line's former values where a revision changed them ("原 ¥90.00"), else empty. */
  lines: {
    product: string;
    quantity: string;
    proposed: string;
    standard: string;
    market: string;
    cost: string;
    was: string;
  }[];
  /** The customer's other plans that overlap this one (a product and months in common), on the first screen. */
  overlaps?: string[];
  /**
   * The customer's track record, for approvers and auditors: a line on the first screen, the other plans
   * (each opens below with `show`) and how plans on the same activity fared, folded under `toggle`.
   */
  trackRecord?: {
    toggle: string;
    summary: string;
    rows: {
      title: string;
      text: string;
      attention: boolean;
      show: { applicationId: string; from: string };
    }[];
    more: string;
    activity: string;
  };
  /** What decides the tier, on the first screen: discount depth, margin, subsidy, commission. */
  keyFigures: { label: string; value: string }[];
  /** The rest of the plan, folded under 方案详情: activity, term, agent, pre-consultation, expected results, revenue and cost, versions. */
  details: { label: string; value: string }[];
  tierLabel: string;
  tierReasons: string[];
  /** Each step with the rule that put it on the route (`why`). */
  route: { step: string; why: string; assigned: string; who: string; status: string; when: string; comment: string }[];
  /** The step waiting now and its deadline, e.g. "经营管理部审批 · 刘强 · 12月3日 18:00 前". */
  waitingOn: string;
  justification: string;
  history: { when: string; who: string; what: string; comment: string }[];
  /** Actions this viewer may take now; empty for anyone else, who sees the status only. */
  actions: CaseAction[];
  /** Sent back with every action, so a card from an older revision or step is recognised as stale. */
  actionData: { applicationId: string; revision: number; stepIndex: number };
  /** Teams user ids (MRI) whose copy refreshes to their own view (Universal Actions). */
  refreshUserIds: string[];
  /** The evaluation period the applicant is asked to report on (with the `evaluate` action). */
  evaluationPeriod?: number;
  /** Which period that is and the months it covers, e.g. "填报第 2 期评估:2027年4月–6月,第二季度". */
  evaluationAsk?: string;
  /** Fulfillment task facts when there is one (deadline, done by, note). */
  fulfillment?: { label: string; value: string }[];
  /**
   * The 结束方案 form (with the `end` action): the last day and reason typed, kept after a refusal (null:
   * empty), and the days the date may take (today to the last day of the term), as input values, never Markdown.
   */
  endInput?: { lastDay: string | null; reason: string | null; min: string; max: string };
}

/** What a channel may see (SPEC §7): number, unit, status, deadline — never prices, ratios or terms. */
export interface ChannelNoticeView {
  lang: Lang;
  id: string;
  unitName: string;
  stateLabel: string;
  headline: string;
  deadline: string;
}

export interface ApplicationListView {
  lang: Lang;
  /** Which list it is, sent back with each row's button so the list can be shown again as it stands. */
  list: 'mine' | 'pending' | 'search';
  title: string;
  /** Subtle lines under the title: whose plans, how to narrow, whether there is more. */
  intro?: string[];
  empty: string;
  /** A search's words and where its page started, sent back with each row's 查看 and 更多 to show the page again. */
  search?: { words: string; at: string | null; next: string | null };
  /** A line under the title: what the last tap on the list did ("PP-… 已在下方打开"). */
  notice?: { text: string; tone: 'good' | 'attention' };
  items: { id: string; customer: string; stateLabel: string; waitingOn: string; updated: string }[];
  /**
   * The team's queue (待办 only): colleagues' steps this person may take over, and for the ops head
   * every awaited step with the people it may go to. Number, unit, step and deadline only.
   */
  queue: {
    id: string;
    unitName: string;
    waitingOn: string;
    /** Sent back with 认领 / 转交: the step as the row showed it. */
    step: { applicationId: string; revision: number; stepIndex: number; assignee: string };
    canTakeOver: boolean;
    /** The ops head's choices for 转交 (people with the step's role other than its approver); empty for anyone else. */
    handTo: Choice[];
  }[];
}

/** The monthly report in the reader's words: heading, as-of line, and each part with its chart and facts. */
export interface ReportView {
  lang: Lang;
  title: string;
  intro: string[];
  sections: ReportSection[];
  /** The value axis's title, by what the values are. */
  axisTitles: { hours: string; percent: string };
}
