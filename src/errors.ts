/**
 * The error classes and language type of the public API, without the rest of it: the CLI's entry point imports
 * this light module so that `rendement --help` starts without loading the engine (issue 16).
 */
export { RendementError, InvalidInputError, UsageError } from './core/errors.js';
export type { Lang, LocalisedText } from './core/messages.js';
