/**
 * Splits a command line into words and key=value pairs. Reps type on phones and Chinese
 * keyboards, so full-width quotes, spaces and equals signs count the same as ASCII ones.
 */
export interface Token {
  /** The word, or the value of a key=value pair, with quotes removed. */
  value: string;
  key?: string;
  /** Offsets in the original line: `end` is where the rest of the line starts. */
  start: number;
  end: number;
}

const QUOTES: Record<string, string> = { '"': '"', "'": "'", "“": "”", "‘": "’", "「": "」", "『": "』" };
const SPACE = /[\s\u3000]/;
const EQUALS = new Set(["=", "＝"]);

export class UnclosedQuoteError extends Error {
  constructor(readonly quote: string) {
    super(`unclosed quote ${quote}`);
  }
}

export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    if (SPACE.test(line[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let current = "";
    let key: string | undefined;
    while (i < line.length && !SPACE.test(line[i]!)) {
      const ch = line[i]!;
      const close = QUOTES[ch];
      if (close) {
        const endQuote = line.indexOf(close, i + 1);
        if (endQuote < 0) throw new UnclosedQuoteError(ch);
        current += line.slice(i + 1, endQuote);
        i = endQuote + 1;
      } else if (EQUALS.has(ch) && key === undefined && current.length > 0) {
        key = current;
        current = "";
        i++;
      } else {
        current += ch;
        i++;
      }
    }
    tokens.push(key === undefined ? { value: current, start, end: i } : { key, value: current, start, end: i });
  }
  return tokens;
}
