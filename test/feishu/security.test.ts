import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cardActionEvent, challengeRequest, encrypt, messageEvent, postWebhook, sign, webhookRequest } from "../support/feishu-webhook.ts";
import { useFeishu } from "./support.ts";

const h = useFeishu();
const rep = h.person("ou_sec_rep", { name: "小钱" });

const addEvent = (company: string) =>
  messageEvent({ tenantKey: rep.tenantKey, openId: rep.openId, chatId: rep.chatId, text: `add ${company}`, token: h.secrets.verificationToken! });

async function expectNothingHappened(before: { sends: number; customers: number }) {
  await h.adapter.idle();
  expect(h.fake.sentMessages().length).toBe(before.sends);
  expect(await h.t.db.prisma.customer.count()).toBe(before.customers);
}

/** Encrypted with the app's key but signed with another one. */
function signedWith(key: string, payload: object) {
  const request = webhookRequest(payload, h.secrets);
  const { "x-lark-request-timestamp": ts, "x-lark-request-nonce": nonce } = request.headers;
  return { ...request, headers: { ...request.headers, "x-lark-signature": sign(ts!, nonce!, key, request.body) } };
}

async function snapshot() {
  return { sends: h.fake.sentMessages().length, customers: await h.t.db.prisma.customer.count() };
}

describe("requests that are not from Feishu", () => {
  it("are refused with an error status, change nothing, and the bot keeps serving", async () => {
    const before = await snapshot();
    const raw = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) => postWebhook(h.url, { body, headers });
    const refused = [
      ["forged signature", await h.post(addEvent("伪造签名"), { signature: "0".repeat(64) }), 401],
      ["no signature", await h.post(addEvent("没有签名"), { signature: null }), 401],
      ["signed with another key", await postWebhook(h.url, signedWith("not-the-key", addEvent("错误签名"))), 401],
      ["encrypted with another key", await h.post(addEvent("错误密钥"), { encryptWith: "someone-elses-key" }), 400],
      ["not encrypted", await h.post(addEvent("未加密"), { plain: true }), 400],
      ["garbage", await raw("\u0000\u0001 not json {"), 400],
      ["empty", await raw(""), 400],
      ["a JSON array", await raw("[1,2,3]"), 400],
      ["encrypt that is not base64 AES", await raw(JSON.stringify({ encrypt: "%%% definitely not base64 %%%" })), 400],
      ["encrypt of random bytes", await raw(JSON.stringify({ encrypt: randomBytes(64).toString("base64") })), 400],
      ["encrypted but not JSON inside", await raw(JSON.stringify({ encrypt: encrypt("not json", h.secrets.encryptKey!) })), 400],
      ["the wrong verification token", await h.post({ ...addEvent("错误令牌"), header: { ...addEvent("x").header, token: "wrong" } }), 401],
    ] as const;
    for (const [what, response, status] of refused) {
      expect(response.status, what).toBe(status);
      expect(response.json, what).toHaveProperty("error");
    }
    await expectNothingHappened(before);

    const good = await h.post(addEvent("正常公司"));
    expect(good.status).toBe(200);
    await h.adapter.idle();
    expect(h.fake.sentMessages().length).toBe(before.sends + 1);
    expect(await h.t.db.prisma.customer.count({ where: { company: "正常公司" } })).toBe(1);
    expect(h.logs.filter((l) => l.level === "warn" && l.message.includes("refused")).length).toBeGreaterThanOrEqual(refused.length);
  });

  it("refuses a signed request whose timestamp is more than 5 minutes old or ahead (a replay), and writes nothing", async () => {
    const before = await snapshot();
    const seconds = (offsetMs: number) => String(Math.floor((Date.now() + offsetMs) / 1000));
    // Validly encrypted and signed, the token right: only the timestamp gives the replay away.
    const old = await h.post(addEvent("重放公司"), { timestamp: seconds(-6 * 60_000) });
    const ahead = await h.post(addEvent("未来公司"), { timestamp: seconds(6 * 60_000) });
    const garbage = await h.post(addEvent("乱码时间公司"), { timestamp: "yesterday" });
    for (const response of [old, ahead, garbage]) {
      expect(response.status).toBe(401);
      expect(response.json.error).toMatch(/timestamp/);
    }
    await expectNothingHappened(before);

    const recent = await h.post(addEvent("近期公司"), { timestamp: seconds(-60_000) });
    expect(recent.status).toBe(200);
    await h.adapter.idle();
    expect(await h.t.db.prisma.customer.count({ where: { company: "近期公司" } })).toBe(1);
  });

  it("refuses a forged card callback", async () => {
    const sent = (await rep.say("add 回调公司"))!;
    const n = Number(/#(\d+)/.exec(sent.text)![1]);
    const click = cardActionEvent({ tenantKey: rep.tenantKey, openId: rep.openId, messageId: sent.messageId, chatId: rep.chatId, value: { k: "run", c: `won #${n}` }, token: h.secrets.verificationToken! });
    expect((await h.post(click, { signature: "f".repeat(64) })).status).toBe(401);
    expect((await h.post(click, { encryptWith: "nope" })).status).toBe(400);
    const customer = await h.t.db.prisma.customer.findFirstOrThrow({ where: { company: "回调公司" } });
    expect(customer.stage).toBe("potential");
    expect((await h.post(click)).json.toast.type).toBe("success");
  });

  it("refuses a body over 1 MB with 413", async () => {
    const response = await postWebhook(h.url, { body: JSON.stringify({ encrypt: "A".repeat(1_100_000) }), headers: { "content-type": "application/json" } });
    expect(response.status).toBe(413);
  });

  it("answers the URL-verification challenge (encrypted, unsigned as Feishu sends it), only with the right token", async () => {
    const ok = await h.post(challengeRequest("c-123", h.secrets.verificationToken), { signature: null });
    expect(ok).toMatchObject({ status: 200, json: { challenge: "c-123" } });
    expect((await h.post(challengeRequest("c-456", "wrong"), { signature: null })).status).toBe(401);
    expect((await h.post(challengeRequest("c-789", h.secrets.verificationToken), { plain: true })).status).toBe(400);
    expect((await h.post(challengeRequest("c-000", h.secrets.verificationToken), { signature: "0".repeat(64) })).status).toBe(401);
  });
});

describe("without an encrypt key", () => {
  const plain = useFeishu({ secrets: { verificationToken: "only-a-token" } });
  const person = plain.person("ou_plain", { name: "小冯" });

  it("takes plain JSON events, checks the verification token, and refuses encrypted bodies it cannot read", async () => {
    const event = (token: string) => messageEvent({ tenantKey: person.tenantKey, openId: person.openId, chatId: person.chatId, text: "add 明文公司", token });
    expect((await plain.post(event("wrong"))).status).toBe(401);
    expect((await postWebhook(plain.url, webhookRequest(event("only-a-token"), { encryptKey: "k" }))).status).toBe(400);
    expect((await plain.post(challengeRequest("c-plain", "only-a-token"))).json).toEqual({ challenge: "c-plain" });
    expect((await plain.post(event("only-a-token"))).status).toBe(200);
    await plain.adapter.idle();
    expect(await plain.t.db.prisma.customer.count({ where: { company: "明文公司" } })).toBe(1);
  });
});
