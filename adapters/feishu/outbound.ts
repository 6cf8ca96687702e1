import type { OutboundImage, OutboundMessenger, ChannelTarget, PaceLimits, UserTarget } from "../../src/ports/outbound.ts";
import type { Reply } from "../../src/reply.ts";
import type { FeishuApi, OutgoingMessage } from "./api/feishu-api.ts";
import { card, header, plain } from "./cards/elements.ts";
import { renderReply } from "./cards/render-card.ts";
import { localeOfReply } from "./i18n.ts";
import { sendImages } from "./send-files.ts";

/**
 * How fast a batch goes (the morning list to every rep, the weekly summary). Feishu limits a bot
 * to 5 messages per second to one person or one chat — each rep's DM is its own chat — and an
 * app to about 50 per second and 1,000 per minute for the message API as a whole, whatever the
 * tenant. The delivery loop starts at 5 a second, rises while sends go through and backs off on
 * a "too fast"; the ceiling of 40 leaves a fifth of the per-second budget to answers to people
 * typing meanwhile. Every replica shares the one budget through the database.
 */
export const FEISHU_PACE: PaceLimits = { scope: "app", initialPerSecond: 5, maxPerSecond: 40, minPerSecond: 1 };

/**
 * The core's outbound port on Feishu: a direct message by open_id, a message to a chat by
 * chat_id, an image. The idempotency key becomes the message `uuid`, so a retried send is shown
 * once. Failures are SendErrors that say whether a retry can help. The cards are marked as a
 * job's (a click answers below or privately, never replacing the list or the summary) and, for
 * a direct message, as private.
 */
export function createFeishuOutbound(api: FeishuApi): OutboundMessenger {
  return {
    platform: "feishu",
    pace: FEISHU_PACE,
    async sendToUser(target, reply, idempotencyKey) {
      const messageId = await api.send("open_id", target.userId, cardMessage(reply, { privateChat: true }), idempotencyKey);
      await sendImages(api, "open_id", target.userId, reply.files, idempotencyKey);
      return { messageId };
    },
    async sendToChannel(target, reply, idempotencyKey) {
      // A chat_id may be a group (the directors' channel): treated as one.
      const messageId = await api.send("chat_id", target.channelId, cardMessage(reply, { privateChat: false }), idempotencyKey);
      await sendImages(api, "chat_id", target.channelId, reply.files, idempotencyKey);
      return { messageId };
    },
    async uploadImage(target, image, idempotencyKey) {
      const imageKey = await api.uploadImage(image.data);
      const [type, id] = receiverOf(target);
      return { messageId: await api.send(type, id, imageMessage(imageKey, image), idempotencyKey) };
    },
  };
}

export function cardMessage(reply: Reply, where: { privateChat: boolean }): OutgoingMessage {
  const rendered = renderReply(reply, { locale: localeOfReply(reply), job: true, privateChat: where.privateChat });
  return { msgType: "interactive", content: JSON.stringify(rendered) };
}

function imageMessage(imageKey: string, image: OutboundImage): OutgoingMessage {
  if (!image.title) return { msgType: "image", content: JSON.stringify({ image_key: imageKey }) };
  const titled = card(header(image.title, undefined, "blue"), [{ tag: "img", img_key: imageKey, alt: plain(image.title) }], image.title);
  return { msgType: "interactive", content: JSON.stringify(titled) };
}

function receiverOf(target: UserTarget | ChannelTarget): ["open_id" | "chat_id", string] {
  return "userId" in target ? ["open_id", target.userId] : ["chat_id", target.channelId];
}
