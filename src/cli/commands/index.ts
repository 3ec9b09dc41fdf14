import type { Command } from '../context.js';

/**
 * A CLI command as `rendement --help` lists it: its name and one-line summary, and how to load it. The modules are
 * imported only when their command runs, so `--help` and `validate` start without loading DuckDB, Vega or fastify.
 * Each summary must equal the command's own `summary` (test/cli/lazy-commands.test.ts checks that).
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: Command['summary'];
  readonly load: () => Promise<Command>;
}

/** Every CLI command, in the order `rendement --help` lists them. */
export const commands: readonly CommandEntry[] = [
  {
    name: 'init',
    summary: { nl: 'Maak een nieuw, toegelicht model voor een initiatief', en: 'Create a new, commented initiative model' },
    load: async () => (await import('./init.js')).initCommand,
  },
  {
    name: 'validate',
    summary: { nl: 'Controleer een of meer modelbestanden', en: 'Check one or more model files' },
    load: async () => (await import('./validate.js')).validateCommand,
  },
  {
    name: 'value',
    summary: { nl: 'Waardeer een initiatief (SROI en/of MKBA)', en: 'Value an initiative (SROI and/or MKBA)' },
    load: async () => (await import('./value.js')).valueCommand,
  },
  {
    name: 'evaluate',
    summary: { nl: 'Evalueer een initiatief: waardering, succescriteria, onzekerheid', en: 'Evaluate an initiative: valuation, success criteria, uncertainty' },
    load: async () => (await import('./evaluate.js')).evaluateCommand,
  },
  {
    name: 'criteria',
    summary: { nl: 'Leg de succescriteria vast (lock) of toon hun status', en: 'Lock the success criteria or show their status' },
    load: async () => (await import('./criteria.js')).criteriaCommand,
  },
  {
    name: 'demo',
    summary: { nl: 'De hoofdtaak: voorbeelddata inlezen, alles evalueren, rapporten schrijven', en: 'The main job: ingest the example data, evaluate everything, write reports' },
    load: async () => (await import('./demo.js')).demoCommand,
  },
  {
    name: 'report',
    summary: { nl: 'Maak rapporten (raad en buurt), grafieken en samenvattingen', en: 'Make reports (council and neighbourhood), charts and summaries' },
    load: async () => (await import('./report.js')).reportCommand,
  },
  {
    name: 'portfolio',
    summary: { nl: 'Evalueer alle initiatieven van een gemeente en maak het overzicht', en: 'Evaluate every initiative of a municipality and make the overview' },
    load: async () => (await import('./portfolio.js')).portfolioCommand,
  },
  {
    name: 'export-xlsx',
    summary: { nl: 'Schrijf de waardekaart als Excel-werkmap met formules', en: 'Write the value map as an Excel workbook with formulas' },
    load: async () => (await import('./export-xlsx.js')).exportXlsxCommand,
  },
  {
    name: 'import-xlsx',
    summary: { nl: 'Lees een SVUK-waardekaart (.xlsx) in als modelbestand', en: 'Read an SVUK value map (.xlsx) into a model file' },
    load: async () => (await import('./import-xlsx.js')).importXlsxCommand,
  },
  {
    name: 'schema',
    summary: { nl: 'Druk het JSON Schema van modelbestanden af', en: 'Print the JSON Schema of model files' },
    load: async () => (await import('./schema.js')).schemaCommand,
  },
  {
    name: 'serve',
    summary: { nl: 'Start de uploadservice en webpagina voor coalities', en: 'Start the upload service and web page for coalitions' },
    load: async () => (await import('./serve.js')).serveCommand,
  },
  {
    name: 'tokens',
    summary: { nl: 'Toegangstokens voor de webservice aanmaken, tonen en intrekken', en: 'Create, list and revoke access tokens for the web service' },
    load: async () => (await import('./tokens.js')).tokensCommand,
  },
  {
    name: 'ingest',
    summary: { nl: 'Lees monitoringdata (CSV) in de opslag in, met controle', en: 'Ingest monitoring data (CSV) into the store, with checks' },
    load: async () => (await import('./ingest.js')).ingestCommand,
  },
  {
    name: 'data',
    summary: { nl: 'Bekijk en exporteer de opslag met monitoringdata', en: 'List and export the monitoring data store' },
    load: async () => (await import('./data.js')).dataCommand,
  },
];
