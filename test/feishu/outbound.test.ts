import { describe, expect, it } from "vitest";
import { createFeishuAdapter } from "../../adapters/feishu/index.ts";
import { SendError } from "../../src/ports/outbound.ts";
import { card, cardReply, textReply } from "../../src/reply.ts";
import type { MultipartBody } from "../support/fake-feishu-api.ts";
import { APP_ID, textOf, useFeishu } from "./support.ts";

const h = useFeishu();
const digest = cardReply("今天要联系 2 个客户。", [
  card("#1 佛山拓鑫电器", { subtitle: "潜在客户 B级", sections: [{ title: "", items: ["电话：今天"] }], actions: [{ kind: "run", label: "推迟 1 天", command: "snooze #1 1d" }] }),
  card("#2 顺德厨具", { subtitle: "意向客户 A级", sections: [{ title: "", items: ["短信：逾期 2 天"] }] }),
]);
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

async function failure(promise: Promise<unknown>): Promise<SendError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SendError);
  return error as SendError;
}

describe("the outbound port (scheduled jobs)", () => {
  it("sends a direct message by open_id as an interactive card, with the idempotency key as uuid", async () => {
    h.fake.reset();
    const result = await h.adapter.outbound.sendToUser({ workspaceId: "tenant-a", userId: "ou_someone" }, digest, "digest:2026-11-23:ou_someone");
    const [call] = h.fake.callsTo("POST", "/open-apis/im/v1/messages");
    expect(result.messageId).toBe(call!.response.data.message_id);
    expect(call!.query).toEqual({ receive_id_type: "open_id" });
    expect(call!.body).toMatchObject({ receive_id: "ou_someone", msg_type: "interactive", uuid: "digest:2026-11-23:ou_someone" });
    const sent = JSON.parse(call!.body.content);
    expect(sent.schema).toBe("2.0");
    expect(sent.header.title.content).toBe("今天要联系 2 个客户。");
    expect(textOf(sent)).toContain("#1 佛山拓鑫电器");
    expect(textOf(sent)).toContain("#2 顺德厨具");
    expect(h.adapter.outbound.platform).toBe("feishu");
  });

  it("sends to a chat by chat_id; a retry with the same key is the same message", async () => {
    h.fake.reset();
    const target = { workspaceId: "tenant-a", channelId: "oc_directors" };
    const first = await h.adapter.outbound.sendToChannel(target, textReply("周报"), "weekly:2026-W48:oc_directors");
    const again = await h.adapter.outbound.sendToChannel(target, textReply("周报"), "weekly:2026-W48:oc_directors");
    const calls = h.fake.callsTo("POST", "/open-apis/im/v1/messages");
    expect(calls.map((c) => [c.query.receive_id_type, c.body.receive_id])).toEqual([["chat_id", "oc_directors"], ["chat_id", "oc_directors"]]);
    expect(again.messageId).toBe(first.messageId);
  });

  it("hashes a key longer than Feishu's 50-character uuid, the same way every time", async () => {
    h.fake.reset();
    const key = `weekly-summary:2026-W48:${"x".repeat(80)}`;
    await h.adapter.outbound.sendToUser({ workspaceId: "tenant-a", userId: "ou_a" }, textReply("hi"), key);
    await h.adapter.outbound.sendToUser({ workspaceId: "tenant-a", userId: "ou_a" }, textReply("hi"), key);
    const [a, b] = h.fake.callsTo("POST", "/open-apis/im/v1/messages").map((c) => c.body.uuid as string);
    expect(a!.length).toBeLessThanOrEqual(50);
    expect(b).toBe(a);
  });

  it("uploads an image, then sends it (as a titled card when it has a title)", async () => {
    h.fake.reset();
    const plain = await h.adapter.outbound.uploadImage({ workspaceId: "tenant-a", userId: "ou_a" }, { data: PNG, filename: "funnel.png" }, "chart:1");
    const titled = await h.adapter.outbound.uploadImage({ workspaceId: "tenant-a", channelId: "oc_directors" }, { data: PNG, filename: "funnel.png", title: "本周漏斗" }, "chart:2");
    const uploads = h.fake.callsTo("POST", "/open-apis/im/v1/images");
    expect(uploads).toHaveLength(2);
    const form = uploads[0]!.body as MultipartBody;
    expect(form.fields.image_type).toBe("message");
    expect(form.files.image!.data.equals(PNG)).toBe(true);
    const [first, second] = h.fake.callsTo("POST", "/open-apis/im/v1/messages");
    const key1 = uploads[0]!.response.data.image_key;
    expect(first!.body).toMatchObject({ receive_id: "ou_a", msg_type: "image", content: JSON.stringify({ image_key: key1 }), uuid: "chart:1" });
    expect(first!.query.receive_id_type).toBe("open_id");
    expect(second!.query.receive_id_type).toBe("chat_id");
    expect(second!.body.msg_type).toBe("interactive");
    const titledCard = JSON.parse(second!.body.content);
    expect(titledCard.header.title.content).toBe("本周漏斗");
    expect(titledCard.body.elements[0]).toMatchObject({ tag: "img", img_key: uploads[1]!.response.data.image_key });
    expect(plain.messageId).toBeTruthy();
    expect(titled.messageId).toBeTruthy();
  });

  it("says when to retry: HTTP 429 (with Feishu's reset header), the frequency-limit codes, 5xx", async () => {
    const send = () => h.adapter.outbound.sendToUser({ workspaceId: "tenant-a", userId: "ou_a" }, textReply("hi"), "k");
    h.fake.respond("POST", "/open-apis/im/v1/messages", { status: 429, headers: { "x-ogw-ratelimit-reset": "3" }, body: { code: 99991400, msg: "request trigger frequency limit" } });
    expect(await failure(send())).toMatchObject({ retryable: true, retryAfterMs: 3_000 });
    h.fake.respond("POST", "/open-apis/im/v1/messages", { status: 429, headers: { "retry-after": "2" }, body: {} });
    expect(await failure(send())).toMatchObject({ retryable: true, retryAfterMs: 2_000 });
    h.fake.respond("POST", "/open-apis/im/v1/messages", { status: 400, body: { code: 230020, msg: "This operation triggers the frequency limit." } });
    expect(await failure(send())).toMatchObject({ retryable: true });
    // 99991400 is "request trigger frequency limit" in Feishu's server error codes.
    h.fake.respond("POST", "/open-apis/im/v1/messages", { status: 400, body: { code: 99991400, msg: "request trigger frequency limit" } });
    expect(await failure(send())).toMatchObject({ retryable: true });
    h.fake.respond("POST", "/open-apis/im/v1/messages", { status: 503, body: { code: 1, msg: "unavailable" } });
    expect(await failure(send())).toMatchObject({ retryable: true });
  });

  it("says when not to: no permission, bad content, a user the bot cannot reach — also when Feishu answers 200 with a code", async () => {
    const send = () => h.adapter.outbound.sendToUser({ workspaceId: "tenant-a", userId: "ou_a" }, textReply("hi"), "k");
    for (const [status, code] of [[400, 99991401], [400, 230001], [400, 230002], [400, 230013], [400, 230027], [403, 99991672], [200, 230025]] as const) {
      h.fake.respond("POST", "/open-apis/im/v1/messages", { status, body: { code, msg: `error ${code}` } });
      const error = await failure(send());
      expect(error.retryable, String(code)).toBe(false);
      expect(error.message).toContain(String(code));
    }
    h.fake.respond("POST", "/open-apis/im/v1/images", { status: 400, body: { code: 234011, msg: "image too large" } });
    expect(await failure(h.adapter.outbound.uploadImage({ workspaceId: "t", userId: "ou_a" }, { data: PNG, filename: "x.png" }, "k"))).toMatchObject({ retryable: false });
  });

  it("paces a batch under Feishu's per-app limits (~50 a second): one budget for the app, starting at 5 a second", () => {
    const pace = h.adapter.outbound.pace!;
    expect(pace.scope).toBe("app");
    expect(pace.initialPerSecond).toBe(5);
    expect(pace.maxPerSecond).toBeLessThan(50);
  });

  it("writes its own words in the language the reply names, whatever the customers are called", async () => {
    h.fake.reset();
    const items = Array.from({ length: 35 }, (_, i) => `#${i + 1} 佛山客户${i + 1}: call today`);
    // An English rep's list whose customers have Chinese names: the names must not make it Chinese.
    const english = { ...cardReply("3 customers to contact today.", [card("#1 佛山拓鑫电器", { sections: [{ title: "", items }] }), card("#2 顺德厨具"), card("#3 中山灯饰")]), locale: "en" as const };
    await h.adapter.outbound.sendToUser({ workspaceId: "tenant-a", userId: "ou_en" }, english, "digest:en");
    // A Chinese summary whose labels happen to be Latin only.
    const chinese = { ...cardReply("KPI", [card("KPI", { sections: [{ title: "Funnel", items }] }), card("CRM")]), locale: "zh-CN" as const };
    await h.adapter.outbound.sendToChannel({ workspaceId: "tenant-a", channelId: "oc_directors" }, chinese, "weekly:zh");
    const [en, zh] = h.fake.callsTo("POST", "/open-apis/im/v1/messages").map((c) => textOf(JSON.parse(c.body.content)));
    expect(en).toContain("…and 5 more");
    expect(zh).toContain("……还有 5 项");
    // Without a language named (a message queued before replies carried one), the labels decide.
    h.fake.reset();
    await h.adapter.outbound.sendToUser({ workspaceId: "tenant-a", userId: "ou_x" }, cardReply("今天", [card("#1 客户", { sections: [{ title: "", items }] }), card("#2 客户")]), "digest:guess");
    expect(textOf(JSON.parse(h.fake.callsTo("POST", "/open-apis/im/v1/messages")[0]!.body.content))).toContain("……还有 5 项");
  });

  it("a Feishu it cannot reach is worth retrying", async () => {
    const offline = createFeishuAdapter({ crm: h.t.crm, appId: APP_ID, appSecret: "s", mode: "webhook", domain: "http://127.0.0.1:9", logger: { info() {}, warn() {}, error() {} } });
    expect(await failure(offline.outbound.sendToUser({ workspaceId: "t", userId: "ou_a" }, textReply("hi"), "k"))).toMatchObject({ retryable: true });
  });
});
