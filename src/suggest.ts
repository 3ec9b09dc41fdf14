/**
 * "Did you mean …?" for the shells, without loading the public API (the CLI's start-up stays small: `--help` and
 * mistyped commands load only this and the command list).
 */
export { closest } from './core/closest.js';
