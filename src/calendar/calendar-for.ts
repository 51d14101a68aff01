import type { Config } from '../config';
import { readCalendarOverrideFile } from './calendar-override-file';
import { createWorkingCalendar, type ChineseWorkingCalendar } from './chinese-working-calendar';

/** The working calendar the configuration asks for: chinese-days, plus the override file if one is named. */
export function calendarFor(config: Pick<Config, 'calendarOverridePath'>): ChineseWorkingCalendar {
  return createWorkingCalendar(
    config.calendarOverridePath ? readCalendarOverrideFile(config.calendarOverridePath) : {},
  );
}
