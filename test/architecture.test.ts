import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// DESIGN.md "Rooms and dependencies" (plus src/jobs, issue 12: the main job, which joins data, core and render): cli, server → jobs → render, data → core (and cli → server, whose `serve` command starts it); render and data never import each other;
// core imports only zod, mathjs, simple-statistics and itself, never node:fs, DuckDB, process, the clock or Math.random.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Import specifiers of a file: static imports, re-exports and dynamic import() calls. */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

const roomOf = (file: string): string => {
  const rel = relative(src, file).split('/');
  return rel.length === 1 ? 'index' : rel[0]!;
};

const allowedRooms: Record<string, string[]> = {
  core: ['core'],
  data: ['core', 'data'],
  render: ['core', 'render'],
  jobs: ['core', 'data', 'render', 'jobs'],
  cli: ['cli', 'index', 'server'],
  server: ['server', 'index'],
  index: ['core', 'data', 'render', 'jobs', 'index'],
};
const coreExternals = ['zod', 'mathjs', 'simple-statistics'];

function violations(): string[] {
  const out: string[] = [];
  for (const file of files(src)) {
    const room = roomOf(file);
    const text = readFileSync(file, 'utf8');
    for (const spec of importsOf(text)) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        const targetRoom = roomOf(target);
        if (!allowedRooms[room]!.includes(targetRoom)) out.push(`${relative(root, file)} (${room}) imports ${spec} (${targetRoom})`);
      } else if (room === 'core' && !coreExternals.some((e) => spec === e || spec.startsWith(`${e}/`))) {
        out.push(`${relative(root, file)} (core) imports ${spec}`);
      }
    }
    if (room === 'core') {
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const [pattern, what] of [
        [/\bprocess\./, 'process'],
        [/\bDate\.now\s*\(/, 'the clock (Date.now)'],
        [/\bnew Date\s*\(\s*\)/, 'the clock (new Date())'],
        [/\bMath\.random\s*\(/, 'an unseeded random source'],
        [/\brequire\s*\(/, 'require'],
      ] as const)
        if (pattern.test(code)) out.push(`${relative(root, file)} (core) uses ${what}`);
    }
    // A computed specifier would slip past the arrows above.
    if (/(?<![.\w])import\s*\(\s*[^'"\s)]/.test(text.replace(/import\s*\(\s*['"][^'"]+['"]\s*\)/g, '')))
      out.push(`${relative(root, file)} (${room}) imports a computed specifier`);
  }
  return out;
}

describe('architecture: rooms import along the arrows only', () => {
  it('finds the import specifiers the check relies on', () => {
    expect(importsOf(`import { a } from './x.js';\nexport * from '../y.js';\nconst m = await import('node:fs');\nimport 'side-effect';`)).toEqual([
      './x.js',
      '../y.js',
      'node:fs',
      'side-effect',
    ]);
  });

  it('has no import against the arrows in src/', () => {
    expect(violations()).toEqual([]);
  });
});
