import { describe, expect, it } from "vitest";
import { findButton, replaced, useFeishu, type SentCard } from "./support.ts";

const h = useFeishu();
const COMPLETE = 'province=广东 contact=李总 title=总经理 address="佛山市顺德区大良街道 1 号"';
const CALL_LOG = "聊了二十分钟：他们在做三个酒店厨房工程，需要商用电磁炉，要 20 台的报价，预算已批，下周三前回复，决策人是李总本人";

const boss = h.person("ou_btn_boss", { name: "王总" });
const rep = h.person("ou_btn_rep", { name: "小李" });

async function customer(n: number) {
  return h.t.db.prisma.customer.findFirstOrThrow({ where: { number: n, workspace: { externalId: rep.tenantKey } } });
}

async function added(line: string): Promise<{ n: number; sent: SentCard }> {
  const sent = (await rep.say(line))!;
  return { n: Number(/#(\d+)/.exec(sent.text)![1]), sent };
}

describe("card buttons", () => {
  it("logs a call, an SMS and a visit from the prompt, with the note exactly as typed", async () => {
    await boss.say("help"); // the first person is the admin
    const { n, sent } = await added("add 按钮测试公司 mobile=13500135000");
    const note = 'He said "5 units" = fine, call back Friday';
    const call = await rep.click(sent, "记录电话", { text: note });
    expect(call.status).toBe(200);
    expect(call.json.toast).toEqual({ type: "success", content: `已记录 #${n} 的电话跟进。` });
    expect(call.json.card.type).toBe("raw");
    expect(call.cardText).toContain(note);
    const card = replaced(sent, call);
    await rep.click(card, "记录短信", { text: "发了报价单" });
    await rep.click(card, "记录拜访", { text: "上门看了厨房" });
    const activities = await h.t.db.prisma.activity.findMany({ where: { customerId: (await customer(n)).id }, orderBy: { createdAt: "asc" } });
    expect(activities.map((a) => [a.channel, a.content])).toEqual([
      ["call", note],
      ["sms", "发了报价单"],
      ["visit", "上门看了厨房"],
    ]);
  });

  it("asks for the note when the prompt was sent empty, and refuses a button it does not know", async () => {
    const { sent } = await added("add 空白提示公司");
    const empty = await rep.click(sent, "记录电话", { text: "  " });
    expect(empty.json).toEqual({ toast: { type: "error", content: "请先填写内容。" } });
    const forged = { ...sent, card: { body: { elements: [{ tag: "button", text: { content: "X" }, behaviors: [{ type: "callback", value: { k: "drop-tables" } }] }] } } };
    expect((await rep.click(forged, "X")).json).toEqual({ toast: { type: "error", content: "这个按钮已过期，请直接输入命令。" } });
  });

  it("snoozes 1 and 3 days", async () => {
    const { n, sent } = await added("add 推迟测试公司");
    const one = await rep.click(sent, "推迟 1 天");
    expect(one.json.toast.content).toBe(`#${n} 已推迟到 2026-11-24 周二 10:00。`);
    expect((await customer(n)).snoozedUntil).toEqual(new Date("2026-11-24T02:00:00Z"));
    await rep.click(replaced(sent, one), "推迟 3 天");
    expect((await customer(n)).snoozedUntil).toEqual(new Date("2026-11-26T02:00:00Z"));
  });

  it("changes the grade and the stage from their menus", async () => {
    const { n, sent } = await added("add 等级测试公司");
    const graded = await rep.click(sent, "调整等级", { option: "A级" });
    expect(graded.json.toast).toEqual({ type: "success", content: `#${n} 现在是潜在客户 A级。` });
    expect(graded.json.card.data.header.subtitle.content).toBe("潜在客户 A级");
    const staged = await rep.click(replaced(sent, graded), "调整阶段", { option: "意向客户" });
    expect(staged.json.toast.content).toBe(`#${n} 现在是意向客户 A级。`);
    expect(await customer(n)).toMatchObject({ stage: "intention", grade: "A" });
  });

  it("marks won, and lost with a reason; a lost customer can be reactivated", async () => {
    const won = await added("add 成交测试公司");
    const w = await rep.click(won.sent, "标记成交");
    expect(w.json.toast.content).toBe(`#${won.n} 现在是成交客户。`);
    expect((await customer(won.n)).stage).toBe("won");

    const lost = await added("add 战败测试公司");
    const l = await rep.click(lost.sent, "标记战败", { text: "价格太高" });
    expect(l.json.toast.type).toBe("success");
    expect(await customer(lost.n)).toMatchObject({ stage: "lost" });
    expect(l.cardText).toContain("战败原因");
    const back = await rep.click(replaced(lost.sent, l), "重新激活", { option: "潜在客户" });
    expect(back.json.toast.type).toBe("success");
    expect(await customer(lost.n)).toMatchObject({ stage: "potential", lostReason: null });
  });

  it("files; a director approves or rejects with a reason from the card; a rep's forged approval changes nothing", async () => {
    const { n, sent } = await added(`add 备案测试公司 mobile=13600136000 ${COMPLETE}`);
    const early = await rep.click(sent, "提交备案");
    expect(early.json.toast.type).toBe("error");
    expect(early.json.toast.content).toContain(`#${n}`);
    expect(early.json.card).toBeUndefined();
    await rep.say(`log #${n} call ${CALL_LOG}`);
    const filed = await rep.click(sent, "提交备案");
    expect(filed.json.toast.content).toBe(`#${n} 已提交备案，等待销售总监审批。`);
    expect(findButton(filed.json.card.data, "批准备案")).toBeUndefined();
    const forged = await rep.click({ ...sent, card: { body: { elements: [{ tag: "button", text: { content: "批准备案" }, behaviors: [{ type: "callback", value: { k: "run", c: `approve #${n}` } }] }] } } }, "批准备案");
    expect(forged.json.toast).toEqual({ type: "error", content: "只有销售总监可以执行此操作。" });
    expect((await customer(n)).filingStatus).toBe("pending");

    const shown = (await boss.say(`show #${n}`))!;
    const rejected = await boss.click(shown, "驳回备案", { text: "手机号是前台电话" });
    expect(rejected.json.toast.content).toBe(`#${n} 备案已驳回：手机号是前台电话`);
    expect(await customer(n)).toMatchObject({ filingStatus: "rejected", filingNote: "手机号是前台电话" });
    // The same button on the same card within a minute counts as a double click: wait it out.
    h.t.clock.advanceDays(1);
    expect((await rep.click(sent, "提交备案")).json.toast.content).toBe(`#${n} 已提交备案，等待销售总监审批。`);
    const again = (await boss.say(`show #${n}`))!;
    const approved = await boss.click(again, "批准备案");
    expect(approved.json.toast.content).toBe(`#${n} 备案已批准。`);
    expect((await customer(n)).filingStatus).toBe("approved");
  });

  it("refreshes today's list after a button on one of its items; opening an item answers below", async () => {
    const today = h.person("ou_btn_due", { name: "小赵" });
    for (const company of ["今日一", "今日二", "今日三"]) await today.say(`add ${company}`);
    h.t.clock.advanceDays(21);
    const list = (await today.say("due"))!;
    expect(list.card.header.title.content).toBe("今天要联系 3 个客户。");
    expect(list.text).toContain("今日一");
    const first = /#(\d+) 今日一/.exec(list.text)![1];
    const snoozed = await today.click(list, "推迟 1 天");
    expect(snoozed.json.toast.content).toBe(`#${first} 已推迟到 2026-12-15 周二 10:00。`);
    expect(snoozed.json.card.data.header.title.content).toBe("今天要联系 2 个客户。");
    expect(snoozed.cardText).not.toContain("今日一");

    const before = h.fake.sentMessages().length;
    const opened = await today.click(replaced(list, snoozed), "查看");
    expect(opened.json).toEqual({ toast: { type: "info", content: "已在下方发送" } });
    const [below] = h.newSends(before);
    expect(below!.call.path).toBe(`/open-apis/im/v1/messages/${list.messageId}/reply`);
    expect(below!.card.header.title.content).toMatch(/^#\d+ 今日二$/);
  });
});
