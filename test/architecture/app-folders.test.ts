import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const APP = path.resolve(__dirname, '../../src/app');

/** Every .ts file under a folder. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** The folder of src/app a file is in ("." for src/app itself). */
const folderOf = (file: string): string => path.relative(APP, path.dirname(file)).split(path.sep)[0] || '.';

/** Which folder of src/app imports which, read with TypeScript's own import scanner. */
function folderImports(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const file of filesUnder(APP)) {
    const from = folderOf(file);
    for (const ref of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), ref.fileName);
      if (!target.startsWith(APP + path.sep)) continue;
      const to = folderOf(`${target}.ts`);
      if (to !== from) edges.set(from, new Set([...(edges.get(from) ?? []), to]));
    }
  }
  return edges;
}

/** One cycle among the folders, as a path that returns to its start, or null. */
function findCycle(edges: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, trail: string[]): string[] | null => {
    if (state.get(node) === 'open') return [...trail.slice(trail.indexOf(node)), node];
    if (state.get(node) === 'done') return null;
    state.set(node, 'open');
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next, [...trail, node]);
      if (cycle) return cycle;
    }
    state.set(node, 'done');
    return null;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node, []);
    if (cycle) return cycle;
  }
  return null;
}

describe('the folders of src/app', () => {
  it('should import each other without a cycle, so each can be read (and changed) from the bottom up', () => {
    expect(findCycle(folderImports())).toBeNull();
  });

  it('should be told apart from a tree that has a cycle', () => {
    const cyclic = new Map([
      ['approval', new Set(['scheduler'])],
      ['scheduler', new Set(['common', 'approval'])],
    ]);
    expect(findCycle(cyclic)).toEqual(['approval', 'scheduler', 'approval']);
  });

  it('should keep the loose files of src/app out of the way: nothing inside a folder imports them', () => {
    const intoRoot = [...folderImports()].filter(([from, to]) => from !== '.' && to.has('.')).map(([from]) => from);
    expect(intoRoot).toEqual([]);
  });
});
