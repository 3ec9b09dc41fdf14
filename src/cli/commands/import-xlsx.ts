import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { importSvukXlsx } from '../../index.js';
import { EXIT, type Command } from '../context.js';
import { formatIssues, line } from '../output.js';
import { checkOutputTarget } from '../output-target.js';
import { today } from '../clock.js';

export const importXlsxCommand: Command = {
  name: 'import-xlsx',
  summary: { nl: 'Lees een SVUK-waardekaart (.xlsx) in als modelbestand', en: 'Read an SVUK value map (.xlsx) into a model file' },
  help: {
    nl: `Gebruik: rendement import-xlsx <waardekaart.xlsx> --out model.yaml [--sheet naam] [--id slug] [--price-year JJJJ] [--force] [--lang nl|en]

Leest een waardekaart in de gangbare indeling van Social Value UK (stakeholders, veranderingen,
investeringen, outputs, omschrijving, indicator, bron, aantal, duur, financiële proxy, waarde, bron,
deadweight %, verdringing %, toerekening %, drop-off %, impact, en de discontovoet uit het blok
"Calculating Social Return"). Kolommen worden op hun kop gevonden (Nederlands of Engels; samengevoegde
kopcellen en lege regels mogen). Schrijft een modelbestand met commentaar bij wat ontbrak, controleert
het met de modelvalidatie en meldt per cel wat niet kon worden overgenomen.
--price-year: prijsjaar van proxy's en bedragen (standaard dit jaar); --id: id van het model
(standaard de bestandsnaam). Een bestaand bestand wordt alleen met --force overschreven; --out - drukt af.

Voorbeeld:
  rendement import-xlsx waardekaart.xlsx --out models/mijn-initiatief.yaml --price-year 2024`,
    en: `Usage: rendement import-xlsx <value-map.xlsx> --out model.yaml [--sheet name] [--id slug] [--price-year YYYY] [--force] [--lang nl|en]

Reads a value map in the common Social Value UK layout (stakeholders, changes, inputs, outputs,
description, indicator, source, quantity, duration, financial proxy, value, source, deadweight %,
displacement %, attribution %, drop-off %, impact, and the discount rate from the "Calculating Social
Return" block). Columns are found by their header (English or Dutch; merged header cells and blank
rows are fine). Writes a model file with comments where data was missing, checks it with the model
validation and reports, cell by cell, what could not be mapped.
--price-year: price year of proxies and amounts (default this year); --id: the model's id (default
the file name). An existing file is only overwritten with --force; --out - prints it.

Example:
  rendement import-xlsx value-map.xlsx --out models/my-initiative.yaml --price-year 2024 --lang en`,
  },
  async run(ctx) {
    const { values, positionals } = parseArgs({
      args: [...ctx.args],
      options: { out: { type: 'string' }, sheet: { type: 'string' }, id: { type: 'string' }, 'price-year': { type: 'string' }, force: { type: 'boolean' } },
      allowPositionals: true,
    });
    const nl = ctx.lang === 'nl';
    const file = positionals[0];
    if (!file || positionals.length > 1 || !values.out) {
      line(ctx.stderr, nl ? '✗ Geef precies één .xlsx-bestand en --out model.yaml op. Zie: rendement import-xlsx --help' : '✗ Give exactly one .xlsx file and --out model.yaml. See: rendement import-xlsx --help');
      return EXIT.usage;
    }
    const priceYear = Number(values['price-year'] ?? today().slice(0, 4));
    if (!Number.isInteger(priceYear) || priceYear < 1900 || priceYear > 2200) {
      line(ctx.stderr, nl ? '✗ --price-year is een jaartal, bijvoorbeeld 2024.' : '✗ --price-year is a year, for example 2024.');
      return EXIT.usage;
    }
    const id =
      values.id ??
      (basename(file, extname(file))
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 63) || 'initiatief');
    const result = await importSvukXlsx(file, { id, priceYear, ...(values.sheet === undefined ? {} : { sheet: values.sheet }) });
    const { mapping, validation } = result;
    const out = values.out;
    if (out === '-') ctx.stdout.write(result.yaml);
    else {
      await checkOutputTarget(out, values.force ?? false, () => false);
      await writeFile(out, result.yaml);
    }
    const report: string[] = [];
    const outcomes = (mapping.model['outcomes'] as unknown[]).length;
    const inputs = (mapping.model['inputs'] as unknown[]).length;
    report.push(
      nl
        ? `Tabblad "${mapping.sheet}", kopregel ${mapping.headerRow}: ${outcomes} uitkomsten, ${inputs} investeringen.`
        : `Sheet "${mapping.sheet}", header row ${mapping.headerRow}: ${outcomes} outcomes, ${inputs} inputs.`,
    );
    report.push(`${nl ? 'Kolommen' : 'Columns'}: ${Object.entries(mapping.columns).map(([k, v]) => `${k}=${v}`).join(', ')}`);
    if (mapping.unmapped.length > 0) {
      report.push(nl ? `Niet overgenomen (${mapping.unmapped.length}):` : `Not mapped (${mapping.unmapped.length}):`);
      for (const u of mapping.unmapped) report.push(`  ${u.sheet}!${u.cell}${u.value === undefined || u.value === null || u.value === '' ? '' : ` "${String(u.value)}"`}: ${u.reason[ctx.lang]}`);
    }
    if (mapping.missing.length > 0) {
      report.push(nl ? `Ontbreekt, met een plaatshouder ingevuld (${mapping.missing.length}):` : `Missing, filled with a placeholder (${mapping.missing.length}):`);
      for (const m of mapping.missing) report.push(`  ${m.path.join('.')}: ${m.note[ctx.lang]}`);
    }
    line(ctx.stderr, report.join('\n'));
    if (!validation.ok) {
      line(ctx.stderr, formatIssues(validation.issues, ctx.lang));
      line(ctx.stderr, nl ? `✗ Het model is geschreven naar ${out} maar is nog niet geldig; verbeter het en controleer met rendement validate.` : `✗ The model was written to ${out} but is not valid yet; fix it and check with rendement validate.`);
      return EXIT.invalidInput;
    }
    if (!ctx.quiet && out !== '-') line(ctx.stderr, nl ? `✓ Model geschreven naar ${out}` : `✓ Model written to ${out}`);
    return EXIT.ok;
  },
};
