import type { Lang } from '../index.js';

/** What every command gets: its arguments, the language, and where to write. */
export interface CommandContext {
  readonly args: readonly string[];
  readonly lang: Lang;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly cwd: string;
  /** True when stderr is a terminal: colour and progress bars only then. */
  readonly interactive: boolean;
  /** --quiet (any command): no progress and no informational messages on stderr; errors still print. */
  readonly quiet: boolean;
}

/** A CLI command: name, one-line summary per language, help text with examples, and its action. Returns the exit code. */
export interface Command {
  readonly name: string;
  readonly summary: { readonly nl: string; readonly en: string };
  readonly help: { readonly nl: string; readonly en: string };
  run(ctx: CommandContext): Promise<number>;
}

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2, failure: 3 } as const;
