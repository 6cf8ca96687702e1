import * as lark from "@larksuiteoapi/node-sdk";
import { describe, expect, it } from "vitest";
import { createFeishuAdapter } from "../../adapters/feishu/index.ts";
import { resolveDomain } from "../../adapters/feishu/api/lark-client.ts";
import type { Crm } from "../../src/crm/crm.ts";
import { card, cardReply } from "../../src/reply.ts";
import { APP_ID, findButton, toSentCard, useFeishu } from "./support.ts";

describe("the domain", () => {
  it("maps feishu and lark to the SDK's domains and keeps anything else as a base URL", () => {
    expect(resolveDomain(undefined)).toBe(lark.Domain.Feishu);
    expect(resolveDomain("feishu")).toBe(lark.Domain.Feishu);
    expect(resolveDomain("Lark")).toBe(lark.Domain.Lark);
    expect(resolveDomain("http://127.0.0.1:8080/")).toBe("http://127.0.0.1:8080");
  });
});

// A CRM whose `won` takes longer than the callback budget: the card is answered "working" and
// updated afterwards, as Feishu allows once the callback has been answered.
const slow = (crm: Crm): Crm => ({
  ...crm,
  execute: async (identity, line, options) => {
    if (line.startsWith("won")) await new Promise((r) => setTimeout(r, 400));
    return crm.execute(identity, line, options);
  },
});
const h = useFeishu({ adapter: (t) => ({ crm: slow(t.crm), callbackBudgetMs: 100 }) });

describe("a card callback slower than Feishu's 3 seconds", () => {
  it("answers at once with a toast and replaces the card when the command is done", async () => {
    const rep = h.person("ou_slow", { name: "小慢" });
    const sent = (await rep.say("add 慢回调公司"))!;
    const n = Number(/#(\d+)/.exec(sent.text)![1]);
    expect(findButton(sent.card, "标记成交")).toBeDefined();
    const answer = await rep.click(sent, "标记成交");
    expect(answer.json).toEqual({ toast: { type: "info", content: "正在处理……", i18n: { zh_cn: "正在处理……", en_us: "Working on it…" } } });
    const [patch] = h.fake.callsTo("PATCH", `/open-apis/im/v1/messages/${sent.messageId}`);
    const updated = JSON.parse(patch!.body.content);
    expect(updated.header).toMatchObject({ title: { content: `#${n} 慢回调公司` }, subtitle: { content: "成交客户" } });
    expect((await h.t.db.prisma.customer.findFirstOrThrow({ where: { company: "慢回调公司" } })).stage).toBe("won");
  });
});

describe("a slow click on a card in a group", () => {
  it("answers “working”, then sends the card to the person privately instead of updating the group's", async () => {
    const rep = h.person("ou_slow_group", { name: "小缓" });
    const n = Number(/#(\d+)/.exec((await rep.say("add 慢群公司"))!.text)![1]);
    // A card in a group chat: what a job posts to one (the weekly summary in the directors' group).
    const posted = await h.adapter.outbound.sendToChannel(
      { workspaceId: rep.tenantKey, channelId: "oc_slow_group" },
      cardReply("周报", [card(`#${n} 慢群公司`, { actions: [{ kind: "run", label: "标记成交", command: `won #${n}` }] })]),
      "slow-group-card",
    );
    const inGroup = toSentCard(h.fake.sentMessages().find((c) => c.response?.data?.message_id === posted.messageId)!);
    expect(inGroup.chatId).toBe("oc_slow_group");
    const before = h.fake.sentMessages().length;
    const answer = await rep.click(inGroup, "标记成交");
    expect(answer.json.toast.content).toBe("正在处理……");
    expect(h.fake.callsTo("PATCH", `/open-apis/im/v1/messages/${posted.messageId}`)).toEqual([]);
    const sent = h.newSends(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.call.body.receive_id).toBe(rep.openId);
    expect(sent[0]!.card.header.subtitle.content).toBe("成交客户");
  });
});

describe("long-connection mode", () => {
  it("serves no HTTP route and opens the SDK's long connection at the configured domain", async () => {
    h.fake.respond("POST", "/callback/ws/endpoint", { body: { code: 1000040350, msg: "app not allowed in tests", data: {} }, times: 10 });
    const logs: string[] = [];
    const adapter = createFeishuAdapter({
      crm: h.t.crm, appId: APP_ID, appSecret: "ws-secret", mode: "ws", domain: h.fake.url,
      logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
    });
    expect(adapter.routes).toEqual([]);
    await adapter.start();
    await h.fake.waitFor((calls) => calls.some((c) => c.path === "/callback/ws/endpoint"));
    const [connect] = h.fake.callsTo("POST", "/callback/ws/endpoint");
    expect(connect!.body).toMatchObject({ AppID: APP_ID, AppSecret: "ws-secret" });
    await adapter.stop();
  });
});
