import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { findCommand } from '../../src/bot/command';
import { helpCommand } from '../../src/bot/commands/help';
import { enUS } from '../../src/i18n/en-US';
import { zhCN } from '../../src/i18n/zh-CN';
import {
  describeErrors,
  fillPlaceholders,
  MANIFEST_DIR,
  officialValidator,
  parseEnvFile,
  placeholdersIn,
  schemaUrl,
  type Json,
} from '../../scripts/package-app';
import { decodePng } from './png';

const SAMPLE_ID = '2f0c5a7e-8b1d-4c3e-9a6f-1b2c3d4e5f60';
const FILLED = {
  BOT_ID: SAMPLE_ID,
  TEAMS_APP_ID: SAMPLE_ID,
  BOT_DOMAIN: 'plandesk-pilot-abc123.azurewebsites.net',
  APP_NAME_SUFFIX: '',
  APP_VERSION: '0.1.0',
};

const readJson = (name: string): Json => JSON.parse(readFileSync(path.join(MANIFEST_DIR, name), 'utf8')) as Json;
const template = readJson('manifest.json');
const filled = fillPlaceholders(template, FILLED).value;

const Command = z.object({ title: z.string(), description: z.string() });
const Manifest = z.object({
  $schema: z.string(),
  manifestVersion: z.string(),
  accentColor: z.string(),
  icons: z.object({ color: z.string(), outline: z.string() }),
  localizationInfo: z.object({
    defaultLanguageTag: z.string(),
    additionalLanguages: z.array(z.object({ languageTag: z.string(), file: z.string() })),
  }),
  bots: z.array(
    z.object({
      botId: z.string(),
      scopes: z.array(z.string()),
      supportsFiles: z.boolean(),
      isNotificationOnly: z.boolean(),
      commandLists: z.array(z.object({ scopes: z.array(z.string()), commands: z.array(Command) })),
    }),
  ),
});
const manifest = Manifest.parse(filled);
const [language] = manifest.localizationInfo.additionalLanguages;
const english = z.record(z.string()).parse(readJson(language?.file ?? 'missing.json'));

const validateManifest = officialValidator(manifest.manifestVersion, 'manifest');
const validateLanguage = officialValidator(manifest.manifestVersion, 'localization');
const withSample = (change: (m: Record<string, Json>) => void): Json => {
  const copy = structuredClone(filled) as Record<string, Json>;
  change(copy);
  return copy;
};

/** The command word of each `help.cmd.*` line: what the help card tells people to type. */
const helpWords = (table: Record<string, string>): string[] =>
  Object.entries(table)
    .filter(([key]) => key.startsWith('help.cmd.'))
    .map(([, text]) => text.split(/[\s:：]/)[0] ?? '');

/** The manifest's commands in English: the en file's strings at the same positions. */
const englishCommands = (list: number): { title: string; description: string }[] =>
  (manifest.bots[0]?.commandLists[list]?.commands ?? []).map((_, i) => ({
    title: english[`bots[0].commandLists[${list}].commands[${i}].title`] ?? '',
    description: english[`bots[0].commandLists[${list}].commands[${i}].description`] ?? '',
  }));

