import type { Attachment } from 'botbuilder';
import type { FormChoices } from '../../app/use-cases';
import type { Lang } from '../../i18n';
import { formView, viewChoices } from '../present/form-view';
import { applicationFormCard } from '../views/application-form-card';
import type { FormValues, OutcomeView } from '../views/view-models';

/** The application form with the catalog's and directory's choices, as the applicant left it. */
export function formCard(
  lang: Lang,
  values: FormValues,
  choices: FormChoices,
  extra: {
    draftId: string;
    errors?: Record<string, string[]>;
    generalErrors?: string[];
    outcome?: OutcomeView;
    warnings?: string[];
    resubmit?: { applicationId: string; revision: number };
  },
): Attachment {
  return applicationFormCard(formView({ lang, values, choices: viewChoices(choices, lang), ...extra }));
}
