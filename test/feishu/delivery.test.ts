import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createFeishuAdapter } from "../../adapters/feishu/index.ts";
import { startHttpServer } from "../../adapters/http-server.ts";
import { messageEvent, postWebhook, webhookRequest } from "../support/feishu-webhook.ts";
import { APP_ID, useFeishu } from "./support.ts";

const h = useFeishu();
const rep = h.person("ou_dlv_rep", { name: "小孙" });

const count = (company: string) => h.t.db.prisma.customer.count({ where: { company } });
const event = (text: string, ids: { eventId: string; messageId: string }) =>
  messageEvent({ tenantKey: rep.tenantKey, openId: rep.openId, chatId: rep.chatId, text, token: h.secrets.verificationToken!, ...ids });

describe("re-delivered events", () => {
  it("the same event delivered again (Feishu's re-push) writes once and is answered once", async () => {
    const before = h.fake.sentMessages().length;
    const payload = event("add 重推公司", { eventId: "ev_repush", messageId: "om_repush" });
    for (let i = 0; i < 3; i++) expect((await h.post(payload)).status).toBe(200);
    await h.adapter.idle();
    expect(await count("重推公司")).toBe(1);
    expect(h.newSends(before)).toHaveLength(1);
  });

  it("the same message under a new event_id writes once and is answered once", async () => {
    const before = h.fake.sentMessages().length;
    await h.post(event("add 换号公司", { eventId: "ev_a", messageId: "om_same" }));
    await h.post(event("add 换号公司", { eventId: "ev_b", messageId: "om_same" }));
    await h.adapter.idle();
    expect(await count("换号公司")).toBe(1);
    expect(h.newSends(before)).toHaveLength(1);
  });

  it("copies arriving together write once", async () => {
    const before = h.fake.sentMessages().length;
    const payload = event("add 并发公司", { eventId: "ev_together", messageId: "om_together" });
    await Promise.all([1, 2, 3].map(() => h.post(payload)));
    await h.adapter.idle();
    expect(await count("并发公司")).toBe(1);
    expect(h.newSends(before)).toHaveLength(1);
  });

  it("when the answer could not be sent (429), the re-push answers — with the first reply, writing nothing more, under the same uuid", async () => {
    h.fake.respond("POST", "/open-apis/im/v1/messages", { status: 429, headers: { "x-ogw-ratelimit-reset": "1" }, body: { code: 99991400, msg: "request trigger frequency limit" } });
    const before = h.fake.sentMessages().length;
    const payload = event("add 限流公司", { eventId: "ev_limited", messageId: "om_limited" });
    await h.post(payload);
    await h.adapter.idle();
    await h.post(payload);
    await h.adapter.idle();
    const sends = h.newSends(before);
    expect(sends.map((s) => s.call.status)).toEqual([429, 200]);
    expect(sends[1]!.call.body.uuid).toBe(sends[0]!.call.body.uuid);
    expect(sends[1]!.text).toMatch(/已新增 #\d+ 限流公司。/);
    expect(await count("限流公司")).toBe(1);
  });

  it("after a restart (nothing remembered in memory) a re-push writes nothing and Feishu shows the answer once", async () => {
    const payload = event("add 重启公司", { eventId: "ev_restart", messageId: "om_restart" });
    await h.post(payload);
    await h.adapter.idle();
    const restarted = createFeishuAdapter({ crm: h.t.crm, appId: APP_ID, appSecret: "test-secret", mode: "webhook", domain: h.fake.url, ...h.secrets, logger: { info() {}, warn() {}, error() {} } });
    const server = await startHttpServer(restarted.routes, 0, "127.0.0.1");
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feishu/events`;
    const handled = await postWebhook(url, webhookRequest(payload, h.secrets));
    await restarted.idle();
    server.close();
    expect(handled.status).toBe(200);
    expect(await count("重启公司")).toBe(1);
    const answers = h.fake.sentMessages().filter((c) => c.body.uuid === "reply:om_restart");
    expect(answers).toHaveLength(2);
    // Feishu dedupes on uuid: the second send gets the first message back, so the person sees one.
    expect(answers[1]!.response.data.message_id).toBe(answers[0]!.response.data.message_id);
  });

  it("acknowledges before the command's answer is sent (Feishu re-pushes after 3 s)", async () => {
    h.fake.respond("POST", "/open-apis/im/v1/messages", { body: { code: 0, data: { message_id: "om_slow" } }, delayMs: 1_500 });
    const response = await h.post(event("add 慢速公司", { eventId: "ev_slow", messageId: "om_slow_q" }));
    expect(response.status).toBe(200);
    // Acknowledged while the answer is still on its way.
    let answered = false;
    const idle = h.adapter.idle().then(() => (answered = true));
    await Promise.resolve();
    expect(answered).toBe(false);
    await idle;
    expect(h.fake.sentMessages().at(-1)!.body.uuid).toBe("reply:om_slow_q");
  });
});

describe("repeated card callbacks", () => {
  it("a double click writes once; the same button works again after a minute", async () => {
    const sent = (await rep.say("add 双击公司"))!;
    const n = Number(/#(\d+)/.exec(sent.text)![1]);
    const customer = await h.t.db.prisma.customer.findFirstOrThrow({ where: { company: "双击公司" } });
    const first = await rep.click(sent, "记录短信", { text: "发了报价" });
    const second = await rep.click(sent, "记录短信", { text: "发了报价" });
    const sameEvent = await rep.click(sent, "记录短信", { text: "发了报价", eventId: "ev_card_dup" });
    await rep.click(sent, "记录短信", { text: "发了报价", eventId: "ev_card_dup" });
    expect(second.json).toEqual(first.json);
    expect(sameEvent.json.toast.content).toBe(`已记录 #${n} 的短信跟进。`);
    expect(await h.t.db.prisma.activity.count({ where: { customerId: customer.id } })).toBe(1);

    h.t.clock.set(new Date(h.t.clock.now.getTime() + 61_000).toISOString());
    await rep.click(sent, "记录短信", { text: "发了报价" });
    expect(await h.t.db.prisma.activity.count({ where: { customerId: customer.id } })).toBe(2);
  });
});
