import type { OperationContext } from "../operations/context.ts";
import type { InputFile, Reply } from "../reply.ts";
import type { ParsedCommand } from "./parse.ts";

/**
 * Everything a subcommand may use; one transaction per command, so nothing is half-written.
 * An operation's context, plus the files sent with the command (an import) and where a long
 * command may tell how far it got.
 */
export type CommandContext = OperationContext & {
  files?: readonly InputFile[];
  /**
   * A message for the person while the command still runs (an import's "2,500 of 10,000 rows").
   * It is sent at once, before the command's transaction commits, so it only informs: the reply
   * says what happened. The adapter sends it without holding the command up.
   */
  progress?: ProgressListener;
};

export type ProgressListener = (update: Reply) => void;

export type CommandHandler = (command: ParsedCommand, ctx: CommandContext) => Promise<Reply>;
