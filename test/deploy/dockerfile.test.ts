import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const ignored = readFileSync(join(root, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const stages = instructions.reduce<string[][]>((all, line) => {
  if (line.startsWith('FROM ')) all.push([]);
  all.at(-1)?.push(line);
  return all;
}, []);
const finalStage = stages.at(-1) ?? [];

describe('the Dockerfile', () => {
  it('copies from the build context only files that exist and .dockerignore lets through', () => {
    const sources = instructions
      .filter((line) => line.startsWith('COPY ') && !line.includes('--from='))
      .flatMap((line) => line.split(/\s+/).slice(1, -1));
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources) {
      expect([source, existsSync(join(root, source))]).toEqual([source, true]);
      expect(ignored).not.toContain(source);
    }
  });

  it('starts the server the way `npm start` does', () => {
    const cmd = finalStage.find((line) => line.startsWith('CMD '));
    expect(cmd).toBeDefined();
    const argv = JSON.parse(cmd!.slice(4)) as string[];
    expect(argv.join(' ')).toBe(pkg.scripts.start);
  });

  it('builds in stages and runs without dev dependencies, as a user other than root, checked on /livez', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(instructions[0]).toMatch(/^ARG NODE_IMAGE=node:\d+-\w+-slim$/);
    expect(finalStage.some((line) => /npm ci --omit=dev/.test(line) && /better-sqlite3/.test(line))).toBe(true);
    expect(finalStage.some((line) => /^USER (?!root)\w+/.test(line))).toBe(true);
    expect(finalStage.find((line) => line.startsWith('HEALTHCHECK'))).toContain('/livez');
  });
});
