import type { Messages } from "./i18n/messages.ts";

/** Every reason the core refuses a command; adapters and tests match on these, never on text. */
export const ERROR_CODES = [
  "forbidden", "not_found", "ambiguous", "other_workspace", "missing_ref",
  "unknown_subcommand", "unclosed_quote", "usage", "bad_fields", "company_twice", "missing_company", "duplicate",
  "nothing_to_edit", "bad_stage", "bad_grade", "missing_stage", "missing_grade", "stage_has_no_grades",
  "use_lost", "new_customer_lost", "missing_reason", "already_lost", "lost_after_won",
  "bad_amount", "missing_amount", "already_won", "not_won", "won_is_closed",
  "bad_duration", "missing_duration",
  "missing_channel", "bad_channel", "missing_note", "note_too_long",
  "already_pending", "already_approved", "not_pending", "filing_incomplete",
  "bad_filter", "bad_locale", "bad_zone", "no_channel", "bad_role", "no_user", "ambiguous_user", "last_admin",
  "same_owner", "in_pool", "not_in_pool", "holding_limit", "cooldown", "nothing_pending", "bad_calendar", "prerequisites",
  // Refused before parsing (src/commands/input-limits.ts, customer-ref.ts).
  "control_character", "broken_character", "too_long", "mobile_as_ref",
  "bad_file", "file_too_big", "no_file", "one_file", "import_gone", "import_expired", "import_done",
  "bad_period", "bad_share", "no_history",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * An error the person who typed the command can fix. It carries how to say it (a function of
 * the message catalog, so it is rendered in the reader's language) and never a stack trace;
 * the error that led to it, if any, is kept as `cause` for the logs.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly render: (m: Messages) => string,
    /** Per-field problems, so a form can show each next to its input. */
    readonly fieldErrors: Record<string, (m: Messages) => string> = {},
    options: { cause?: unknown } = {},
  ) {
    super(code, options);
    this.name = "DomainError";
  }
}

export function fail(code: ErrorCode, render: (m: Messages) => string, options: { cause?: unknown } = {}): never {
  throw new DomainError(code, render, {}, options);
}
