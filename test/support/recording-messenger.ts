import { SendError, type OutboundMessenger, type PaceLimits, type SendOptions } from "../../src/ports/outbound.ts";
import type { Reply } from "../../src/reply.ts";

export interface Delivered {
  to: string;
  reply: Reply;
  key: string;
  options: SendOptions | undefined;
}

/**
 * A fake of the core's outbound port (not of a platform SDK): it records what the jobs hand
 * to a messenger, and can be told to fail the next sends the way platforms do.
 */
export function recordingMessenger(platform = "console", pace?: PaceLimits) {
  const delivered: Delivered[] = [];
  const failures: SendError[] = [];
  const messenger: OutboundMessenger = {
    platform,
    ...(pace ? { pace } : {}),
    async sendToUser(target, reply, key, options) {
      return record(`user:${target.workspaceId}:${target.userId}`, reply, key, options);
    },
    async sendToChannel(target, reply, key, options) {
      return record(`channel:${target.workspaceId}:${target.channelId}`, reply, key, options);
    },
    async uploadImage() {
      throw new SendError("not used", false);
    },
  };
  function record(to: string, reply: Reply, key: string, options: SendOptions | undefined) {
    const failure = failures.shift();
    if (failure) throw failure;
    delivered.push({ to, reply, key, options });
    return { messageId: `m${delivered.length}` };
  }
  return {
    messenger,
    delivered,
    /** The next sends throw these, in order. */
    failNext(...errors: SendError[]) {
      failures.push(...errors);
    },
  };
}
