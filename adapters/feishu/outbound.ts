import type { OutboundImage, OutboundMessenger, ChannelTarget, UserTarget } from "../../src/ports/outbound.ts";
import type { Reply } from "../../src/reply.ts";
import type { FeishuApi, OutgoingMessage } from "./api/feishu-api.ts";
import { card, header, plain } from "./cards/elements.ts";
import { renderReply } from "./cards/render-card.ts";
import { localeOfReply } from "./i18n.ts";
import { sendImages } from "./send-files.ts";

/**
 * The pause between two sends of a batch (the morning list to every rep, the weekly summary).
 * Feishu limits a bot to 5 messages per second to one person or one chat, and an app to about
 * 50 per second for the message API as a whole. One send every 200 ms is 5 per second: a batch
 * stays within the per-chat limit even if every message went to the same chat, and leaves most
 * of the app's budget to the bot's answers to people typing meanwhile (and to a second job
 * process sharing the queue). 1,000 reps take about 3½ minutes.
 */
export const FEISHU_MIN_INTERVAL_MS = 200;

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
    minIntervalMs: FEISHU_MIN_INTERVAL_MS,
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
