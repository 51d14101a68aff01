import type { ApplicationInput } from '../domain/application';
import type { Assessment } from '../domain/assess';
import type { CatalogProduct } from '../domain/catalog';
import type { Hint } from '../domain/hints';
import { addMonths, monthOf, shanghaiDate, type Month } from '../domain/local-date';
import type { Reason } from '../domain/reason';
import { fail, ok, type Result } from '../domain/result';
import type { ActError, FormStart } from './approval/applicant-actions';
import {
  fulfillApplication,
  openRenewal,
  openRevision,
  resubmitApplication,
  withdrawApplication,
} from './approval/applicant-actions';
import { cardModel, type CardModel } from './common/card-model';
import { bindChannel, rememberPerson, type ChannelTarget } from './approval/conversations';
import { decideStep, type DecideCommand } from './approval/decide-step';
import { answerQuestion, askQuestion, type AnswerCommand, type AskCommand } from './approval/questions';
import { handOverStep, type HandOverCommand } from './approval/hand-over';
import { absenceForm, cancelAbsence, recordAbsence, type AbsenceForm, type AbsenceRecorded } from './approval/absence';
import { lookUpPeople, type PersonSummary } from './approval/people-lookup';
import { reviewTeamMembers, type TeamMember } from './approval/onboarding';
import type { Absence } from '../domain/absence';
import { myApplications, pendingFor, viewApplication, type ListModel } from './approval/queries';
import {
  searchApplications,
  searchChoices,
  type SearchChoices,
  type SearchFilter,
  type SearchPage,
} from './approval/search';
import { reportEvaluation, type EvaluationCommand } from './approval/report-evaluation';
import { endPlan, type EndPlanCommand } from './approval/end-plan';
import { recordFinding, type Finding } from './approval/spot-check-finding';
import { submit, type Submission } from './approval/submit';
import type { ApprovalDeps } from './common/deps';
import { personOf } from './common/people';
import type { CardCopy, StoredConversation } from './ports/store';
import type { Refusal } from './records/refusal';
import { previewFor, previewModelOf, type PreviewModel } from './reference/preview-model';
import {
  editPerson,
  openPersonForm,
  type PersonEdit,
  type PersonEdited,
  type PersonForm,
} from './reference/edit-person';
import {
  confirmCatalogImport,
  confirmPolicyImport,
  reviewCatalogImport,
  reviewPolicyImport,
  type CatalogReview,
  type ImportRefused,
  type PolicyReview,
  type ReadFile,
} from './reference/reference-imports';
import type { Catalog, CatalogContent } from '../domain/catalog';
import type { Policy, PolicyContent } from '../domain/policy';
import type { LocalDate } from '../domain/local-date';
import { monthlyReport } from './reporting/monthly-report';
import type { MonthlyReport } from './reporting/report-model';
import type { ApplicationExportRow } from './export/application-row';
import type { RowSink } from './export/row-sink';
import { offerExport, sendExport, type ExportFile, type ExportOffered, type ExportSent } from './export/export-plans';

export type { CardModel } from './common/card-model';
export type { PreviewModel } from './reference/preview-model';
export type { ListModel } from './approval/queries';
export { LIST_ROWS, QUEUE_ROWS } from './approval/queries';
export type { ResolvedTerm, SearchChoices, SearchFilter, SearchPage, TermKind } from './approval/search';
export type { ChannelTarget } from './approval/conversations';
export type { HandOverCommand } from './approval/hand-over';
export type { AnswerCommand, AskCommand } from './approval/questions';
export type { AbsenceForm, AbsenceRecorded } from './approval/absence';
export type { PersonSummary } from './approval/people-lookup';
export type { TeamMember } from './approval/onboarding';
export type { PersonEdit, PersonEdited, PersonFields, PersonForm } from './reference/edit-person';
export type { CatalogReview, ImportRefused, PolicyReview, ReadFile } from './reference/reference-imports';
export type { MonthlyReport } from './reporting/report-model';
export type { ExportFile, ExportOffered, ExportSent } from './export/export-plans';
export type { ApplicationExportRow } from './export/application-row';
export type { RowSink } from './export/row-sink';

