import { createHash } from "node:crypto";
import type * as lark from "@larksuiteoapi/node-sdk";
import { SendError } from "../../../src/ports/outbound.ts";
import { bodyError, toSendError } from "./send-errors.ts";

export type ReceiveIdType = "open_id" | "chat_id";

export interface OutgoingMessage {
  msgType: "interactive" | "image" | "text" | "file";
  /** The message content as Feishu wants it: a JSON string (`{"image_key":…}`, a card…). */
  content: string;
}

/**
 * The Open API calls the adapter makes, each failing with a SendError (retryable or not) so
 * callers decide what to do without knowing Feishu's error codes.
 */
export interface FeishuApi {
  send(receiveIdType: ReceiveIdType, receiveId: string, message: OutgoingMessage, idempotencyKey: string): Promise<string>;
  reply(messageId: string, message: OutgoingMessage, idempotencyKey: string): Promise<string>;
  /** Replaces the card of a message the bot sent (a callback that outlived its 3 seconds). */
  patchCard(messageId: string, card: object): Promise<void>;
  uploadImage(data: Buffer): Promise<string>;
  /** The person's name in the tenant's directory; undefined when the app may not read it. */
  userName(openId: string): Promise<string | undefined>;
  /** The bot's own open_id, to tell a mention of the bot from a mention of someone else. */
  botOpenId(): Promise<string | undefined>;
}

/** Feishu's `uuid` is at most 50 characters: longer keys are replaced by a stable hash. */
export function feishuUuid(key: string): string {
  return key.length <= 50 && /^[\x21-\x7e]+$/.test(key) ? key : `k${createHash("sha256").update(key).digest("hex").slice(0, 48)}`;
}

export function createFeishuApi(client: lark.Client): FeishuApi {
  async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await run();
    } catch (error) {
      throw toSendError(error, what);
    }
    const failure = bodyError(result, what);
    if (failure) throw failure;
    return result;
  }

  function messageIdOf(body: { data?: { message_id?: string } } | null | undefined, what: string): string {
    const id = body?.data?.message_id;
    if (!id) throw new SendError(`${what}: no message_id in the answer`, false);
    return id;
  }

  return {
    async send(receiveIdType, receiveId, message, idempotencyKey) {
      const body = await call("message.create", () =>
        client.im.v1.message.create({
          params: { receive_id_type: receiveIdType },
          data: { receive_id: receiveId, msg_type: message.msgType, content: message.content, uuid: feishuUuid(idempotencyKey) },
        }),
      );
      return messageIdOf(body, "message.create");
    },

    async reply(messageId, message, idempotencyKey) {
      const body = await call("message.reply", () =>
        client.im.v1.message.reply({
          path: { message_id: messageId },
          data: { msg_type: message.msgType, content: message.content, uuid: feishuUuid(idempotencyKey) },
        }),
      );
      return messageIdOf(body, "message.reply");
    },

    async patchCard(messageId, card) {
      await call("message.patch", () => client.im.v1.message.patch({ path: { message_id: messageId }, data: { content: JSON.stringify(card) } }));
    },

    async uploadImage(data) {
      const body = await call("image.create", () => client.im.v1.image.create({ data: { image_type: "message", image: data } }));
      if (!body?.image_key) throw new SendError("image.create: no image_key in the answer", false);
      return body.image_key;
    },

    async userName(openId) {
      const body = await call("contact.user.get", () =>
        client.contact.v3.user.get({ path: { user_id: openId }, params: { user_id_type: "open_id" } }),
      );
      const name = body?.data?.user?.name?.trim();
      return name ? name : undefined;
    },

    async botOpenId() {
      const body = await call("bot.info", () => client.request<{ code?: number; bot?: { open_id?: string } }>({ method: "GET", url: "/open-apis/bot/v3/info" }));
      return body?.bot?.open_id || undefined;
    },
  };
}
