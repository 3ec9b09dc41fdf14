import type { LocalisedText } from './messages.js';

/** Base of rendement's fatal errors; `exitCode` and `httpStatus` are mapped here, in one place. */
export class RendementError extends Error {
  readonly exitCode: number = 1;
  readonly httpStatus: number = 500;
  constructor(
    readonly code: string,
    readonly text: LocalisedText,
  ) {
    super(text.en);
    this.name = new.target.name;
  }
}

/** The user's input (a model, a data file) cannot be used: exit code 1, HTTP 422. */
export class InvalidInputError extends RendementError {
  override readonly exitCode = 1;
  override readonly httpStatus = 422;
}

/** The command was called wrongly (unknown option, missing argument): exit code 2, HTTP 400. */
export class UsageError extends RendementError {
  override readonly exitCode = 2;
  override readonly httpStatus = 400;
}
