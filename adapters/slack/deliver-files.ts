import type { Reply } from "../../src/reply.ts";
import type { SlackDeps } from "./deps.ts";
import { uploadOnce } from "./upload-once.ts";

/**
 * A reply's files (a report's charts) go into the person's direct conversation with the bot:
 * the reply itself is only theirs even in a channel, and an upload into the channel would show
 * their figures to everyone. Typed in the DM, that is the same conversation.
 */
export async function deliverFiles(deps: SlackDeps, userId: string, reply: Reply, key: string, knownDm?: string): Promise<void> {
  if (!reply.files?.length) return;
  try {
    const dm = knownDm ?? (await deps.api.conversations.open({ users: userId })).channel?.id;
    if (!dm) throw new Error("conversations.open returned no channel");
    for (const file of reply.files) await uploadOnce(deps.api, deps.logger, dm, file, `${key}:${file.name}`, { check: false });
  } catch (error) {
    deps.logger.error(`could not send ${reply.files.length} file(s) to ${userId}`, error);
  }
}
