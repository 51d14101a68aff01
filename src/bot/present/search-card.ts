import type { Attachment } from 'botbuilder';
import type { Lang } from '../../i18n';
import type { BotServices } from '../services';
import { applicationListCard } from '../views/application-list-card';
import type { ApplicationListView } from '../views/view-models';
import { searchView } from './list-view';
import { searchFilterOf } from './search-words';

/** A page of `列表` for these words from `cursor` (null: the first), as a list card. */
export async function searchCard(
  services: BotServices,
  actor: string,
  words: string,
  cursor: string | null,
  lang: Lang,
  notice?: ApplicationListView['notice'],
): Promise<Attachment> {
  const filter = searchFilterOf(words);
  const page = await services.useCases.search(actor, filter, cursor);
  return applicationListCard(searchView(page, filter, { words, at: cursor }, lang, notice));
}
