/**
 * Characters that make a spreadsheet read a cell as a formula when they start it: = + - @, tab and carriage return
 * (OWASP, "CSV Injection": https://owasp.org/www-community/attacks/CSV_Injection).
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * SQL for one text column of a CSV export, neutralised by the OWASP rule: a value starting with = + - @, tab or
 * carriage return gets a leading apostrophe, so Excel, LibreOffice and Google Sheets show it as text instead of
 * running it (`=HYPERLINK(…)`, `=cmd|'/c calc'!A1`, `@SUM(…)`). Other values pass unchanged; NULL stays NULL.
 * `column` is one of the export's own column expressions, never user text.
 * @example neutralisedColumnSql('o.note') // CASE WHEN regexp_matches(o.note, '^[=+\-@\t\r]') THEN '''' || o.note ELSE o.note END
 */
export function neutralisedColumnSql(column: string): string {
  return `CASE WHEN regexp_matches(${column}, '^[=+\\-@\\t\\r]') THEN '''' || ${column} ELSE ${column} END`;
}
