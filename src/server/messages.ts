import type { LocalisedText } from '../index.js';

/**
 * The upload service's sentences, Dutch and English, by error code. (The core catalogue in src/core/messages.ts
 * is owned by the core; these belong to the HTTP shell and can move there later.)
 */
export const serverMessages = {
  'auth.missing-token': {
    nl: 'Log in met een toegangstoken (kop "Authorization: Bearer <token>").',
    en: 'Log in with an access token (header "Authorization: Bearer <token>").',
  },
  'auth.invalid-token': {
    nl: 'Dit toegangstoken is onbekend, ingetrokken of onjuist overgenomen.',
    en: 'This access token is unknown, revoked or was copied incorrectly.',
  },
  'access.forbidden': {
    nl: 'Dit token geeft geen toegang tot dit initiatief voor deze handeling.',
    en: 'This token gives no access to this initiative for this action.',
  },
  'access.evaluator-only': {
    nl: 'Alleen een evaluator mag dit doen.',
    en: 'Only an evaluator may do this.',
  },
  'request.invalid-id': {
    nl: 'Ongeldige id "{value}": gebruik kleine letters, cijfers en streepjes (hoogstens 63 tekens).',
    en: 'Invalid id "{value}": use lowercase letters, digits and hyphens (at most 63 characters).',
  },
  'request.invalid-query': {
    nl: 'Ongeldige parameter "{value}".',
    en: 'Invalid parameter "{value}".',
  },
  'request.bad': {
    nl: 'Het verzoek kan niet worden gelezen.',
    en: 'The request cannot be read.',
  },
  'request.too-long': {
    nl: 'Het adres is te lang. Controleer de link.',
    en: 'The address is too long. Check the link.',
  },
  'request.headers-too-large': {
    nl: 'De kopregels van het verzoek zijn te groot.',
    en: 'The request headers are too large.',
  },
  'request.timeout': {
    nl: 'Het verzoek duurde te lang. Probeer het opnieuw.',
    en: 'The request took too long. Try again.',
  },
  'initiative.not-found': {
    nl: 'Initiatief "{value}" bestaat niet op deze server.',
    en: 'Initiative "{value}" does not exist on this server.',
  },
  'token.not-found': {
    nl: 'Token "{value}" bestaat niet of is al ingetrokken.',
    en: 'Token "{value}" does not exist or is already revoked.',
  },
  'route.not-found': {
    nl: 'Deze pagina of dit adres bestaat niet.',
    en: 'This page or address does not exist.',
  },
  'upload.too-large': {
    nl: 'Het bestand is groter dan {limit}. Splits het bestand, bijvoorbeeld per jaar.',
    en: 'The file is larger than {limit}. Split the file, for example by year.',
  },
  'upload.too-many-rows': {
    nl: 'Het bestand heeft meer dan {limit} regels. Splits het bestand, bijvoorbeeld per jaar.',
    en: 'The file has more than {limit} lines. Split the file, for example by year.',
  },
  'upload.unsupported-type': {
    nl: 'Stuur het bestand als CSV (Content-Type text/csv).',
    en: 'Send the file as CSV (Content-Type text/csv).',
  },
  'upload.invalid': {
    nl: 'Het bestand is niet opgeslagen: er zijn {count} problemen gevonden. Zie de lijst.',
    en: 'The file was not stored: {count} problems were found. See the list.',
  },
  'rate.limited': {
    nl: 'Te veel verzoeken. Probeer het over {seconds} seconden opnieuw.',
    en: 'Too many requests. Try again in {seconds} seconds.',
  },
  'server.unavailable': {
    nl: 'De server wordt afgesloten. Probeer het zo opnieuw.',
    en: 'The server is shutting down. Try again shortly.',
  },
  'server.internal': {
    nl: 'Er ging iets mis op de server. Het is gelogd; probeer het later opnieuw.',
    en: 'Something went wrong on the server. It has been logged; try again later.',
  },
  'access.reviewer-only': {
    nl: 'Alleen de gemeenteraad (een council-token van deze gemeente) of een evaluator mag een upload goedkeuren of terugsturen.',
    en: 'Only the council (a council token of this municipality) or an evaluator may approve or return an upload.',
  },
  'upload.not-found': {
    nl: 'Upload "{value}" bestaat niet bij dit initiatief.',
    en: 'Upload "{value}" does not exist for this initiative.',
  },
  'review.invalid': {
    nl: 'Stuur {"decision": "approve"} of {"decision": "return", "reason": "…"}; een reden (1 tot {limit} tekens) is verplicht bij terugsturen.',
    en: 'Send {"decision": "approve"} or {"decision": "return", "reason": "…"}; a reason (1 to {limit} characters) is required to return an upload.',
  },
} as const satisfies Record<string, LocalisedText>;

export type ServerMessageCode = keyof typeof serverMessages;

/** A server sentence with `{name}` placeholders filled. */
export function serverText(code: ServerMessageCode, params: Readonly<Record<string, string | number>> = {}): LocalisedText {
  const fill = (t: string): string => t.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
  const entry = serverMessages[code];
  return { nl: fill(entry.nl), en: fill(entry.en) };
}
