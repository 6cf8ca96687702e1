import type { webApi } from "@slack/bolt";
import type { ChannelTarget, OutboundImage, OutboundMessenger, PaceLimits, SendOptions, SendResult, UserTarget } from "../../src/ports/outbound.ts";
import type { Reply } from "../../src/reply.ts";
import { renderReply } from "./render-blocks.ts";
import { platformErrorOf, toSendError } from "./send-errors.ts";
import { describeError, type AdapterLogger } from "./slack-logger.ts";
import { uploadOnce } from "./upload-once.ts";

export const SLACK_PACE: PaceLimits = { scope: "workspace", initialPerSecond: 2, maxPerSecond: 20, minPerSecond: 0.5 };

/** Tags each message the jobs send, so a resumed send can find out whether it already went. */
const OUTBOUND_EVENT = "prospect_crm_outbound";

/**
 * The core's outbound port on Slack, for the scheduled jobs. Uses its own WebClient that fails
 * fast on a 429 (the delivery loop schedules the retry), so a batch never stalls the
 * interactive replies. A person's DM channel is opened once and remembered.
 */
export class SlackOutbound implements OutboundMessenger {
  readonly platform = "slack";
  /**
   * chat.postMessage allows about one message per second per channel — every DM is its own
   * channel — plus an unpublished workspace-wide cap (a bot sending DMs at scale documents 525
   * a minute): start near 2 a second, let the delivery loop find the cap from the 429s.
   */
  readonly pace = SLACK_PACE;
  private readonly dmChannels = new Map<string, string>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: AdapterLogger,
  ) {}

  async sendToUser(target: UserTarget, reply: Reply, idempotencyKey: string, options?: SendOptions): Promise<SendResult> {
    const channel = await this.dmChannel(target);
    try {
      return await this.post(channel, reply, idempotencyKey, options);
    } catch (error) {
      if (error instanceof Error && /channel_not_found|is_archived/.test(error.message)) this.dmChannels.delete(dmKey(target));
      throw error;
    }
  }

  sendToChannel(target: ChannelTarget, reply: Reply, idempotencyKey: string, options?: SendOptions): Promise<SendResult> {
    return this.post(target.channelId, reply, idempotencyKey, options);
  }

  async uploadImage(target: UserTarget | ChannelTarget, image: OutboundImage, idempotencyKey: string, options?: SendOptions): Promise<SendResult> {
    const channel = "userId" in target ? await this.dmChannel(target) : target.channelId;
    const file = { name: image.filename, data: image.data };
    const fileId = await uploadOnce(this.client, this.logger, channel, file, idempotencyKey, { check: options?.resumed === true, ...(image.title ? { title: image.title } : {}) });
    return { messageId: fileId };
  }

  /**
   * The message, then its files. With files it is two steps, and a retry after the second failed
   * must not repeat the first: such a message is always looked for before posting, and each file.
   */
  private async post(channel: string, reply: Reply, key: string, options?: SendOptions): Promise<SendResult> {
    const twoSteps = (reply.files?.length ?? 0) > 0;
    const check = options?.resumed === true || twoSteps;
    const earlier = check ? await this.findSent(channel, key) : undefined;
    const result = earlier ? { messageId: `${channel}:${earlier}` } : await this.postMessage(channel, reply, key);
    for (const file of reply.files ?? []) await uploadOnce(this.client, this.logger, channel, file, `${key}:${file.name}`, { check });
    return result;
  }

  private async postMessage(channel: string, reply: Reply, key: string): Promise<SendResult> {
    try {
      const result = await this.client.chat.postMessage({
        channel,
        ...renderReply(reply),
        unfurl_links: false,
        metadata: { event_type: OUTBOUND_EVENT, event_payload: { key } },
      });
      return { messageId: `${result.channel ?? channel}:${result.ts ?? ""}` };
    } catch (error) {
      throw toSendError(error, `chat.postMessage to ${channel}`);
    }
  }

  private async dmChannel(target: UserTarget): Promise<string> {
    const known = this.dmChannels.get(dmKey(target));
    if (known) return known;
    try {
      const opened = await this.client.conversations.open({ users: target.userId });
      const id = opened.channel?.id;
      if (!id) throw new Error("conversations.open returned no channel");
      this.dmChannels.set(dmKey(target), id);
      return id;
    } catch (error) {
      throw toSendError(error, `conversations.open for ${target.userId}`);
    }
  }

  /**
   * A message sent before the process died carries its key in the metadata; look for it before
   * sending again. Reading the history takes im:history for a DM, channels:history for a public
   * channel and groups:history for a private one (the manifest asks for all three).
   */
  private async findSent(channel: string, key: string): Promise<string | undefined> {
    try {
      const history = await this.client.conversations.history({ channel, limit: 50, include_all_metadata: true });
      const found = history.messages?.find((m) => {
        const metadata = (m as { metadata?: { event_type?: string; event_payload?: { key?: unknown } } }).metadata;
        return metadata?.event_type === OUTBOUND_EVENT && metadata.event_payload?.key === key;
      });
      return found?.ts;
    } catch (error) {
      // Still refused at runtime (an install from before those scopes were added — missing_scope —,
      // a channel the bot cannot read): we cannot tell, so this is logged and the message posted.
      // A possible duplicate is the lesser harm than a digest never sent.
      this.logger.warn(`could not check ${channel} for an earlier send (${platformErrorOf(error) ?? describeError(error)})`);
      return undefined;
    }
  }
}

function dmKey(target: UserTarget): string {
  return `${target.workspaceId}:${target.userId}`;
}
