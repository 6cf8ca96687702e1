import { fail } from "../../errors.ts";
import { parseCommand } from "../parse.ts";
import type { CommandHandler } from "../context.ts";
import { refuseUnread } from "../unread.ts";
import { HANDLERS } from "./index.ts";

/** `yes` (是/确认): runs what the last dry run asked this person to confirm, once, if still fresh. */
export const yes: CommandHandler = async (command, ctx) => {
  refuseUnread(command, 0);
  const { pendingCommand, pendingUntil } = ctx.caller.user;
  await ctx.tx.user.update({ where: { id: ctx.caller.user.id }, data: { pendingCommand: null, pendingUntil: null } });
  if (!pendingCommand || !pendingUntil || pendingUntil < ctx.now) fail("nothing_pending", (m) => m.errors.nothingPending());
  const pending = parseCommand(pendingCommand);
  return HANDLERS[pending.name](pending, ctx);
};
