import * as lark from "@larksuiteoapi/node-sdk";
import { describe, expect, it } from "vitest";
import { commandForAction } from "../../adapters/feishu/cards/action-value.ts";
import { parseCommand } from "../../src/commands/parse.ts";
import { parseMessageEvent } from "../../adapters/feishu/events/parse-message.ts";
import { decrypt, verifyWebhook } from "../../adapters/feishu/webhook/verify.ts";
import { encrypt, messageEvent, webhookRequest } from "../support/feishu-webhook.ts";

/** The event as the SDK hands it to a handler: header and event flattened. */
function flattened(payload: ReturnType<typeof messageEvent>) {
  return { ...payload.header, ...payload.event };
}

const base = { tenantKey: "t1", openId: "ou_me", chatId: "oc_1" };

describe("reading a message event", () => {
  it("takes a direct message as it is", () => {
    const parsed = parseMessageEvent(flattened(messageEvent({ ...base, text: "  客户 新增 佛山 ", eventId: "ev1", messageId: "om1" })), "ou_bot");
    expect(parsed).toEqual({ kind: "command", text: "客户 新增 佛山", eventId: "ev1", messageId: "om1", tenantKey: "t1", openId: "ou_me", chatId: "oc_1", chatType: "p2p", mentioned: [] });
  });

  it("answers in a group only when the bot is mentioned, removes that mention and turns others into <@open_id>", () => {
    const mentions = [{ key: "@_user_1", openId: "ou_bot", name: "CRM" }, { key: "@_user_2", openId: "ou_li", name: "小李" }];
    const addressed = parseMessageEvent(flattened(messageEvent({ ...base, chatType: "group", text: "@_user_1 role @_user_2 director", mentions })), "ou_bot");
    expect(addressed).toMatchObject({ kind: "command", text: "role <@ou_li> director", chatType: "group", mentioned: [{ openId: "ou_li", name: "小李" }] });
    const notToMe = parseMessageEvent(flattened(messageEvent({ ...base, chatType: "group", text: "@_user_2 see you", mentions: [mentions[1]!] })), "ou_bot");
    expect(notToMe).toEqual({ kind: "unsupported", reason: "not_addressed_to_bot" });
    const plain = parseMessageEvent(flattened(messageEvent({ ...base, chatType: "group", text: "list" })), "ou_bot");
    expect(plain).toEqual({ kind: "unsupported", reason: "not_addressed_to_bot" });
    const everyone = parseMessageEvent(flattened(messageEvent({ ...base, chatType: "group", text: "@_all list", mentions: [{ key: "@_all", openId: "", name: "所有人" }] })), "ou_bot");
    expect(everyone).toMatchObject({ kind: "unsupported" });
  });

  it("without the bot's open_id, takes the mention the message starts with", () => {
    const mentions = [{ key: "@_user_1", openId: "ou_unknown_bot", name: "CRM" }, { key: "@_user_2", openId: "ou_li", name: "小李" }];
    const parsed = parseMessageEvent(flattened(messageEvent({ ...base, chatType: "group", text: "@_user_1 show @_user_2", mentions })), undefined);
    expect(parsed).toMatchObject({ kind: "command", text: "show <@ou_li>" });
  });

  it("reads rich text and refuses what is not text, not from a person, or not an event at all", () => {
    const post = JSON.stringify({ title: "", content: [[{ tag: "at", user_id: "@_user_1" }, { tag: "text", text: " log #3 call " }], [{ tag: "text", text: "second line" }]] });
    const mentions = [{ key: "@_user_1", openId: "ou_bot", name: "CRM" }];
    expect(parseMessageEvent(flattened(messageEvent({ ...base, chatType: "group", messageType: "post", content: post, mentions })), "ou_bot")).toMatchObject({ kind: "command", text: "log #3 call \nsecond line" });
    expect(parseMessageEvent(flattened(messageEvent({ ...base, messageType: "sticker", content: "{}" })), "ou_bot")).toEqual({ kind: "unsupported", reason: "not_text" });
    expect(parseMessageEvent(flattened(messageEvent({ ...base, content: "not json" })), "ou_bot")).toEqual({ kind: "unsupported", reason: "not_text" });
    const fromApp = flattened(messageEvent({ ...base, text: "help" }));
    fromApp.sender.sender_type = "app";
    expect(parseMessageEvent(fromApp, "ou_bot")).toEqual({ kind: "unsupported", reason: "not_from_a_person" });
    expect(parseMessageEvent({ nonsense: true }, "ou_bot")).toEqual({ kind: "unsupported", reason: "malformed" });
    expect(parseMessageEvent(null, "ou_bot")).toEqual({ kind: "unsupported", reason: "malformed" });
  });
});

