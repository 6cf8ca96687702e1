import { describe, expect, it } from "vitest";
import type { JobDeps } from "../../src/jobs/job-deps.ts";
import { runWeeklySummary } from "../../src/jobs/weekly-summary.job.ts";
import { computeWeeklySummary } from "../../src/reports/weekly-summary.ts";
import { previousLocalWeek } from "../../src/format/dates.ts";
import { addSelection, useCrm } from "../support/crm-fixture.ts";
import { recordingMessenger } from "../support/recording-messenger.ts";

const t = useCrm();
const FULL = 'province=广东 contact=李总 title=总经理 mobile=13800138000 address="佛山市顺德区 1 号"';
const LOG = "聊了二十分钟：三个酒店厨房工程，需要商用电磁炉，20 台报价，预算已批，下周三前回复，决策人李总本人";

/**
 * A hand-made week in a fresh workspace (Shanghai time), summarised on Monday 30 Nov 09:00:
 *   16 Nov  boss (the admin) adds Old1 (potential D) and Old2 (selection, forced)  — before the week
 *   23 Nov  boss adds W1 (B) and promotes it to A; rep adds W2 (A) and demotes it to C;
 *           rep adds W3 (intention A), W4 and W5 (both lost: "price" and "moved abroad"),
 *           W6 (complete, filed: waiting for approval), W8 (intention A, which the boss
 *           moves to selection past its prerequisites: overdue by the 30th)
 *   25 Nov  boss marks Old2 won for 5万 (9 days after it was added)
 *   30 Nov 08:00  rep adds W7                                                    — after the week
 */
async function buildWeek(workspace: string) {
  const boss = t.person("boss", { workspace });
  const rep = t.person("rep1", { workspace });
  const run = async (p: typeof boss, line: string) => expect((await p.run(line)).ok, line).toBe(true);
  t.clock.set("2026-11-16T02:00:00Z");
  await run(boss, "add Old1");
  await run(boss, "add Old2 stage=selection force=yes");
  t.clock.set("2026-11-23T02:00:00Z");
  await run(boss, "add W1 grade=B");
  await run(boss, "grade W1 A");
  await run(rep, "add W2 grade=A");
  await run(rep, "grade W2 C");
  await run(rep, "add W3 stage=intention grade=A");
  await run(rep, "add W4");
  await run(rep, "lost W4 价格");
  await run(rep, "add W5");
  await run(rep, "lost W5 moved abroad");
  await run(rep, `add W6 ${FULL}`);
  await run(rep, `log W6 call ${LOG}`);
  await run(rep, "file W6");
  await addSelection(t, rep, "add W8");
  t.clock.set("2026-11-25T02:00:00Z");
  await run(boss, "won Old2 5万");
  t.clock.set("2026-11-30T00:00:00Z");
  await run(rep, "add W7");
  t.clock.set("2026-11-30T01:00:00Z"); // Monday 09:00 in Shanghai
  return { boss, rep };
}