/** What the application form offers: units, activities, issued products, the months a plan may start. */
export interface FormChoices {
  units: { id: string; name: string }[];
  activities: { code: string }[];
  products: Pick<CatalogProduct, 'code' | 'name' | 'standardPriceFen'>[];
  months: Month[];
}

/** A form to fill: its choices, a fresh draft id naming this filling, and what it starts from. */
export interface FormModel {
  choices: FormChoices;
  draftId: string;
  /** The application it starts from (a returned one to revise, an expired one to renew); null for a blank form. */
  input: ApplicationInput | null;
  /** The person's unit and the month a new plan starts (next month), for a blank form. */
  unit: string;
  startMonth: Month;
  /** Set when the form revises a returned application. */
  resubmit: { applicationId: string; revision: number } | null;
}

/** An act on an application answered with the card its actor now sees; a refusal with the card as it stands, if there is one. */
export type Acted = Result<CardModel, { refusal: Refusal; card: CardModel | null }>;

/** A submission refused by the rules: every reason at once, with the preview that shows them. */
export type Filed = Result<
  CardModel,
  { refusal: Refusal; card: CardModel | null } | { code: 'blocked' | 'not_needed'; preview: PreviewModel }
>;

/**
 * The use cases the bot (and any other front end) talks to: each takes words a person chose and
 * gives back what their answer shows, never a store. One object, built once in the composition root.
 */
export interface UseCases {
  /** The language the directory gives a person (`locale`), or null: what PlanDesk speaks when Teams does not say. */
  personLocale(aadObjectId: string): Promise<string | null>;
  /** Keeps the reference to a person's 1:1 chat, so PlanDesk can write to them later. */
  /** `automatic`: a turn Teams sent without the person acting (a card's refresh as a chat opens). */
  rememberPerson(
    aadObjectId: string,
    conversation: Omit<StoredConversation, 'key' | 'updatedAt'>,
    turn?: { automatic: boolean },
  ): Promise<void>;
  /** Records the card a person acted on as a copy of the application, so later changes update it too. */
  keepCardCopy(copy: CardCopy): Promise<void>;
  /** An admin makes a channel the place for one audience's notices. */
  bindChannel(
    actor: string,
    target: ChannelTarget,
    conversation: Omit<StoredConversation, 'key' | 'updatedAt'>,
  ): Promise<Result<{ target: string; unitName: string | null }, Refusal>>;
  /** An auditor's finding on a sampled plan. */
  recordFinding(finding: Finding): Promise<Result<{ month: string }, Refusal>>;

  /** A new application form for a person: their unit preset, starting next month. */
  newForm(actor: string): Promise<FormModel>;
  /** The form's choices and a draft id, to show a form again as the person left it (`draftId` kept when given). */
  formChoices(draftId: string | null): Promise<{ choices: FormChoices; draftId: string }>;
  /** A returned application as a form to revise (only its applicant, only that revision). */
  openRevision(
    applicationId: string,
    revision: number,
    actor: string,
  ): Promise<Result<FormModel, { refusal: Refusal; card: CardModel | null }>>;
  /** An expired plan as a new application, prefilled, starting next month (only its applicant). */
  openRenewal(
    applicationId: string,
    actor: string,
  ): Promise<Result<FormModel, { refusal: Refusal; card: CardModel | null }>>;
  /** `self`: the application a resubmission's form revises (never its own overlap). */
  /** For account managers and ops only (it shows cost and margin); anyone else is refused, audited. */
  preview(input: ApplicationInput, actor: string, self?: string | null): Promise<Result<PreviewModel, Refusal>>;
  submit(submission: Submission): Promise<Filed>;
  resubmit(applicationId: string, revision: number, input: ApplicationInput, actor: string): Promise<Filed>;

