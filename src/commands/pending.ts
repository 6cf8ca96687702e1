import type { CommandContext } from "./context.ts";

/** How long a dry run's "yes" stays valid. */
export const PENDING_MS = 10 * 60_000;

/** Remembers the command a "yes" (是/确认) from this person will run next. */
export async function awaitYes(ctx: CommandContext, command: string): Promise<void> {
  await ctx.tx.user.update({
    where: { id: ctx.caller.user.id },
    data: { pendingCommand: command, pendingUntil: new Date(ctx.now.getTime() + PENDING_MS) },
  });
}