/** The string a localization key such as `bots[0].commandLists[1].commands[0].title` names in the manifest. */
function stringAt(root: Json, key: string): Json | undefined {
  return key.split('.').reduce<Json | undefined>((node, part) => {
    const [, name = '', indexes = ''] = /^([^[]+)((?:\[\d+\])*)$/.exec(part) ?? [];
    let next = node && typeof node === 'object' && !Array.isArray(node) ? node[name] : undefined;
    for (const [, i] of indexes.matchAll(/\[(\d+)\]/g)) next = Array.isArray(next) ? next[Number(i)] : undefined;
    return next;
  }, root);
}

describe('the Teams app manifest', () => {
  it('declares $schema as the official schema of its manifestVersion', () => {
    expect(manifest.$schema).toBe(schemaUrl(manifest.manifestVersion, 'manifest'));
  });

  it('has a value from the package script for every placeholder it holds', () => {
    expect(fillPlaceholders(template, FILLED).unknown).toEqual([]);
    expect(JSON.stringify(filled)).not.toContain('${{');
  });

  it('uses the Agents Toolkit placeholders, each but APP_VERSION (package.json) declared in env/.env.dev', () => {
    expect(placeholdersIn(template).sort()).toEqual([
      'APP_NAME_SUFFIX',
      'APP_VERSION',
      'BOT_DOMAIN',
      'BOT_ID',
      'TEAMS_APP_ID',
    ]);
    expect(template).toMatchObject({
      id: '${{TEAMS_APP_ID}}',
      bots: [{ botId: '${{BOT_ID}}' }],
      validDomains: ['${{BOT_DOMAIN}}'],
    });
    const dev = parseEnvFile(readFileSync(path.join(MANIFEST_DIR, '..', 'env', '.env.dev'), 'utf8'), '.env.dev');
    expect(dev.problems).toEqual([]);
    expect(dev.values).toEqual({
      TEAMSFX_ENV: 'dev',
      APP_NAME_SUFFIX: 'dev',
      TEAMS_APP_ID: '',
      BOT_ID: '',
      BOT_DOMAIN: '',
    });
    expect(placeholdersIn(english)).toEqual(['APP_NAME_SUFFIX']);
  });

  it('validates, with a sample app id filled in, against the official Teams schema of its version', () => {
    expect(validateManifest).toBeDefined();
    const valid = validateManifest?.(filled);
    expect(describeErrors('manifest.json', validateManifest?.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is checked strictly enough to catch an unknown property, an over-long name, a bad bot id and another version', () => {
    const broken = withSample((m) => {
      m.extra = true;
      m.name = { short: 'P'.repeat(31) };
      m.manifestVersion = '1.29';
      m.bots = [{ botId: 'not-a-guid', scopes: ['personal'] }];
    });
    expect(validateManifest?.(broken)).toBe(false);
    const problems = describeErrors('manifest.json', validateManifest?.errors).join('\n');
    expect(problems).toContain('"extra"');
    expect(problems).toContain('/name/short must NOT have more than 30 characters');
    expect(problems).toContain('/manifestVersion must be equal to constant');
    expect(problems).toContain('/bots/0/botId must match pattern');
  });

  it('is a conversational bot for personal chat, teams and group chats, without files', () => {
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0]).toMatchObject({ botId: SAMPLE_ID, supportsFiles: true, isNotificationOnly: false });
    expect([...(manifest.bots[0]?.scopes ?? [])].sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it('speaks Chinese by default and has English for every English Teams locale', () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('zh-cn');
    // A language-only tag: Teams falls back from en-us, en-gb, … to `en`, but never from `en` to `en-us`.
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'en', file: 'en.json' }]);
  });
});

