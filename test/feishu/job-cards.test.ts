import { describe, expect, it } from "vitest";
import type { JobDeps } from "../../src/jobs/job-deps.ts";
import { runMorningDigest } from "../../src/jobs/morning-digest.job.ts";
import { runWeeklySummary } from "../../src/jobs/weekly-summary.job.ts";
import { components, useFeishu, type SentCard } from "./support.ts";

const h = useFeishu();
const admin = h.person("ou_job_admin", { name: "王总" });
const rep = h.person("ou_job_rep", { name: "小郑" });
const DIRECTORS = "oc_job_directors";
const COMPLETE = 'province=广东 contact=李总 title=总经理 mobile=13600136001 address="佛山市顺德区大良街道 1 号"';
const CALL_LOG = "聊了二十分钟：他们在做三个酒店厨房工程，需要商用电磁炉，要 20 台的报价，预算已批，下周三前回复，决策人是李总本人";
const quiet = { info() {}, warn() {}, error() {} };

/** The scheduled jobs, delivering through this adapter's outbound port. */
function jobDeps(): JobDeps {
  return { prisma: h.t.db.prisma, playbook: h.t.crm.playbook, messengers: [h.adapter.outbound], now: () => new Date(), logger: quiet };
}

function patchesOf(messageId: string) {
  return h.fake.callsTo("PATCH", `/open-apis/im/v1/messages/${messageId}`);
}

function buttonValues(card: unknown): any[] {
  return components(card).filter((c) => c.node.behaviors).map((c) => c.node.behaviors[0].value);
}

describe("a button on the morning list", () => {
  it("never replaces the list: the toast answers, the customer's card comes below it, and that card updates in place", async () => {
    await admin.say("help"); // the first person is the admin
    for (const company of ["早报一", "早报二", "早报三"]) await rep.say(`add ${company}`);
    h.t.clock.advanceDays(21);
    const before = h.fake.sentMessages().length;
    await runMorningDigest(jobDeps(), { now: h.t.clock.now, workspace: rep.tenantKey, digestAt: "09:00" });
    const [digest] = h.newSends(before).filter((s) => s.call.body.receive_id === rep.openId);
    expect(digest!.chatId).toBe(rep.chatId);
    for (const company of ["早报一", "早报二", "早报三"]) expect(digest!.text).toContain(company);
    // A job's card, sent to one person.
    expect(buttonValues(digest!.card).every((v) => v.j === 1 && v.p === 1)).toBe(true);

    const clicked = h.fake.sentMessages().length;
    const snoozed = await rep.click(digest!, "推迟 1 天");
    const n = /^#(\d+) /.exec(snoozed.json.toast.content)?.[1];
    expect(snoozed.json).toEqual({ toast: { type: "success", content: `#${n} 已推迟到 2026-12-15 周二 10:00。` } });
    expect(patchesOf(digest!.messageId)).toEqual([]);
    const [below] = h.newSends(clicked);
    expect(below!.call.path).toBe(`/open-apis/im/v1/messages/${digest!.messageId}/reply`);
    expect(below!.chatId).toBe(rep.chatId);
    expect(below!.card.header.title.content).toMatch(new RegExp(`^#${n} 早报`));

    // The card below is the person's own (not the job's): its buttons update it in place.
    expect(buttonValues(below!.card).some((v) => v.j === 1)).toBe(false);
    const graded = await rep.click(below!, "调整等级", { option: "A级" });
    expect(graded.json.card.data.header.subtitle.content).toBe("潜在客户 A级");

    const opened = await rep.click(digest!, "查看");
    expect(opened.json).toEqual({ toast: { type: "info", content: "已在下方发送" } });
    expect(patchesOf(digest!.messageId)).toEqual([]);
  });
});

describe("a button on the weekly summary in the directors' group", () => {
  it("answers with the toast, sends the customer's card to the director privately, and leaves the summary whole", async () => {
    await admin.say("setup channel", { group: DIRECTORS });
    const added = (await rep.say(`add 周报备案公司 ${COMPLETE}`))!;
    const n = Number(/#(\d+)/.exec(added.text)![1]);
    await rep.say(`log #${n} call ${CALL_LOG}`);
    expect((await rep.say(`备案 #${n}`))!.text).toContain(`#${n} 已提交备案，等待销售总监审批。`);

    const before = h.fake.sentMessages().length;
    await runWeeklySummary(jobDeps(), { now: h.t.clock.now, workspace: rep.tenantKey });
    const [summary] = h.newSends(before).filter((s) => s.chatId === DIRECTORS);
    expect(summary!.card.header.title.content).toContain("销售周报");
    expect(buttonValues(summary!.card).every((v) => v.j === 1 && v.p === undefined)).toBe(true);
    const approve = components(summary!.card).find((c) => c.node.tag === "button" && String(c.node.behaviors[0].value.c).startsWith(`approve #${n}`))!;

    const clicked = h.fake.sentMessages().length;
    const answer = await admin.click(summary as SentCard, approve.node.text.content);
    expect(answer.json).toEqual({ toast: { type: "success", content: `#${n} 备案已批准。` } });
    expect((await h.t.db.prisma.customer.findFirstOrThrow({ where: { company: "周报备案公司" } })).filingStatus).toBe("approved");
    expect(patchesOf(summary!.messageId)).toEqual([]);
    const sent = h.newSends(clicked);
    expect(sent.filter((s) => s.chatId === DIRECTORS)).toEqual([]);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.call.query).toEqual({ receive_id_type: "open_id" });
    expect(sent[0]!.call.body.receive_id).toBe(admin.openId);
    expect(sent[0]!.card.header.title.content).toBe(`#${n} 周报备案公司`);
  });
});