describe("the weekly summary", () => {
  it("computes the funnel, movements, conversion, lost reasons, overdue, filings and the A-grade digest", async () => {
    await buildWeek("weekly");
    const workspace = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "weekly" } });
    const week = previousLocalWeek(t.clock.now, "Asia/Shanghai");
    expect(week).toEqual({ start: new Date("2026-11-22T16:00:00Z"), end: new Date("2026-11-29T16:00:00Z"), period: "2026-W48" });
    const s = await computeWeeklySummary(t.db.prisma, t.crm.playbook, workspace, week, t.clock.now);

    expect(s.funnel).toEqual([
      { stage: "potential", total: 5, grades: [{ grade: "A", count: 1 }, { grade: "B", count: 0 }, { grade: "C", count: 1 }, { grade: "D", count: 3 }] },
      { stage: "intention", total: 1, grades: [{ grade: "A", count: 1 }, { grade: "B", count: 0 }] },
      { stage: "selection", total: 1, grades: [] },
      { stage: "won", total: 1, grades: [] },
      { stage: "lost", total: 2, grades: [] },
    ]);
    // Promoted: W1 (B → A) and W8 (intention A → selection).
    expect(s.movements).toEqual({ new: 7, promoted: 2, demoted: 1, won: 1, lost: 2, reactivated: 0, cancelled: 0, churned: 0 });
    expect(s.week).toEqual({ won: 1, orders: 1, revenue: 50000, cancelled: 0, cancelledAmount: 0 });
    // 9 leads filed before the week ended (W7 came after), one won: 1/9; 9 days from filing to won.
    expect(s.totals).toEqual({ leads: 9, won: 1, conversionRate: 1 / 9, revenue: 50000, averageDeal: 50000, repurchaseRate: 0, averageCycleDays: 9 });
    expect(s.lostReasons).toEqual([{ reason: "moved abroad", count: 1 }, { reason: "price", count: 1 }]);
    // Old2's call was overdue when it was marked won: a stage change never clears that (issue #9).
    expect(s.overdueByRep).toEqual([{ owner: "boss", count: 1 }, { owner: "rep1", count: 1 }]);
    // Due touches of the week: nobody's touch answered a due date (W6's call came the day it was
    // added). boss's Old2 still owes the call overdue since it was a selection customer (kept
    // when it was won, issue #9): 0 of 1. rep1's W8 becomes overdue only on Mon 30 Nov (its
    // Saturday overdue day moves to the working day), after the week: nothing due, so no line.
    expect(s.compliance).toEqual([{ owner: "boss", onTime: 0, due: 1 }]);
    expect(s.ownership).toEqual({ released: 0, claimed: 0, handovers: 0, escalated: 0 });
    expect(s.pendingFilings.map((f) => [f.company, f.owner])).toEqual([["W6", "rep1"]]);
    expect(s.tracked.map((c) => [c.company, c.stage, c.grade, c.owner, c.overdue])).toEqual([
      ["W3", "intention", "A", "rep1", false],
      ["W8", "selection", null, "rep1", true],
    ]);
  });

  it("lists several reps' overdue customers, most first (ties by name), and leaves an untracked grade of a partly tracked stage out of the digest", async () => {
    const amy = t.person("amy", { workspace: "weekly3" });
    const bob = t.person("bob", { workspace: "weekly3" });
    const cat = t.person("cat", { workspace: "weekly3" });
    const run = async (p: typeof amy, line: string) => expect((await p.run(line)).ok, line).toBe(true);
    // Selection customers are due every 3 days and overdue after 5: added on the 23rd, all are
    // overdue by the 30th; a potential D customer is not due for 20 days.
    t.clock.set("2026-11-23T02:00:00Z");
    // Recorded in the reverse of the expected order, so that the order is the summary's, not the insertion's.
    await run(bob, "add P1");
    for (const [person, name] of [[bob, "S5"], [cat, "S3"], [cat, "S4"], [amy, "S1"], [amy, "S2"]] as const) await addSelection(t, person, `add ${name}`);
    await run(bob, "add IB stage=intention grade=B");
    await run(bob, "add IA stage=intention grade=A");
    t.clock.set("2026-11-30T01:00:00Z");
    const workspace = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "weekly3" } });
    const s = await computeWeeklySummary(t.db.prisma, t.crm.playbook, workspace, previousLocalWeek(t.clock.now, "Asia/Shanghai"), t.clock.now);

    // IA and IB (intention: due after 7 days, overdue after 10 at the earliest) are not overdue yet.
    expect(s.overdueByRep).toEqual([{ owner: "amy", count: 2 }, { owner: "cat", count: 2 }, { owner: "bob", count: 1 }]);
    expect(s.tracked.map((c) => c.company)).toEqual(["S5", "S3", "S4", "S1", "S2", "IA"]); // by number
  });

  it("tells this week's wins, orders, losses and cancellations from those of earlier weeks, and divides the totals by the right counts", async () => {
    // Week of Mon 23 Nov (Shanghai). Before it: A1 won for 3万 two days after it was added; B1 lost
    // on price; F1 won for 5000. In it: C1 won for 2万 (added 7 days before), E1 added and won
    // with no amount, A1 orders again for 1万, D1 and H1 lost on price, F1's deal cancelled
    // (reason: competitor).
    const boss = t.person("boss", { workspace: "weekly4" });
    const run = async (line: string) => expect((await boss.run(line)).ok, line).toBe(true);
    t.clock.set("2026-11-16T02:00:00Z");
    for (const name of ["A1", "B1", "C1", "D1", "F1", "H1"]) await run(`add ${name}`);
    await run("lost B1 price");
    t.clock.set("2026-11-17T02:00:00Z");
    await run("won F1 5000");
    t.clock.set("2026-11-18T02:00:00Z");
    await run("won A1 3万");
    t.clock.set("2026-11-23T02:00:00Z");
    await run("won C1 2万");
    await run("add E1");
    await run("won E1");
    await run("order A1 1万 repeat");
    await run("lost D1 price");
    await run("lost H1 price");
    t.clock.set("2026-11-24T02:00:00Z");
    await run("lost F1 cancelled competitor");
    t.clock.set("2026-11-30T01:00:00Z");
    const workspace = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "weekly4" } });
    const s = await computeWeeklySummary(t.db.prisma, t.crm.playbook, workspace, previousLocalWeek(t.clock.now, "Asia/Shanghai"), t.clock.now);

    // Won this week: C1 and E1 (A1 and F1 were won the week before).
    expect(s.movements).toEqual({ new: 1, promoted: 0, demoted: 0, won: 2, lost: 3, reactivated: 0, cancelled: 1, churned: 0 });
    // Orders of the week: C1's 2万, E1's win without an amount, A1's repeat 1万. F1's 5000 cancelled.
    expect(s.week).toEqual({ won: 2, orders: 3, revenue: 30_000, cancelled: 1, cancelledAmount: 5_000 });
    // 7 leads; won and still standing: A1, C1, E1. Revenue 3万 + 1万 + 2万 over the 3 orders with
    // an amount; A1 ordered twice; from added to first order: A1 2 days, C1 7, E1 0.
    expect(s.totals).toEqual({ leads: 7, won: 3, conversionRate: 3 / 7, revenue: 60_000, averageDeal: 20_000, repurchaseRate: 1 / 3, averageCycleDays: 3 });
    // B1's price loss was the week before.
    expect(s.lostReasons).toEqual([{ reason: "price", count: 2 }, { reason: "competitor", count: 1 }]);
  });

  it("has no ratio where nothing was there to divide by", async () => {
    const boss = t.person("boss", { workspace: "weekly5" });
    t.clock.set("2026-11-25T02:00:00Z");
    expect((await boss.run("help")).ok).toBe(true);
    const workspace = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "weekly5" } });
    const summary = () => computeWeeklySummary(t.db.prisma, t.crm.playbook, workspace, previousLocalWeek(t.clock.now, "Asia/Shanghai"), t.clock.now);
    const none = await summary();
    expect(none.totals).toEqual({ leads: 0, won: 0, conversionRate: null, revenue: 0, averageDeal: null, repurchaseRate: null, averageCycleDays: null });
    expect(none.week).toEqual({ won: 0, orders: 0, revenue: 0, cancelled: 0, cancelledAmount: 0 });
    expect([none.lostReasons, none.overdueByRep, none.compliance, none.pendingFilings, none.tracked]).toEqual([[], [], [], [], []]);

    expect((await boss.run("add Z1")).ok).toBe(true);
    t.clock.set("2026-11-30T01:00:00Z");
    const oneLead = await summary();
    expect(oneLead.totals).toEqual({ leads: 1, won: 0, conversionRate: 0, revenue: 0, averageDeal: null, repurchaseRate: null, averageCycleDays: null });
  });

  it("ranks the reps' cadence compliance, worst first (ties by name), each of the touches due to them", async () => {
    // Week of Mon 23 Nov (Shanghai): 2026-11-22T16:00Z to 2026-11-29T16:00Z. The touches are
    // written as the log records them, each with the due date it answered and its overdue moment.
    const ws = "weekly6";
    // Recorded in the reverse of the expected order, so that the order is the summary's, not the insertion's.
    const people = ["dan", "bob", "amy", "cat", "eve"];
    for (const name of people) expect((await t.person(name, { workspace: ws }).run(`add ${name}-co`)).ok).toBe(true);
    const workspace = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: ws } });
    const ids = new Map<string, { userId: string; customerId: string }>();
    for (const name of people) {
      const user = await t.db.prisma.user.findFirstOrThrow({ where: { workspaceId: workspace.id, externalId: name } });
      const customer = await t.db.prisma.customer.findFirstOrThrow({ where: { workspaceId: workspace.id, company: `${name}-co` } });
      ids.set(name, { userId: user.id, customerId: customer.id });
    }
    const overdueAt = new Date("2026-11-26T02:00:00Z");
    const touch = (name: string, at: string, answered = true) => t.db.prisma.activity.create({
      data: { workspaceId: workspace.id, ...ids.get(name)!, channel: "call", content: "called", at: new Date(at), ...(answered ? { dueAt: new Date("2026-11-24T02:00:00Z"), overdueAt } : {}) },
    });
    await touch("dan", "2026-11-23T02:00:00Z"); // on time
    await touch("dan", "2026-11-24T02:00:00Z", false); // nothing was due yet: counts for nothing
    await touch("bob", "2026-11-25T02:00:00Z"); // on time, and bob's customer is still overdue: 1 of 2
    await t.db.prisma.customer.update({ where: { id: ids.get("bob")!.customerId }, data: { overdueAt: new Date("2026-11-28T02:00:00Z") } });
    await touch("amy", "2026-11-25T02:00:00Z"); // on time
    await touch("amy", "2026-11-27T02:00:00Z"); // late
    await touch("cat", "2026-11-26T02:00:00Z"); // at its overdue moment: late
    await touch("eve", "2026-11-22T15:59:59Z"); // the week before
    await touch("eve", "2026-11-29T16:00:00Z"); // the week after
    t.clock.set("2026-11-30T01:00:00Z");

    const s = await computeWeeklySummary(t.db.prisma, t.crm.playbook, workspace, previousLocalWeek(t.clock.now, "Asia/Shanghai"), t.clock.now);
    expect(s.compliance).toEqual([
      { owner: "cat", onTime: 0, due: 1 },
      { owner: "amy", onTime: 1, due: 2 },
      { owner: "bob", onTime: 1, due: 2 },
      { owner: "dan", onTime: 1, due: 1 },
    ]);
  });

  it("goes to the directors by DM, once per week, and to the director channel once one is set", async () => {
    const { boss } = await buildWeek("weekly2");
    const out = recordingMessenger();
    const deps: JobDeps = { prisma: t.db.prisma, playbook: t.crm.playbook, messengers: [out.messenger], now: () => t.clock.now, logger: { info() {}, warn() {}, error() {} } };
    const first = await runWeeklySummary(deps, { now: t.clock.now, workspace: "weekly2" });
    expect(first).toMatchObject({ queued: 1, sent: 1 });
    expect(out.delivered.map((d) => [d.to, d.key])).toEqual([["user:weekly2:boss", "weekly-summary:2026-W48:user:boss"]]);
    const { reply } = out.delivered[0]!;
    expect(reply.text).toBe("Weekly summary, 23–29 Nov 2026");
    const byTitle = Object.fromEntries(reply.cards.map((c) => [c.title, c]));
    expect(byTitle["This week's movements"]!.fields).toEqual([
      { label: "New", value: "7" }, { label: "Promoted", value: "2" }, { label: "Demoted", value: "1" },
      { label: "Won", value: "1" }, { label: "Lost", value: "2" }, { label: "Reactivated", value: "0" },
    ]);
    expect(byTitle["Results"]!.fields).toEqual([
      { label: "Won this week (new customers)", value: "1" },
      { label: "Orders this week (orders · revenue)", value: "1 · ¥50,000" },
      { label: "Conversion (won ÷ leads, to date)", value: "11.1% (1/9)" },
      { label: "Revenue to date", value: "¥50,000" },
      { label: "Average order (revenue ÷ orders with an amount)", value: "¥50,000" },
      { label: "Repurchase (2+ orders ÷ won)", value: "0.0%" },
      { label: "Average sales cycle", value: "9.0 days" },
    ]);
    expect(byTitle["Lost this week, by reason"]!.sections[0]!.items).toEqual(["moved abroad: 1", "Price: 1"]);
    expect(byTitle["A-grade digest (2)"]!.sections[0]!.items[1]).toMatch(/^⚠ #\d+ W8 · Selection · rep1 · last —, next 26 Nov · OVERDUE$/);
    expect(byTitle["Filings waiting for approval (1)"]!.actions[0]).toMatchObject({ kind: "run", command: expect.stringMatching(/^approve #\d+@weekly2$/) });

    expect(await runWeeklySummary(deps, { now: t.clock.now, workspace: "weekly2" })).toMatchObject({ queued: 0, alreadyDone: 1, nothingToSend: 0 });
    expect(out.delivered).toHaveLength(1);

    // A director picks the team channel; next week's summary goes there, in the workspace's language.
    expect((await t.crm.execute({ ...boss.identity, channelId: "C-TEAM" }, "setup channel")).text).toBe(
      "This channel now gets the weekly summary and the A-grade digest.",
    );
    expect((await boss.run("setup channel")).text).toBe("Type this in the team channel that should get the weekly summary.");
    t.clock.set("2026-12-07T01:00:00Z");
    await runWeeklySummary(deps, { now: t.clock.now, workspace: "weekly2" });
    expect(out.delivered.map((d) => d.to)).toEqual(["user:weekly2:boss", "channel:weekly2:C-TEAM"]);
    // The workspace took its first person's language; a director can change the channel's.
    expect(out.delivered[1]!.reply.text).toBe("Weekly summary, 30 Nov – 6 Dec 2026");
    expect((await boss.run("setup lang zh")).text).toBe("The team channel now gets its messages in Chinese.");
    expect((await boss.run("setup timezone Mars/Base")).text).toMatch(/^"Mars\/Base" is not a time zone/);
    t.clock.set("2026-12-14T01:00:00Z");
    await runWeeklySummary(deps, { now: t.clock.now, workspace: "weekly2" });
    expect(out.delivered[2]!.reply.text).toBe("销售周报（2026年12月7日–13日）");
    expect(out.delivered[2]!.reply.locale).toBe("zh-CN");
  });

  it("records a week without customers as nothing to send, once; later weeks go to every director and admin, not to the reps", async () => {
    const ws = "weekly7";
    const boss = t.person("boss", { workspace: ws });
    t.clock.set("2026-11-25T02:00:00Z");
    expect((await boss.run("help")).ok).toBe(true);
    const out = recordingMessenger();
    const deps: JobDeps = { prisma: t.db.prisma, playbook: t.crm.playbook, messengers: [out.messenger], now: () => t.clock.now, logger: { info() {}, warn() {}, error() {} } };
    const run = () => runWeeklySummary(deps, { now: t.clock.now, workspace: ws });
    t.clock.set("2026-11-30T01:00:00Z");
    expect(await run()).toMatchObject({ queued: 0, nothingToSend: 1, alreadyDone: 0 });
    expect(await run()).toMatchObject({ queued: 0, nothingToSend: 0, alreadyDone: 1 });
    expect(out.delivered).toEqual([]);

    t.clock.set("2026-12-01T02:00:00Z");
    const director = t.person("dir", { workspace: ws });
    const rep = t.person("rep", { workspace: ws });
    expect((await director.run("help")).ok).toBe(true);
    expect((await boss.run("role @dir director")).ok).toBe(true);
    expect((await rep.run("add X1")).ok).toBe(true);
    t.clock.set("2026-12-07T01:00:00Z");
    expect(await run()).toMatchObject({ queued: 2, nothingToSend: 0, alreadyDone: 0, sent: 2 });
    expect(out.delivered.map((d) => d.to).sort()).toEqual([`user:${ws}:boss`, `user:${ws}:dir`]);
    expect(out.delivered.map((d) => d.reply.text)).toEqual(["Weekly summary, 30 Nov – 6 Dec 2026", "Weekly summary, 30 Nov – 6 Dec 2026"]);
  });
});