  decide(cmd: DecideCommand): Promise<Acted>;
  /** The step's approver asks the applicant a question (询问); the step stays with them. */
  ask(cmd: AskCommand): Promise<Acted>;
  /** The applicant answers the question open on a step (回答). */
  answer(cmd: AnswerCommand): Promise<Acted>;
  withdraw(applicationId: string, actor: string): Promise<Acted>;
  fulfill(applicationId: string, note: string | null, actor: string): Promise<Acted>;
  reportEvaluation(cmd: EvaluationCommand): Promise<Acted>;
  /** Ops ends a plan in effect before its term (第九条(三)), with a reason and its new last day. */
  endPlan(cmd: EndPlanCommand): Promise<Acted>;

  /** An application as the person may see it now (audited); its status only when they may not see it. */
  /** `statusOnly`: shown where others read (a channel), audited as a status view. */
  view(applicationId: string, viewer: string, statusOnly?: boolean): Promise<Result<CardModel, Refusal>>;
  /** What the person filed, newest first. */
  mine(actor: string): Promise<ListModel>;
  /** `列表`: the plans the person may see that match the filter, newest first, a page at a time (audited). */
  search(actor: string, filter: SearchFilter, cursor: string | null): Promise<SearchPage>;
  /** What the `列表` filter card offers to choose from: units, tiers, the catalog's products and activities. */
  searchChoices(): Promise<SearchChoices>;
  /** What waits on the person, oldest first, and their team's queue. */
  pending(actor: string): Promise<ListModel>;
  /** PlanDesk joined a team, or someone joined one: the people the directory does not know are listed to the admins. */
  reviewTeamMembers(members: readonly TeamMember[]): Promise<number>;
  /** An admin looks people up (`人员`): roles, unit, delegate, head, coverage, leave and open steps. */
  lookUpPeople(actor: string, query: string): Promise<Result<PersonSummary[], Refusal>>;
  /** What a person card offers an admin: the person (null: someone new) and the directory's choices. */
  openPersonForm(actor: string, id: string | null): Promise<Result<PersonForm, Refusal>>;
  /** An admin adds, changes or removes a person on a card: a new directory version, or why not. */
  editPerson(actor: string, baseVersion: number, edit: PersonEdit): Promise<Result<PersonEdited, Refusal>>;
  /** The leave card: the person's leave now and ahead, and who could stand in for them. */
  absenceForm(actor: string): Promise<AbsenceForm>;
  /** The person goes on leave (休假) with a stand-in, named as people write names (name, email). */
  recordAbsence(
    actor: string,
    request: { from: string; to: string; standIn: string },
  ): Promise<Result<AbsenceRecorded, Refusal>>;
  /** The person's current or next leave ends now (`休假 取消`). */
  cancelAbsence(actor: string): Promise<Result<Absence, Refusal>>;
  /** A colleague takes over an open step of a role they hold (认领), or the ops head hands it to someone (转交). */
  handOver(cmd: HandOverCommand): Promise<Acted>;

  /**
   * A catalog owner's new catalog, read by `read` once they may import one: what it would change
   * against the catalog in force. Nothing is stored; anyone else is refused (audited).
   */
  reviewCatalogImport<E>(
    actor: string,
    read: ReadFile<CatalogContent, E>,
  ): Promise<Result<CatalogReview, ImportRefused<E>>>;
  /** The reviewed catalog becomes a new version, if nothing changed since `baseVersion` (all checked again). */
  confirmCatalogImport<E>(
    actor: string,
    read: ReadFile<CatalogContent, E>,
    baseVersion: number,
  ): Promise<Result<Catalog, ImportRefused<E>>>;
  /** The ops head's new policy: what it would change against the one in force, and which stored plans would change tier. */
  reviewPolicyImport<E>(
    actor: string,
    read: ReadFile<PolicyContent, E>,
  ): Promise<Result<PolicyReview, ImportRefused<E>>>;
  /** The reviewed policy becomes a new version from `effectiveFrom` (not past), if nothing changed since `baseVersion`. */
  confirmPolicyImport<E>(
    actor: string,
    read: ReadFile<PolicyContent, E>,
    baseVersion: number,
    effectiveFrom: LocalDate,
  ): Promise<Result<Policy, ImportRefused<E>>>;

