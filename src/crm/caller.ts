import type { User, Workspace } from "../db/types.ts";
import type { Locale } from "../domain/localized.ts";
import type { Messages } from "../i18n/messages.ts";

/** The person a command or an operation acts for, resolved from the platform's identity. */
export interface Caller {
  user: User;
  workspace: Workspace;
  locale: Locale;
  timeZone: string;
  m: Messages;
  /** The channel the command was typed in, if the platform has channels. */
  channelId?: string;
}
