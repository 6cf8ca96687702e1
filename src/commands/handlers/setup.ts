import { fail } from "../../errors.ts";
import { seesWholeTeam } from "../../crm/roles.ts";
import { textReply } from "../../reply.ts";
import type { CommandHandler } from "../context.ts";

/** `setup channel`, typed in the channel that should receive the weekly summary (directors and admins). */
export const setup: CommandHandler = async (command, ctx) => {
  const { caller, tx } = ctx;
  if (!seesWholeTeam(caller.user.role)) fail("forbidden", (m) => m.errors.directorsOnly());
  const what = command.words[0]?.value.toLowerCase();
  if (what !== "channel" && what !== "频道" && what !== "群") fail("usage", (m) => m.errors.setupUsage());
  if (!caller.channelId) fail("no_channel", (m) => m.errors.setupNeedsChannel());
  await tx.workspace.update({ where: { id: caller.workspace.id }, data: { directorChannel: caller.channelId } });
  return textReply(caller.m.setup.channelSet());
};
