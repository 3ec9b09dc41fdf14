import { RendementError, type LocalisedText } from '../index.js';
import { serverText, type ServerMessageCode } from './messages.js';

/** A fatal request error with its HTTP status; the one place statuses of the service are chosen. */
export class HttpError extends RendementError {
  override readonly httpStatus: number;
  constructor(
    status: number,
    code: ServerMessageCode,
    params: Readonly<Record<string, string | number>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(code, serverText(code, params));
    this.httpStatus = status;
  }
}

/** The JSON body of every error: a code and a message in both languages — never a stack trace. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: LocalisedText };
}

export function errorBody(code: string, message: LocalisedText): ErrorBody {
  return { error: { code, message } };
}
