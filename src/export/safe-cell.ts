/**
 * A cell a spreadsheet will show as text and never run: Excel, LibreOffice and Google Sheets
 * treat a CSV cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return before
 * one) as a formula, so a company named `=HYPERLINK(…)` would become a live link. An apostrophe
 * in front keeps it text (OWASP's CSV-injection advice); an import takes it off again.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
