import { personOf } from '../app/common/people';
import type { Directory } from '../app/records/directory';
import type { DirectoryChange } from '../app/reference/directory-changes';
import { isStringKey, t, type Lang } from './index';

/** A person as the admin recognizes them: name and email, from whichever directory knows them. */
export const personWords = (id: string | null, lang: Lang, ...directories: (Directory | null)[]): string => {
  if (id === null) return t(lang, 'cli.directory.unset');
  const person = directories.map((d) => d && personOf(d, id)).find((p) => p);
  return person ? `${person.name}(${person.email})` : id;
};

/** A role by what people call it ("经营管理部审批人"); an id the tables do not know, as it is. */
export const roleWords = (role: string, lang: Lang): string => {
  const key = `role.${role}`;
  return isStringKey(key) ? t(lang, key) : role;
};

/**
 * One change between two directory versions in the admin's words, for the command line and the
 * person card alike: people by name and email, units by name, roles by what they are called.
 */
export function describeDirectoryChange(
  change: DirectoryChange,
  version: Directory,
  previous: Directory | null,
  lang: Lang,
): string {
  const who = personWords;
  const unitName = (id: string) =>
    [version, previous].map((d) => d?.units.find((u) => u.id === id)?.name).find((n) => n) ?? id;
  switch (change.change) {
    case 'person_added':
    case 'person_removed':
      return t(lang, `cli.directory.${change.change}`, { who: who(change.person, lang, version, previous) });
    case 'roles_added':
    case 'roles_removed':
      return t(lang, `cli.directory.${change.change}`, {
        who: who(change.person, lang, version),
        roles: change.roles.map((r) => roleWords(r, lang)).join(lang === 'zh-CN' ? '、' : ', '),
      });
    case 'person_changed': {
      const people = change.field === 'delegate' || change.field === 'head';
      const value = (v: string | null, d: Directory | null) =>
        people ? who(v, lang, d, version, previous) : (v ?? t(lang, 'cli.directory.unset'));
      return t(lang, 'cli.directory.person_changed', {
        who: who(change.person, lang, version),
        field: t(lang, `cli.directory.field.${change.field}`),
        from: value(change.from, previous),
        to: value(change.to, version),
      });
    }
    case 'unit_added':
    case 'unit_removed':
      return t(lang, `cli.directory.${change.change}`, { unit: change.unit, unitName: unitName(change.unit) });
    case 'unit_changed':
      return t(lang, change.field === 'name' ? 'cli.directory.unit_renamed' : 'cli.directory.unit_kind_changed', {
        unit: change.unit,
        from: change.from,
        to: change.to,
      });
  }
}
