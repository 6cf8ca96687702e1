import type { OperationContext } from "../operations/context.ts";
import type { Reply } from "../reply.ts";
import type { ParsedCommand } from "./parse.ts";

/** Everything a subcommand may use; one transaction per command, so nothing is half-written. */
export type CommandContext = OperationContext;

export type CommandHandler = (command: ParsedCommand, ctx: CommandContext) => Promise<Reply>;
