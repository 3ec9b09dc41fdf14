#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { RendementError, type Lang } from '../errors.js';
import { closest } from '../suggest.js';
import { commands } from './commands/index.js';
import { EXIT, type CommandContext } from './context.js';
import { line } from './output.js';

function pickLang(args: string[]): { lang: Lang; quiet: boolean; rest: string[] } {
  const rest: string[] = [];
  let lang: Lang = process.env['RENDEMENT_LANG'] === 'en' ? 'en' : 'nl';
  let quiet = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--quiet' || a === '-q') {
      quiet = true;
      continue;
    }
    const value = a === '--lang' ? args[++i] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value === undefined) {
      rest.push(a);
      continue;
    }
    if (value !== 'nl' && value !== 'en') throw new UsageLang(value);
    lang = value;
  }
  return { lang, quiet, rest };
}

class UsageLang extends Error {}

/** The version in package.json (two folders up from dist/cli or src/cli). */
function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** "Did you mean …?" for a mistyped command or option, or nothing when no candidate is close. */
function didYouMean(word: string, candidates: readonly string[], lang: Lang): string {
  const near = closest(word, candidates);
  if (near === undefined) return '';
  return lang === 'nl' ? `\nBedoelde je "${near}"?` : `\nDid you mean "${near}"?`;
}

/** The options a command's help text names (`--store`, `--as-of`, …): the candidates for a mistyped option. */
function optionsIn(help: string): string[] {
  return [...new Set(help.match(/--[a-z][a-z0-9-]*/g) ?? [])];
}

function overview(lang: Lang): string {
  const nl = lang === 'nl';
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    nl ? 'rendement — maatschappelijk rendement van initiatieven meten (SROI en MKBA)' : 'rendement — measure the social return of initiatives (SROI and MKBA)',
    '',
    nl ? 'Gebruik: rendement <opdracht> [opties]' : 'Usage: rendement <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary[lang]}`),
    '',
    nl ? 'Algemene opties: --lang nl|en, --json, --store <pad>, --quiet, --help' : 'Common options: --lang nl|en, --json, --store <path>, --quiet, --help',
    nl ? 'Exitcodes: 0 gelukt, 1 ongeldige invoer, 2 verkeerd aangeroepen, 3 onverwachte fout' : 'Exit codes: 0 success, 1 invalid input, 2 usage error, 3 unexpected failure',
    nl ? 'Hulp per opdracht: rendement help <opdracht> (of rendement <opdracht> --help); versie: rendement --version' : 'Help per command: rendement help <command> (or rendement <command> --help); version: rendement --version',
  ].join('\n');
}

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = pickLang([...argv]);
  } catch (e) {
    line(process.stderr, `✗ --lang ${(e as Error).message}: use nl or en / gebruik nl of en`);
    return EXIT.usage;
  }
  const { lang, quiet, rest } = parsed;
  let [name, ...args] = rest;
  if (name === '--version' || name === '-V' || name === 'version') {
    line(process.stdout, `rendement ${version()}`);
    return EXIT.ok;
  }
  if (name === 'help' && args[0] !== undefined && !args[0].startsWith('-')) {
    name = args[0];
    args = ['--help'];
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    line(name === undefined ? process.stderr : process.stdout, overview(lang));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    const hint = didYouMean(name, commands.map((c) => c.name), lang);
    line(process.stderr, lang === 'nl' ? `✗ Onbekende opdracht "${name}".${hint}\n\n${overview(lang)}` : `✗ Unknown command "${name}".${hint}\n\n${overview(lang)}`);
    return EXIT.usage;
  }
  const command = await entry.load();
  if (args.includes('--help') || args.includes('-h')) {
    line(process.stdout, command.help[lang]);
    return EXIT.ok;
  }
  const ctx: CommandContext = {
    args,
    lang,
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    interactive: Boolean(process.stderr.isTTY),
    quiet,
  };
  try {
    return await command.run(ctx);
  } catch (e) {
    if (e instanceof RendementError) {
      line(process.stderr, `✗ ${e.text[lang]}`);
      return e.exitCode;
    }
    const err = e as { code?: string; message?: string };
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const typed = err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(--?[^']+)'/.exec(err.message ?? '')?.[1] : undefined;
      const hint = typed?.startsWith('--') ? didYouMean(typed.split('=')[0]!, optionsIn(command.help[lang]), lang) : '';
      line(process.stderr, `✗ ${err.message}${hint}\n${lang === 'nl' ? `Zie: rendement help ${name}` : `See: rendement help ${name}`}`);
      return EXIT.usage;
    }
    // A file that cannot be read or written is the user's input, not a bug: say which and what to do.
    const fsErr = e as NodeJS.ErrnoException;
    const ioCodes = ['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'EISDIR', 'ENOSPC', 'EEXIST'];
    if ((fsErr.code && ioCodes.includes(fsErr.code)) || /^IO Error: Cannot open file/.test(err.message ?? '')) {
      const where = fsErr.path ?? (err.message ?? '').match(/"([^"]+)"/)?.[1] ?? '';
      line(
        process.stderr,
        lang === 'nl'
          ? `✗ Kan ${where} niet lezen of schrijven (${fsErr.code ?? 'IO'}). Controleer het pad, of kies met --out/--store een map waarin je mag schrijven.`
          : `✗ Cannot read or write ${where} (${fsErr.code ?? 'IO'}). Check the path, or choose a folder you can write to with --out/--store.`,
      );
      return EXIT.invalidInput;
    }
    line(process.stderr, lang === 'nl' ? `✗ Onverwachte fout: ${err.message ?? String(e)}` : `✗ Unexpected failure: ${err.message ?? String(e)}`);
    return EXIT.failure;
  }
}

const exitCode = await main(process.argv.slice(2));
process.exitCode = exitCode;
