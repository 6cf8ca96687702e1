import { describe, expect, it } from "vitest";
import { useFeishu } from "../feishu/support.ts";
import { cardActionEvent, encrypt, messageEvent, postWebhook, sign, webhookRequest } from "../support/feishu-webhook.ts";

/**
 * Malformed and unexpected Feishu bodies, through the real webhook endpoint: what is not a
 * Feishu request gets 4xx; what is signed and well-formed but not understood (an event the app
 * did not subscribe to, a legacy callback, an event with holes) gets 200 and is dropped; nothing
 * throws out of a request, and the bot answers the next message as usual.
 */
const h = useFeishu();
const TOKEN = "test-verification-token";
const rep = h.person("ou_hostile");

const header = (type: string) => ({ event_id: `ev_${type}_${Math.random().toString(36).slice(2)}`, event_type: type, create_time: String(Date.now()), token: TOKEN, app_id: "cli_a1b2c3d4e5f60718", tenant_key: "tenant-a" });

describe("bodies that are not Feishu requests", () => {
  it("are refused with 4xx and write nothing", async () => {
    const key = h.secrets.encryptKey!;
    const signed = (body: string, timestamp = String(Math.floor(Date.now() / 1000))) => ({
      body,
      headers: { "content-type": "application/json", "x-lark-request-timestamp": timestamp, "x-lark-request-nonce": "n", "x-lark-signature": sign(timestamp, "n", key, body) },
    });
    const encrypted = (plain: string) => JSON.stringify({ encrypt: encrypt(plain, key) });
    const cases: [string, { body: string; headers: Record<string, string> }, number][] = [
      ["not JSON", signed("{{{"), 400],
      ["a JSON array", signed("[]"), 400],
      ["JSON null", signed("null"), 400],
      ["encrypt: null", signed(JSON.stringify({ encrypt: null })), 400],
      ["encrypt that does not decrypt", signed(JSON.stringify({ encrypt: "AAAA" })), 400],
      ["encrypted null", signed(encrypted("null")), 400],
      ["encrypted garbage", signed(encrypted("not json")), 400],
      ["signed 6 minutes in the future", signed(encrypted(JSON.stringify(messageEvent({ tenantKey: "t", openId: "ou_x", chatId: "oc_x", text: "add FutureCo", token: TOKEN }))), String(Math.floor(Date.now() / 1000) + 360)), 401],
      ["signed 6 minutes ago", signed(encrypted(JSON.stringify(messageEvent({ tenantKey: "t", openId: "ou_x", chatId: "oc_x", text: "add PastCo", token: TOKEN }))), String(Math.floor(Date.now() / 1000) - 360)), 401],
      ["a wrong verification token", webhookRequest({ schema: "2.0", header: { ...header("im.message.receive_v1"), token: "nope" }, event: {} }, h.secrets), 401],
    ];
    const before = await h.t.db.prisma.customer.count();
    for (const [name, request, status] of cases) expect((await postWebhook(h.url, request)).status, name).toBe(status);
    expect(await h.t.db.prisma.customer.count()).toBe(before);
  });
});

describe("signed bodies the app does not understand", () => {
  it("are acknowledged with 200 and dropped, sending nothing", async () => {
    const sends = h.fake.sentMessages().length;
    const message = messageEvent({ tenantKey: "tenant-a", openId: "ou_x", chatId: "oc_x", text: "add HoleCo", token: TOKEN });
    const card = cardActionEvent({ tenantKey: "tenant-a", openId: "ou_x", messageId: "om_x", chatId: "oc_x", value: { c: "show #1" }, token: TOKEN });
    const payloads: [string, object][] = [
      ["an event the app did not subscribe to", { schema: "2.0", header: header("im.chat.member.bot.added_v1"), event: { chat_id: "oc_x", operator_id: { open_id: "ou_x" } } }],
      ["a schema 1.0 (legacy) event", { uuid: "u-legacy", token: TOKEN, ts: "1608725989.000", type: "event_callback", event: { type: "message", msg_type: "text", text: "add LegacyCo", open_id: "ou_x", open_chat_id: "oc_x" } }],
      ["a legacy card callback", { open_id: "ou_x", user_id: "u", open_message_id: "om_x", tenant_key: "tenant-a", token: TOKEN, action: { value: { c: "add LegacyCardCo" }, tag: "button" } }],
      ["a schema 2.0 event without a header type", { schema: "2.0", header: { token: TOKEN }, event: {} }],
      ["a message event with no event", { schema: "2.0", header: header("im.message.receive_v1") }],
      ["a message event with event: null", { schema: "2.0", header: header("im.message.receive_v1"), event: null }],
      ["a message with message: null", { ...message, header: header("im.message.receive_v1"), event: { ...message.event, message: null } }],
      ["a message whose content is not JSON", { ...message, header: header("im.message.receive_v1"), event: { ...message.event, message: { ...message.event.message, message_id: "om_h1", content: "{{" } } }],
      ["a message whose content is null", { ...message, header: header("im.message.receive_v1"), event: { ...message.event, message: { ...message.event.message, message_id: "om_h2", content: "null" } } }],
      ["a message whose mentions are null", { ...message, header: header("im.message.receive_v1"), event: { ...message.event, message: { ...message.event.message, message_id: "om_h3", chat_type: "group", mentions: null } } }],
      ["a message without a sender", { ...message, header: header("im.message.receive_v1"), event: { ...message.event, sender: null, message: { ...message.event.message, message_id: "om_h4" } } }],
      ["an image message", { ...message, header: header("im.message.receive_v1"), event: { ...message.event, message: { ...message.event.message, message_id: "om_h5", message_type: "image", content: JSON.stringify({ image_key: "img_x" }) } } }],
      ["a card callback with action: null", { ...card, header: header("card.action.trigger"), event: { ...card.event, action: null } }],
      ["a card callback with a value that is not ours", { ...card, header: header("card.action.trigger"), event: { ...card.event, action: { tag: "button", value: { anything: [1, 2] } } } }],
      ["a card callback without an operator", { ...card, header: header("card.action.trigger"), event: { ...card.event, operator: null } }],
    ];
    for (const [name, payload] of payloads) {
      const answer = await h.post(payload);
      expect(answer.status, name).toBe(200);
    }
    await h.adapter.idle();
    const written = await h.t.db.prisma.customer.count({ where: { company: { in: ["HoleCo", "LegacyCo", "LegacyCardCo"] } } });
    expect(written).toBe(0);
    // No handler threw (the SDK may still log a contact lookup the fake refuses).
    expect(h.logs.filter((l) => l.level === "error" && l.message.startsWith("feishu:")).map((l) => l.message)).toEqual([]);
    // Answers go only to refusals a person can read (a card callback's toast); no message was sent for any of these.
    expect(h.fake.sentMessages().slice(sends).filter((c) => c.body.receive_id === "oc_x" || c.body.receive_id === "ou_x")).toEqual([]);
  });

  it("after all of it, the bot still answers a message", async () => {
    const answer = await rep.say("add FeishuSurvivor");
    expect(answer?.text).toMatch(/FeishuSurvivor/);
  });
});
