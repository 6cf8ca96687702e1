/**
 * What must never reach a log whole: mainland mobile numbers (kept as 138****8000, enough to
 * tell two apart) and platform tokens and secrets (blanked). Applied to messages and to every
 * string in a line's fields.
 */
const MOBILE = /(?<!\d)(\+?86[-\s]?)?(1[3-9]\d)[-\s]?\d{4}[-\s]?(\d{4})(?!\d)/g;
const TOKENS = /\b(xox[abposr]|xapp|xoxe(?:\.xox[bp])?)-[A-Za-z0-9-]+/g;
const SECRET_KEYS = /token|secret|password|authorization|signature|encrypt|cookie|api[-_]?key/i;
const MAX_DEPTH = 6;

export function scrub(text: string): string {
  return text.replace(MOBILE, (_m, cc: string | undefined, head: string, tail: string) => `${cc ?? ""}${head}****${tail}`).replace(TOKENS, "$1-***");
}

export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrub(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[…]";
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEYS.test(key) && v ? "***" : scrubValue(v, depth + 1);
  return out;
}
