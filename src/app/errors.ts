import type { LocalDate } from '../domain/local-date';
import type { StaleVersion } from './ports/store';

/** Expected failures of PlanDesk's use cases, each with a code; mapped to words in one place. */
export type AppError =
  | { code: 'no_catalog' }
  | { code: 'no_policy'; date: LocalDate }
  | { code: 'catalog_version_missing'; version: number }
  | StaleVersion;
