import { DomainError } from "../errors.ts";

/**
 * What every command line goes through before it is parsed, whichever messenger it came from.
 * The longest line a person (or a form composing one) plausibly sends: every field of `add` at
 * its maximum is under 6,000 characters. Past it the line is refused, not cut.
 */
export const MAX_COMMAND_CHARS = 10_000;

/** Invisible marks that web pages and some keyboards slip into pasted text: they carry no meaning, so they go. */
const INVISIBLE = /[\u200B\u2060\uFEFF]/g;
/** C0 and C1 controls (NUL included: PostgreSQL refuses it) but tab and newline: nobody types them, so a line with one is refused. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Half of a surrogate pair: a character cut in two, which no database column can store. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The line as the parser should read it: line breaks as `\n`, invisible marks removed, composed
 * characters in one form (NFC, so é typed two ways is one). Refused with a DomainError naming
 * what to fix: a control character or a broken one (and where), or a line over the limit.
 */
export function normalizeCommandLine(line: string): string {
  const text = line.replace(/\r\n?/g, "\n").replace(INVISIBLE, "");
  const control = CONTROL.exec(text);
  if (control) {
    const code = `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    const position = positionOf(text, control.index);
    throw new DomainError("control_character", (m) => m.limits.controlCharacter(code, position));
  }
  const broken = LONE_SURROGATE.exec(text);
  if (broken) {
    const position = positionOf(text, broken.index);
    throw new DomainError("broken_character", (m) => m.limits.brokenCharacter(position));
  }
  const length = [...text].length;
  if (length > MAX_COMMAND_CHARS) throw new DomainError("too_long", (m) => m.limits.tooLong(length, MAX_COMMAND_CHARS));
  return text.normalize("NFC");
}

/** The 1-based position a person would count (characters, not UTF-16 units). */
function positionOf(text: string, index: number): number {
  return [...text.slice(0, index)].length + 1;
}
