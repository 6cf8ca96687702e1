import type { Prisma } from "../db/database.ts";
import type { OperationContext } from "../operations/context.ts";
import type { InputFile, Reply } from "../reply.ts";
import type { ParsedCommand } from "./parse.ts";

/**
 * Everything a subcommand may use; one transaction per command, so nothing is half-written.
 * An operation's context, plus the files sent with the command (an import), where a long
 * command may tell how far it got, and a way to leave work too big for one transaction to run
 * once it has committed (see `AfterCommit`).
 */
export type CommandContext = OperationContext & {
  files?: readonly InputFile[];
  /**
   * A message for the person while the command still runs (an import's "2,500 of 10,000 rows").
   * It is sent at once, before the command's transaction commits, so it only informs: the reply
   * says what happened. The adapter sends it without holding the command up.
   */
  progress?: ProgressListener;
  afterCommit?: AfterCommit;
  /** How many customers a recomputation of due dates takes per transaction (tests make it small). */
  refreshChunk?: number;
};

export type ProgressListener = (update: Reply) => void;

/**
 * Work that starts once the command's transaction has committed and goes on after the reply,
 * in transactions of its own (recomputing 100,000 customers' due dates). It must be resumable
 * from what the command committed: the process may stop before it is done.
 */
export type AfterCommit = (work: (prisma: Prisma) => Promise<unknown>) => void;

export type CommandHandler = (command: ParsedCommand, ctx: CommandContext) => Promise<Reply>;
