import { Document, isNode } from 'yaml';
import { InvalidInputError } from '../core/errors.js';
import { importSvukValueMap, type SvukImport, type SvukImportOptions } from '../core/svuk-import.js';
import { validateModel, type ModelValidation } from '../core/validate-model.js';
import { readXlsxCells } from './xlsx-read.js';

/** A value map read from an .xlsx file: the mapping, its validation, and the model as commented YAML. */
export interface SvukXlsxImport {
  readonly mapping: SvukImport;
  readonly validation: ModelValidation;
  readonly yaml: string;
}

/**
 * Writes an imported model as YAML, with a comment beside every field that was missing from the value map
 * (`# ONTBREEKT / MISSING: …`) or read with a note, and a header saying where it came from.
 * @example svukModelYaml(mapping, 'waardekaart.xlsx')
 */
export function svukModelYaml(mapping: SvukImport, file: string): string {
  const doc = new Document(mapping.model);
  doc.commentBefore = [
    ` Ingelezen uit / imported from ${file}, tabblad / sheet "${mapping.sheet}", kopregel / header row ${mapping.headerRow}`,
    ' (SVUK-waardekaart / SVUK value map). Vul de velden met ONTBREEKT / MISSING aan en controleer ze met: rendement validate',
  ].join('\n');
  const comment = (path: readonly (string | number)[], line: string): void => {
    let p = [...path];
    // Comment the nearest node that exists (a missing field's parent).
    while (p.length > 0 && !isNode(doc.getIn(p, true))) p = p.slice(0, -1);
    const node = p.length === 0 ? null : doc.getIn(p, true);
    if (!isNode(node)) {
      doc.comment = doc.comment ? `${doc.comment}\n ${line}` : ` ${line}`;
      return;
    }
    node.comment = node.comment ? `${node.comment}; ${line}` : ` ${line}`;
  };
  for (const m of mapping.missing) comment(m.path, `ONTBREEKT / MISSING: ${m.note.nl} / ${m.note.en}`);
  for (const n of mapping.notes) comment(n.path, `${n.note.nl} / ${n.note.en}`);
  return doc.toString({ lineWidth: 0 });
}

/**
 * Reads a value map in the SVUK layout from an .xlsx file into a model (see {@link importSvukValueMap}), validates
 * it with the model validation and renders it as commented YAML. Nothing is written.
 * @throws InvalidInputError for an unreadable, too large, password-protected or non-.xlsx file, or when no value
 * map is found (`xlsx.no-value-map`).
 * @example const r = await importSvukXlsx('waardekaart.xlsx', { id: 'buurthuis', priceYear: 2024 });
 */
export async function importSvukXlsx(path: string, options: SvukImportOptions): Promise<SvukXlsxImport> {
  const sheets = await readXlsxCells(path);
  const mapping = importSvukValueMap(sheets, options);
  if ('error' in mapping)
    throw new InvalidInputError('xlsx.no-value-map', { nl: `${path}: ${mapping.error.nl}`, en: `${path}: ${mapping.error.en}` });
  const validation = validateModel(mapping.model);
  return { mapping, validation, yaml: svukModelYaml(mapping, path) };
}
