import type { Attachment } from 'botbuilder';
import type { Lang } from '../../i18n';
import { formChoices, formView } from '../present/form-view';
import type { BotServices } from '../services';
import { applicationFormCard } from '../views/application-form-card';
import type { FormValues, OutcomeView } from '../views/view-models';

/** The application form with the current catalog's and directory's choices, as the applicant left it. */
export async function formCard(services: BotServices, lang: Lang, values: FormValues, extra: {
  errors?: Record<string, string[]>; generalErrors?: string[]; outcome?: OutcomeView; warnings?: string[];
  resubmit?: { applicationId: string; revision: number };
  /** Kept from the form being answered; a new one for a fresh form. */
  draftId?: string | null;
} = {}): Promise<Attachment> {
  const { store, clock } = services.approval;
  const [catalog, directory] = await Promise.all([store.catalogs.current(), store.directory.get()]);
  const choices = catalog && directory ? formChoices(catalog, directory, clock.now(), lang) : { units: [], activities: [], products: [], months: [] };
  const { draftId, ...rest } = extra;
  return applicationFormCard(formView({ lang, values, choices, ...rest, draftId: draftId ?? services.approval.newId() }));
}
