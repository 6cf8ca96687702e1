/**
 * Builds a command line from structured input (a form's answers, a prompt's text), quoting
 * each value so the parser reads it back exactly, whatever quotes or spaces it contains.
 */
const QUOTE_PAIRS: [string, string][] = [['"', '"'], ["'", "'"], ["“", "”"], ["「", "」"], ["『", "』"]];

export function quoteValue(value: string): string {
  if (value !== "" && !/[\s\u3000"'“”‘’「」『』=＝]/.test(value)) return value;
  const pair = QUOTE_PAIRS.find(([, close]) => !value.includes(close));
  // A value holding every closing quote cannot be quoted losslessly; drop the rarest ones.
  if (!pair) return `"${value.replace(/"/g, "'")}"`;
  return `${pair[0]}${value}${pair[1]}`;
}

export function composeCommand(command: string, values: Record<string, string | undefined>): string {
  const pairs = Object.entries(values)
    .filter(([, v]) => v !== undefined && v.trim() !== "")
    .map(([key, v]) => `${key}=${quoteValue(v!.trim())}`);
  return [command, ...pairs].join(" ");
}
