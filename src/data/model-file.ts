import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
// The two core modules it needs, not the core's index: \`rendement validate\` starts faster without the rest.
import { modelIssue, type ModelIssue, type PathSegment } from '../core/issues.js';
import type { Model } from '../core/schema/model.js';
import { validateModel } from '../core/validate-model.js';

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

/**
 * Parses model text (YAML, of which JSON is a subset) and validates it; issues carry `file` and `line`.
 * @example parseModelText(text, 'models/buurthuis.yaml')
 */
export function parseModelText(text: string, file: string): ModelFileResult {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const name = basename(file);
  if (doc.errors.length > 0) {
    const format = extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML';
    const issues = doc.errors.map((e) => {
      const line = counter.linePos(e.pos[0]).line;
      return { ...modelIssue('model.parse-error', [], { format, detail: e.message.split('\n')[0], line }), file: name, line };
    });
    return { ok: false, issues, file };
  }
  const v = validateModel(doc.toJS());
  if (v.ok) return { ok: true, model: v.model, file };
  const issues = v.issues.map((i) => {
    const line = lineOf(doc, counter, i.segments);
    return line === undefined ? { ...i, file: name } : { ...i, file: name, line };
  });
  return { ok: false, issues, file };
}

/** Reads and validates a model file from disk. */
export async function loadModelFile(path: string): Promise<ModelFileResult> {
  return parseModelText(await readFile(path, 'utf8'), path);
}
