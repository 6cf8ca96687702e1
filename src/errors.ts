import type { Messages } from "./i18n/messages.ts";

/**
 * An error the person who typed the command can fix. It carries how to say it (a function of
 * the message catalog, so it is rendered in the reader's language) and never a stack trace.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly render: (m: Messages) => string,
    /** Per-field problems, so a form can show each next to its input. */
    readonly fieldErrors: Record<string, (m: Messages) => string> = {},
  ) {
    super(code);
    this.name = "DomainError";
  }
}

export function fail(code: string, render: (m: Messages) => string): never {
  throw new DomainError(code, render);
}
