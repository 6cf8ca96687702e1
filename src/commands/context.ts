import type { Tx, User, Workspace } from "../db/types.ts";
import type { Locale } from "../domain/localized.ts";
import type { Messages } from "../i18n/messages.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import type { InputFile, Reply } from "../reply.ts";
import type { ParsedCommand } from "./parse.ts";

export interface Caller {
  user: User;
  workspace: Workspace;
  locale: Locale;
  timeZone: string;
  m: Messages;
  /** The channel the command was typed in, if the platform has channels. */
  channelId?: string;
}

/** Everything a subcommand may use; one transaction per command, so nothing is half-written. */
export interface CommandContext {
  tx: Tx;
  now: Date;
  playbook: Playbook;
  caller: Caller;
  /** Files sent with the command (an import). */
  files?: readonly InputFile[];
}

export type CommandHandler = (command: ParsedCommand, ctx: CommandContext) => Promise<Reply>;
