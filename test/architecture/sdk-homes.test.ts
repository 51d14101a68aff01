import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The packages the README's "End of life and deprecations" expects to replace, and the only places that may
 * import them: replacing one then touches those places and nothing else.
 */
const SRC = path.resolve(__dirname, '../../src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Each file of src/ (relative, with /) and the packages it imports, read with TypeScript's own import scanner. */
const imports = filesUnder(SRC).map((file) => ({
  file: path.relative(SRC, file).split(path.sep).join('/'),
  packages: ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((ref) => ref.fileName),
}));
const importersOf = (isPackage: (name: string) => boolean) =>
  imports.filter(({ packages }) => packages.some(isPackage)).map(({ file }) => file);

describe('where the packages due for replacement are imported', () => {
  it('imports the Bot Framework SDK (botbuilder, botframework-*) only in src/bot', () => {
    const importers = importersOf((name) => /^(botbuilder|botframework-)/.test(name));

    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((file) => !file.startsWith('bot/'))).toEqual([]);
  });

  it('imports restify only in src/http and, for the server type, the composition root', () => {
    const importers = importersOf((name) => name === 'restify' || name.startsWith('restify/'));

    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((file) => !file.startsWith('http/') && file !== 'create-app.ts')).toEqual([]);
  });
});