describe('the English language file', () => {
  it('validates against the official localization schema of the manifest version', () => {
    expect(english.$schema).toBe(schemaUrl(manifest.manifestVersion, 'localization'));
    const valid = validateLanguage?.(english);
    expect(describeErrors('en.json', validateLanguage?.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is checked strictly enough to catch a key the schema does not know and an over-long description', () => {
    expect(
      validateLanguage?.({
        ...english,
        'bots[0].commandLists[0].commands[12].title': 'x',
        'description.short': 'x'.repeat(81),
      }),
    ).toBe(false);
    expect(describeErrors('en.json', validateLanguage?.errors)).toHaveLength(2);
  });

  it('translates only strings the manifest has', () => {
    const orphans = Object.keys(english).filter(
      (key) => key !== '$schema' && typeof stringAt(template, key) !== 'string',
    );
    expect(orphans).toEqual([]);
  });

  it('translates the names, the descriptions and every command', () => {
    for (const key of ['name.short', 'name.full', 'description.short', 'description.full'])
      expect(english[key]).toBeTruthy();
    manifest.bots[0]?.commandLists.forEach((list, i) => {
      for (const command of englishCommands(i)) {
        expect(command.title).toBeTruthy();
        expect(command.description).toBeTruthy();
      }
      expect(englishCommands(i)).toHaveLength(list.commands.length);
    });
  });
});

describe('the command lists', () => {
  const lists = manifest.bots[0]?.commandLists ?? [];
  const personalIndex = lists.findIndex((list) => list.scopes.includes('personal'));
  const teamIndex = lists.findIndex((list) => list.scopes.includes('team'));

  it('offer in personal chat only commands the help card lists, in both languages', () => {
    expect(lists[personalIndex]?.commands.map((c) => c.title).filter((t) => !helpWords(zhCN).includes(t))).toEqual([]);
    expect(
      englishCommands(personalIndex)
        .map((c) => c.title)
        .filter((t) => !helpWords(enUS).includes(t)),
    ).toEqual([]);
  });

  it('offer every command the help card lists, in both languages', () => {
    const chinese = lists.flatMap((list) => list.commands.map((c) => c.title));
    const inEnglish = lists.flatMap((_, i) => englishCommands(i).map((c) => c.title));
    expect(helpWords(zhCN).filter((word) => !chinese.includes(word))).toEqual([]);
    expect(helpWords(enUS).filter((word) => !inEnglish.includes(word))).toEqual([]);
  });

  it('offer notify-here and help in a team', () => {
    const team = lists[teamIndex];
    expect(team?.commands.map((c) => c.title)).toEqual(['设为通知频道', '帮助']);
    expect(englishCommands(teamIndex).map((c) => c.title)).toEqual(['notify-here', 'help']);
    for (const kind of ['unit', 'ops', 'support']) {
      expect(team?.commands[0]?.description).toContain(kind);
      expect(englishCommands(teamIndex)[0]?.description).toContain(kind);
    }
  });

  it('have one-word titles, since the bot takes the first word of a message as the command', () => {
    const titles = lists.flatMap((list, i) => [
      ...list.commands.map((c) => c.title),
      ...englishCommands(i).map((c) => c.title),
    ]);
    expect(titles.filter((title) => /\s/.test(title) || title === '')).toEqual([]);
  });

  it('have no title twice in one list', () => {
    for (const list of lists) expect(new Set(list.commands.map((c) => c.title)).size).toBe(list.commands.length);
  });

  it('end with help, which the bot answers in both languages', () => {
    lists.forEach((list, i) => {
      const titles = [list.commands.at(-1)?.title ?? '', englishCommands(i).at(-1)?.title ?? ''];
      for (const title of titles) expect(findCommand([helpCommand], title)?.command).toBe(helpCommand);
    });
  });
});

describe('the icons', () => {
  it('include a 192×192 color PNG on a solid square of the accent color', () => {
    const color = decodePng(readFileSync(path.join(MANIFEST_DIR, manifest.icons.color)));
    expect([color.width, color.height]).toEqual([192, 192]);
    const accent = [1, 3, 5].map((i) => parseInt(manifest.accentColor.slice(i, i + 2), 16));
    // Teams rounds the corners itself, so the corners must be background, not cut away.
    for (const [x, y] of [
      [0, 0],
      [191, 0],
      [0, 191],
      [191, 191],
    ] as const)
      expect(color.pixel(x, y)).toEqual([...accent, 255]);
  });

  it('include a 32×32 outline PNG that is only white on transparency, without padding', () => {
    const outline = decodePng(readFileSync(path.join(MANIFEST_DIR, manifest.icons.outline)));
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    const offColor: string[] = [];
    const drawn = { minX: 32, minY: 32, maxX: -1, maxY: -1 };
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = outline.pixel(x, y);
        if (a === 0) continue;
        if (r !== 255 || g !== 255 || b !== 255) offColor.push(`(${x},${y})=${r},${g},${b},${a}`);
        Object.assign(drawn, {
          minX: Math.min(drawn.minX, x),
          minY: Math.min(drawn.minY, y),
          maxX: Math.max(drawn.maxX, x),
          maxY: Math.max(drawn.maxY, y),
        });
      }
    }
    expect(offColor).toEqual([]);
    expect(drawn).toEqual({ minX: 0, minY: 0, maxX: 31, maxY: 31 });
  });
});
