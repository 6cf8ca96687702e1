import { parseCommand } from "../../../src/commands/parse.ts";

const READ_ONLY = new Set(["show", "list", "due", "help"]);

/** Commands that only show something: safe to run again to refresh a card, never a write. */
export function isReadOnlyCommand(line: string): boolean {
  try {
    return READ_ONLY.has(parseCommand(line).name);
  } catch {
    return false;
  }
}
