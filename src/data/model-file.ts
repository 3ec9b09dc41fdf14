import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
// The core modules it needs, not the core's index: `rendement validate` starts faster without the rest.
import { modelIssue, type ModelIssue, type PathSegment } from '../core/issues.js';
import type { Model } from '../core/schema/model.js';
import { validateModel } from '../core/validate-model.js';
import { checkDerivedExpressions } from '../core/observations/check-expressions.js';
import { loadExpressionEngine } from '../core/observations/expression.js';

/** Result of reading a model file: the model, or every issue with file and line. */
export type ModelFileResult =
  | { readonly ok: true; readonly model: Model; readonly file: string }
  | { readonly ok: false; readonly issues: readonly ModelIssue[]; readonly file: string };

function lineOf(doc: Document, counter: LineCounter, segments: readonly PathSegment[]): number | undefined {
  // Walk down as far as the path exists; a missing field points at its parent.
  let node: unknown = doc.contents;
  let range: [number, number, number] | undefined = (node as { range?: [number, number, number] } | null)?.range;
  for (const s of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === s);
      if (!pair) break;
      node = pair.value;
      const keyRange = (pair.key as { range?: [number, number, number] }).range;
      range = (node as { range?: [number, number, number] } | null)?.range ?? keyRange;
    } else if (isSeq(node) && typeof s === 'number') {
      node = node.items[s];
      if (!node) break;
      range = (node as { range?: [number, number, number] }).range;
    } else break;
  }
  return range ? counter.linePos(range[0]).line : undefined;
}

/** The offset of the first key that repeats an earlier key of the same map, or undefined (one pass, a set per map). */
function firstDuplicateKey(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const k = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(k)) {
          found = (pair.key as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
          return visit.BREAK;
        }
        seen.add(k);
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Parses model text (YAML, of which JSON is a subset) and validates it; issues carry `file` and `line`.
 * @example parseModelText(text, 'models/buurthuis.yaml')
 */
export function parseModelText(text: string, file: string): ModelFileResult {
  const name = basename(file);
  if (text.length > MAX_MODEL_BYTES) return { ok: false, issues: [tooLarge(Buffer.byteLength(text), name)], file };
  const counter = new LineCounter();
  // yaml's own uniqueKeys check compares every key with every other (20,000 keys: 8 s); duplicateKeys does it in one pass.
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length === 0) {
    const at = firstDuplicateKey(doc);
    if (at !== undefined) {
      const line = counter.linePos(at).line;
      const format = extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML';
      return { ok: false, issues: [{ ...modelIssue('model.parse-error', [], { format, detail: 'Map keys must be unique', line }), file: name, line }], file };
    }
  }
  if (doc.errors.length > 0) {
    const format = extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML';
    const issues = doc.errors.map((e) => {
      const line = counter.linePos(e.pos[0]).line;
      return { ...modelIssue('model.parse-error', [], { format, detail: e.message.split('\n')[0], line }), file: name, line };
    });
    return { ok: false, issues, file };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // yaml throws a ReferenceError when expanding the aliases would exceed the count ("billion laughs").
    if (!(e instanceof ReferenceError)) throw e;
    return { ok: false, issues: [{ ...modelIssue('model.too-many-aliases', [], { limit: MAX_ALIAS_COUNT }), file: name }], file };
  }
  const v = validateModel(raw);
  if (v.ok) return { ok: true, model: v.model, file };
  const issues = v.issues.map((i) => {
    const line = lineOf(doc, counter, i.segments);
    return line === undefined ? { ...i, file: name } : { ...i, file: name, line };
  });
  return { ok: false, issues, file };
}

/** Largest model file read (1 MB): real models are a few kilobytes; a 100 MB one once took 92 s and 3.5 GB. */
export const MAX_MODEL_BYTES = 1024 * 1024;
/**
 * Most alias expansions when reading YAML, weighted by size as the yaml library counts them (its default, 100,
 * refused plain models that reuse an anchor; nested aliases still multiply past this at once).
 */
export const MAX_ALIAS_COUNT = 1000;

const megabytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function tooLarge(bytes: number, name: string): ModelIssue {
  return { ...modelIssue('model.too-large', [], { size: megabytes(bytes), limit: megabytes(MAX_MODEL_BYTES) }), file: name };
}

/**
 * Reads and validates a model file from disk: its size first (nothing over {@link MAX_MODEL_BYTES} is read), then
 * YAML, schema and cross-references, then every derived expression is compiled.
 */
export async function loadModelFile(path: string): Promise<ModelFileResult> {
  const { size } = await stat(path);
  if (size > MAX_MODEL_BYTES) return { ok: false, issues: [tooLarge(size, basename(path))], file: path };
  const result = parseModelText(await readFile(path, 'utf8'), path);
  if (!result.ok) return result;
  await loadExpressionEngine();
  const issues = checkDerivedExpressions(result.model).map((i) => ({ ...i, file: basename(path) }));
  return issues.length === 0 ? result : { ok: false, issues, file: path };
}
