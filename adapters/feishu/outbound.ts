import type { OutboundImage, OutboundMessenger, ChannelTarget, UserTarget } from "../../src/ports/outbound.ts";
import type { Reply } from "../../src/reply.ts";
import type { FeishuApi, OutgoingMessage } from "./api/feishu-api.ts";
import { card, header, plain } from "./cards/elements.ts";
import { renderReply } from "./cards/render-card.ts";
import { guessLocale } from "./i18n.ts";

/**
 * The core's outbound port on Feishu: a direct message by open_id, a message to a chat by
 * chat_id, an image. The idempotency key becomes the message `uuid`, so a retried send is shown
 * once. Failures are SendErrors that say whether a retry can help.
 */
export function createFeishuOutbound(api: FeishuApi): OutboundMessenger {
  return {
    platform: "feishu",
    async sendToUser(target, reply, idempotencyKey) {
      return { messageId: await api.send("open_id", target.userId, cardMessage(reply), idempotencyKey) };
    },
    async sendToChannel(target, reply, idempotencyKey) {
      return { messageId: await api.send("chat_id", target.channelId, cardMessage(reply), idempotencyKey) };
    },
    async uploadImage(target, image, idempotencyKey) {
      const imageKey = await api.uploadImage(image.data);
      const [type, id] = receiverOf(target);
      return { messageId: await api.send(type, id, imageMessage(imageKey, image), idempotencyKey) };
    },
  };
}

export function cardMessage(reply: Reply): OutgoingMessage {
  const labels = reply.cards.flatMap((c) => [c.title, ...c.fields.map((f) => f.label), ...c.sections.map((s) => s.title), ...c.actions.map((a) => a.label)]);
  const locale = guessLocale(labels.length > 0 ? labels : [reply.text]);
  return { msgType: "interactive", content: JSON.stringify(renderReply(reply, { locale })) };
}

function imageMessage(imageKey: string, image: OutboundImage): OutgoingMessage {
  if (!image.title) return { msgType: "image", content: JSON.stringify({ image_key: imageKey }) };
  const titled = card(header(image.title, undefined, "blue"), [{ tag: "img", img_key: imageKey, alt: plain(image.title) }], image.title);
  return { msgType: "interactive", content: JSON.stringify(titled) };
}

function receiverOf(target: UserTarget | ChannelTarget): ["open_id" | "chat_id", string] {
  return "userId" in target ? ["open_id", target.userId] : ["chat_id", target.channelId];
}
