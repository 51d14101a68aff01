import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Directory, Person, Role } from '../../src/app/records/directory';
import { parseDirectoryYaml } from '../../src/formats/directory-yaml';
import { REPO_ROOT } from './paths';

/** PlanDesk's sample people; the Playground's users carry the same aadObjectIds. */
export const SAMPLE_DIRECTORY_FILE = path.join(REPO_ROOT, 'config', 'samples', 'directory.yaml');

/** The Playground reads this file from its working directory (or M365_AGENTS_PLAYGROUND_CONFIG_PATH). */
export const PLAYGROUND_CONFIG_FILE = path.join(REPO_ROOT, '.m365agentsplayground.yml');

/** Who is signed in when nobody is named: the account manager who applies for plans. */
export const DEFAULT_PERSON = '张伟';

/** The Playground's config schema (version 0.1.1) wants exactly five users besides the current one. */
export const OTHER_USERS = 5;

const TENANT_ID = '00000000-0000-0000-0000-0000000000f1';
const BOT = { id: '28:plandesk', name: 'PlanDesk' };

/** A person as the Playground's config names them (its schema spells `userPrincipleName` so). */
export interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

/** The whole `.m365agentsplayground.yml`. */
export interface PlaygroundConfig {
  version: '0.1.1';
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

/** Reads and checks the sample directory with PlanDesk's own parser. */
export function loadDirectory(file: string = SAMPLE_DIRECTORY_FILE): Directory {
  const parsed = parseDirectoryYaml(readFileSync(file, 'utf8'), file);
  if (!parsed.ok)
    throw new Error(
      `${file} is not a valid directory: ${parsed.error.problems.map((p) => `${p.field} ${p.problem}`).join('; ')}`,
    );
  return parsed.value;
}

/** Finds a person by name (张伟), e-mail, the e-mail's local part (zhang.wei) or aadObjectId; throws naming the choices. */
export function findPerson(directory: Directory, who: string): Person {
  const key = who.trim().toLowerCase();
  const found = directory.people.find((p) =>
    [p.name, p.email, localPart(p.email), p.aadObjectId].some((v) => v.toLowerCase() === key),
  );
  if (!found) {
    const choices = directory.people.map((p) => `${p.name} (${localPart(p.email)})`).join(', ');
    throw new Error(`nobody called "${who}" in the directory; choose one of: ${choices}`);
  }
  return found;
}

/** The Playground user for a directory person: Teams-like ids (29:…), Chinese names split into surname and given name. */
export function playgroundUser(person: Person): PlaygroundUser {
  const chars = [...person.name];
  const chinese = /^\p{Script=Han}+$/u.test(person.name) && chars.length > 1;
  return {
    id: `29:${localPart(person.email)}`,
    name: person.name,
    userPrincipleName: person.email,
    aadObjectId: person.aadObjectId,
    givenName: chinese ? chars.slice(1).join('') : person.name,
    surname: chinese ? (chars[0] ?? '') : '',
    email: person.email,
  };
}

/**
 * The config with `current` signed in. The five other users are the approval chain first (cooperation,
 * ops, ops head, leader), then support, admin and the rest, so the group chat and team hold the approvers.
 */
export function playgroundConfigFor(directory: Directory, current: Person): PlaygroundConfig {
  const others = directory.people
    .filter((p) => p.aadObjectId !== current.aadObjectId)
    .map((person, index) => ({ person, index, rank: Math.min(...person.roles.map(roleRank)) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, OTHER_USERS)
    .map(({ person }) => playgroundUser(person));
  if (others.length < OTHER_USERS)
    throw new Error(`the Playground needs ${OTHER_USERS + 1} people; the directory has ${directory.people.length}`);
  return {
    version: '0.1.1',
    tenantId: TENANT_ID,
    bot: BOT,
    currentUser: playgroundUser(current),
    users: others,
    // One personal chat id per person, so the bot never sees two people in one 1:1 conversation.
    personalChat: { id: `a:plandesk-personal-${localPart(current.email)}` },
    groupChat: { id: '19:plandesk-group@thread.v2', name: '个性化方案沟通群' },
    team: {
      id: '19:plandesk-general@thread.tacv2',
      name: '集客部',
      aadGroupId: '00000000-0000-0000-0000-0000000000f2',
      channels: [{ id: '19:plandesk-approvals@thread.tacv2', name: '方案审批' }],
    },
  };
}

/** The config as the YAML file the Playground reads, with a header saying where it comes from. */
export function renderPlaygroundYaml(config: PlaygroundConfig): string {
  const header = [
    '# Microsoft 365 Agents Playground: who is signed in and who else is in the tenant (config format 0.1.1).',
    '# Generated from config/samples/directory.yaml (same aadObjectIds, so PlanDesk knows these people) by',
    '# scripts/support/playground-config.ts; regenerate with `npx tsx scripts/playground.ts --print-config`.',
    '# The Playground takes exactly five `users`; to sign in as someone else: npm run playground -- --as 李娜',
  ];
  return `${header.join('\n')}\n${stringify(config, { lineWidth: 0 })}`;
}

function localPart(email: string): string {
  return email.split('@')[0] ?? email;
}

// Approvers first; a role not in the list sorts last.
const ROLE_ORDER: readonly Role[] = [
  'cooperation_approver',
  'ops_approver',
  'ops_head',
  'leader',
  'support_handler',
  'admin',
  'catalog_owner',
  'auditor',
  'applicant',
];
function roleRank(role: Role): number {
  const rank = ROLE_ORDER.indexOf(role);
  return rank === -1 ? ROLE_ORDER.length : rank;
}
