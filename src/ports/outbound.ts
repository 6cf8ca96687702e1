import type { Reply } from "../reply.ts";

/**
 * How the core reaches people on its own initiative (the morning list, the weekly summary).
 * Each messenger adapter implements it; the core never knows which one it talks to.
 * `idempotencyKey` is stable across retries of one message, so a platform that can dedupe
 * (Feishu's `uuid`) never shows a retried message twice.
 */
export interface OutboundMessenger {
  readonly platform: string;
  /** How fast a batch may send (the jobs' deliveries; interactive answers are not paced). */
  readonly pace?: PaceLimits;
  sendToUser(target: UserTarget, reply: Reply, idempotencyKey: string, options?: SendOptions): Promise<SendResult>;
  sendToChannel(target: ChannelTarget, reply: Reply, idempotencyKey: string, options?: SendOptions): Promise<SendResult>;
  /** With `resumed`, an adapter that can look for an earlier upload under the key does, and does not upload again. */
  uploadImage(target: UserTarget | ChannelTarget, image: OutboundImage, idempotencyKey: string, options?: SendOptions): Promise<SendResult>;
}

/**
 * A platform's send rate for batches. The delivery loop starts at `initialPerSecond`, rises
 * while sends go through, never above `maxPerSecond`, and drops (not below `minPerSecond`) when
 * the platform answers "too fast". `scope`: the limit applies to each workspace (Slack's
 * per-team cap) or to the whole app (Feishu's per-app quota).
 */
export interface PaceLimits {
  scope: "workspace" | "app";
  initialPerSecond: number;
  maxPerSecond: number;
  minPerSecond: number;
}

export interface SendOptions {
  /**
   * An earlier attempt with this key was cut off (the process died mid-send): it may have
   * reached the person. An adapter that can look for it (message metadata, a platform-side
   * idempotency key) should, and not post it again.
   */
  resumed?: boolean;
}

export interface UserTarget {
  /** The platform's workspace id (Slack team id, Feishu tenant_key). */
  workspaceId: string;
  userId: string;
}

export interface ChannelTarget {
  workspaceId: string;
  channelId: string;
}

export interface OutboundImage {
  data: Buffer;
  filename: string;
  title?: string;
}

export interface SendResult {
  messageId: string;
}

/**
 * A send that failed. `retryable` says whether trying again can help (rate limits, timeouts,
 * 5xx) or not (no permission, bad format); `retryAfterMs` is what the platform asked for;
 * `rateLimited`: the platform said "too fast" — the message is fine, the pace is not.
 */
export class SendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
    readonly rateLimited = false,
  ) {
    super(message);
    this.name = "SendError";
  }
}