  /** A month's report (`报表 2026-11`) for ops, leaders and auditors, audited; anyone else refused (audited). */
  monthlyReport(actor: string, month: Month): Promise<Result<MonthlyReport, Refusal>>;

  /**
   * `导出`: the plans the filter selects for an exporter (ops, leaders, auditors), written into `sink` to
   * count them and size the file before it is offered; a fresh id names the offer. Audited; anyone
   * else refused (audited).
   */
  offerExport(
    actor: string,
    filter: SearchFilter,
    sink: RowSink<ApplicationExportRow>,
  ): Promise<Result<ExportOffered, Refusal>>;
  /** The offered export, accepted: the role checked again, sent once, written into `file` and delivered; audited with its filter and rows. */
  sendExport(
    actor: string,
    exportId: string,
    filter: SearchFilter,
    file: ExportFile,
  ): Promise<Result<ExportSent, Refusal>>;
}

/** The use cases over their dependencies. */
export function useCases(deps: ApprovalDeps): UseCases {
  // A refused act shows the application as it now stands, when the refusal came with it.
  const answered = async (
    viewer: string,
    result: Result<Parameters<typeof cardModel>[1], ActError>,
  ): Promise<Acted> => {
    if (result.ok) return ok(await cardModel(deps, result.value, viewer));
    const { error } = result;
    if ('record' in error) {
      const { record, ...refusal } = error;
      return fail({ refusal: refusal as Refusal, card: await cardModel(deps, record, viewer) });
    }
    return fail({ refusal: error, card: null });
  };

  const formChoices = async (draftId: string | null) => {
    const [catalog, directory] = await Promise.all([deps.store.catalogs.current(), deps.store.directory.get()]);
    const thisMonth = monthOf(shanghaiDate(deps.clock.now()));
    return {
      draftId: draftId ?? deps.newId(),
      choices: {
        units: (directory?.units ?? []).map((u) => ({ id: u.id, name: u.name })),
        activities: (catalog?.activities ?? []).map((a) => ({ code: a.code })),
        products: (catalog?.products ?? [])
          .filter((p) => p.status !== 'retired')
          .map(({ code, name, standardPriceFen }) => ({ code, name, standardPriceFen })),
        months: Array.from({ length: 13 }, (_, i) => addMonths(thisMonth, i)),
      },
    };
  };
  const formFrom = async (start: Result<FormStart, ActError>, viewer: string) => {
    if (!start.ok)
      return (await answered(viewer, start as Result<never, ActError>)) as Result<
        never,
        { refusal: Refusal; card: CardModel | null }
      >;
    const { input, resubmit } = start.value;
    return ok({ ...(await formChoices(null)), input, unit: input.unit, startMonth: input.startMonth, resubmit });
  };
  const preview = (input: ApplicationInput, actor: string, self: string | null = null) =>
    previewFor(deps, input, actor, self);
  const previewModel = (input: ApplicationInput, assessment: Assessment, warnings: Reason[], hints: Hint[]) =>
    previewModelOf(deps, input, assessment, warnings, hints);
  const filed = async (
    viewer: string,
    input: ApplicationInput,
    result: Awaited<ReturnType<typeof submit>> | Awaited<ReturnType<typeof resubmitApplication>>,
  ): Promise<Filed> => {
    if (
      !result.ok &&
      (result.error.code === 'blocked' || result.error.code === 'not_needed') &&
      'assessment' in result.error
    ) {
      const { code, assessment, hints } = result.error;
      return fail({ code, preview: await previewModel(input, assessment, [], hints) });
    }
    return answered(viewer, result as Result<Parameters<typeof cardModel>[1], ActError>);
  };

  return {
    async personLocale(aad) {
      const directory = await deps.store.directory.get();
      return (directory && personOf(directory, aad)?.locale) || null;
    },
    rememberPerson: (aad, conversation, turn) => rememberPerson(deps, aad, conversation, turn),
    keepCardCopy: (copy) => deps.store.cardCopies.add(copy),
    bindChannel: (actor, target, conversation) => bindChannel(deps, actor, target, conversation),
    recordFinding: (finding) => recordFinding(deps, finding),

    async newForm(actor) {
      const directory = await deps.store.directory.get();
      const unit = (directory && personOf(directory, actor)?.unit) || '';
      const { choices, draftId } = await formChoices(null);
      return {
        choices,
        draftId,
        input: null,
        unit,
        startMonth: addMonths(monthOf(shanghaiDate(deps.clock.now())), 1),
        resubmit: null,
      };
    },
    formChoices,
    openRevision: async (id, revision, actor) => formFrom(await openRevision(deps, id, revision, actor), actor),
    openRenewal: async (id, actor) => formFrom(await openRenewal(deps, id, actor), actor),
    preview,
    submit: async (submission) => filed(submission.actor, submission.input, await submit(deps, submission)),
    resubmit: async (id, revision, input, actor) =>
      filed(actor, input, await resubmitApplication(deps, id, revision, input, actor)),

    async decide(cmd) {
      const decided = await decideStep(deps, cmd);
      return answered(cmd.actor, decided.ok ? ok(decided.value.record) : decided);
    },
    ask: async (cmd) => answered(cmd.actor, await askQuestion(deps, cmd)),
    answer: async (cmd) => answered(cmd.actor, await answerQuestion(deps, cmd)),
    withdraw: async (id, actor) => answered(actor, await withdrawApplication(deps, id, actor)),
    fulfill: async (id, note, actor) => answered(actor, await fulfillApplication(deps, id, note, actor)),
    reportEvaluation: async (cmd) => answered(cmd.actor, await reportEvaluation(deps, cmd)),
    endPlan: async (cmd) => answered(cmd.actor, await endPlan(deps, cmd)),

    view: (id, viewer, statusOnly) => viewApplication(deps, id, viewer, statusOnly),
    mine: (actor) => myApplications(deps, actor),
    pending: (actor) => pendingFor(deps, actor),
    search: (actor, filter, cursor) => searchApplications(deps, actor, filter, cursor),
    searchChoices: () => searchChoices(deps),
    handOver: async (cmd) => answered(cmd.actor, await handOverStep(deps, cmd)),
    recordAbsence: (actor, request) => recordAbsence(deps, actor, request),
    lookUpPeople: (actor, query) => lookUpPeople(deps, actor, query),
    openPersonForm: (actor, id) => openPersonForm(deps, actor, id),
    editPerson: (actor, baseVersion, edit) => editPerson(deps, actor, baseVersion, edit),
    reviewTeamMembers: (members) => reviewTeamMembers(deps, members),
    cancelAbsence: (actor) => cancelAbsence(deps, actor),
    absenceForm: (actor) => absenceForm(deps, actor),

    reviewCatalogImport: (actor, read) => reviewCatalogImport(deps, actor, read),
    confirmCatalogImport: (actor, read, baseVersion) => confirmCatalogImport(deps, actor, read, baseVersion),
    reviewPolicyImport: (actor, read) => reviewPolicyImport(deps, actor, read),
    confirmPolicyImport: (actor, read, baseVersion, effectiveFrom) =>
      confirmPolicyImport(deps, actor, read, baseVersion, effectiveFrom),

    monthlyReport: (actor, month) => monthlyReport(deps, actor, month),

    offerExport: (actor, filter, sink) => offerExport(deps, actor, filter, sink),
    sendExport: (actor, exportId, filter, file) => sendExport(deps, actor, exportId, filter, file),
  };
}
