import { parseCommand } from "./parse.ts";

const READ_ONLY = new Set(["show", "list", "due", "help", "report"]);

/**
 * Commands that only show something: running one again (to refresh a card, or a repeated
 * delivery) changes nothing, so it needs no dedupe and should show the current state.
 */
export function isReadOnlyCommand(line: string): boolean {
  try {
    return isReadOnlyName(parseCommand(line).name);
  } catch {
    return false;
  }
}

export function isReadOnlyName(name: string): boolean {
  return READ_ONLY.has(name);
}
