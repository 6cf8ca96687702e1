import type { OperationContext } from "../operations/context.ts";
import type { InputFile, Reply } from "../reply.ts";
import type { ParsedCommand } from "./parse.ts";

/**
 * Everything a subcommand may use; one transaction per command, so nothing is half-written.
 * An operation's context, plus the files sent with the command (an import).
 */
export type CommandContext = OperationContext & { files?: readonly InputFile[] };

export type CommandHandler = (command: ParsedCommand, ctx: CommandContext) => Promise<Reply>;
