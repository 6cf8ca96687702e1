import { fail } from "../errors.ts";
import type { ParsedCommand } from "./parse.ts";

/**
 * A word or key=value pair the command has no place for is refused, naming it, never dropped:
 * `show #12 please` or `claim #12 force=yes` would otherwise do something other than asked.
 */
export function refuseUnread(command: ParsedCommand, wordsUsed: number, options: { pairs?: boolean } = {}): void {
  const extra = [
    ...command.words.slice(wordsUsed).map((w) => w.value),
    ...(options.pairs ? [] : command.pairs.map((p) => `${p.key}=${p.value}`)),
  ];
  if (extra.length > 0) fail("usage", (m) => m.errors.unreadWords(extra.join(" ")));
}