describe("reading a card action", () => {
  it("turns buttons, menus, prompts and forms into command lines", () => {
    expect(commandForAction({ value: { k: "run", c: "snooze #1 1d" } })).toMatchObject({ kind: "command", line: "snooze #1 1d" });
    expect(commandForAction({ value: { k: "choose" }, option: "grade #1 A" })).toMatchObject({ kind: "command", line: "grade #1 A" });
    expect(commandForAction({ value: { k: "choose" } })).toEqual({ kind: "invalid" });
    // The note arrives at the core exactly as typed, whatever quotes or `=` it holds.
    for (const note of ['he said "ok" price=5', "it's 5\" wide\nsecond line", "“引号”和「括号」"]) {
      const prompt = commandForAction({ value: { k: "prompt", c: "log #1 call", i: "note_0" }, form_value: { note_0: note } });
      if (prompt.kind !== "command") throw new Error("expected a command");
      expect(parseCommand(prompt.line).restAfter(2)).toBe(note);
    }
    expect(commandForAction({ value: { k: "prompt", c: "log #1 call", i: "note_0" }, form_value: { note_0: " " } })).toMatchObject({ kind: "empty" });
    expect(commandForAction({ value: { k: "form", c: "add", f: 1 }, form_value: { company: "Acme Ltd", mobile: "", note: "a b" } })).toMatchObject({ line: 'add company="Acme Ltd" note="a b" force=yes' });
    for (const value of [undefined, "run", { k: "run" }, { k: "drop" }, { k: "run", c: "" }]) expect(commandForAction({ value })).toEqual({ kind: "invalid" });
  });
});

describe("checking a webhook request", () => {
  const secrets = { encryptKey: "k3y", verificationToken: "tok" };
  const payload = messageEvent({ ...base, text: "help", token: "tok" });

  it("decrypts what the SDK decrypts, and signs as the SDK checks", () => {
    const encrypted = encrypt('{"hello":"世界"}', "k3y");
    expect(decrypt(encrypted, "k3y")).toBe('{"hello":"世界"}');
    expect(new lark.AESCipher("k3y").decrypt(encrypted)).toBe('{"hello":"世界"}');
    const request = webhookRequest(payload, secrets);
    const dispatcher = new lark.EventDispatcher({ encryptKey: "k3y", loggerLevel: lark.LoggerLevel.error });
    const asReceived = Object.assign(Object.create({ headers: request.headers }), JSON.parse(request.body));
    expect(dispatcher.requestHandle!.checkIsEventValidated(asReceived)).toBe(true);
    expect(verifyWebhook(request.body, request.headers, secrets)).toMatchObject({ kind: "event", payload: { header: { event_type: "im.message.receive_v1" } } });
  });

  it("takes a signed request only within 5 minutes of its timestamp, by the clock it is given", () => {
    const at = Date.UTC(2026, 10, 23, 2, 0, 0);
    const request = webhookRequest(payload, secrets, { timestamp: String(at / 1000) });
    const checkAt = (ms: number) => verifyWebhook(request.body, request.headers, secrets, () => ms);
    for (const offset of [0, 5 * 60_000, -5 * 60_000]) expect(checkAt(at + offset).kind, String(offset)).toBe("event");
    for (const offset of [5 * 60_000 + 1_000, -(5 * 60_000 + 1_000), 86_400_000]) {
      expect(checkAt(at + offset), String(offset)).toEqual({ kind: "rejected", status: 401, reason: expect.stringContaining("timestamp") });
    }
    // The timestamp is signed: moving it forward breaks the signature instead.
    const moved = { ...request.headers, "x-lark-request-timestamp": String(at / 1000 + 600) };
    expect(verifyWebhook(request.body, moved, secrets, () => at + 600_000)).toMatchObject({ kind: "rejected", reason: "bad or missing signature" });
    // Unsigned requests (no encrypt key) carry no signed timestamp and are not held to it.
    const plain = webhookRequest(payload, { verificationToken: "tok" });
    expect(verifyWebhook(plain.body, plain.headers, { verificationToken: "tok" }, () => at + 86_400_000).kind).toBe("event");
  });

  it("refuses instead of throwing", () => {
    expect(() => decrypt("AAAA", "k3y")).toThrow();
    for (const body of ["", "{", "null", "42", '"s"', '{"encrypt":1}', '{"encrypt":"AAAA"}']) {
      expect(verifyWebhook(body, {}, secrets).kind, body).toBe("rejected");
    }
  });
});
