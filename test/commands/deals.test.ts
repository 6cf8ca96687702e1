import { describe, expect, it } from "vitest";
import { computeWeeklySummary } from "../../src/reports/weekly-summary.ts";
import { addAs, useCrm } from "../support/crm-fixture.ts";

/** The misreadings and miscounts that issue 8 reported, each as the rep typed it. */
const t = useCrm();

async function customer(workspace: string, number: number) {
  const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: workspace } });
  const row = await t.db.prisma.customer.findFirstOrThrow({ where: { workspaceId: ws.id, number } });
  const orders = await t.db.prisma.order.findMany({ where: { customerId: row.id }, orderBy: { at: "asc" } });
  return { row, ws, orders: orders.map((o) => ({ kind: o.kind, amount: o.amount === null ? null : Number(o.amount), cancelled: o.cancelledAt !== null })) };
}

/** The week that contains the fixture's clock (Monday 23 Nov 2026, Shanghai). */
const WEEK = { start: new Date("2026-11-22T16:00:00Z"), end: new Date("2026-11-29T16:00:00Z") };

describe("amounts as typed in chat", () => {
  it("records 5 万, 五万 and 三万五 as the amounts they are", async () => {
    const rep = t.person("amounts", { workspace: "amounts", locale: "zh-CN" });
    const a = await addAs(rep, "add 甲公司");
    const b = await addAs(rep, "add 乙公司");
    const c = await addAs(rep, "add 丙公司");
    expect((await rep.run(`won #${a} 5 万`)).ok).toBe(true);
    expect((await rep.run(`成交 #${b} 五万`)).ok).toBe(true);
    expect((await rep.run(`客户 成交 #${c} ￥3万5`)).ok).toBe(true);
    expect((await customer("amounts", a)).orders).toEqual([{ kind: "win", amount: 50_000, cancelled: false }]);
    expect((await customer("amounts", b)).orders).toEqual([{ kind: "win", amount: 50_000, cancelled: false }]);
    expect((await customer("amounts", c)).orders).toEqual([{ kind: "win", amount: 35_000, cancelled: false }]);
  });

  it("refuses an amount it cannot fully read, naming the part, and writes nothing", async () => {
    const rep = t.person("amounts2", { workspace: "amounts2" });
    const n = await addAs(rep, "add Unread Co");
    const reply = await rep.run(`won #${n} 5万 plus tax`);
    expect(reply.ok).toBe(false);
    expect(reply.text).toBe(`I could not read "plus" in "5万 plus tax" as an amount. Write it like 50000, 50,000, ¥5万, 5.5万, 1.2w, 12k or 三万五.`);
    const zh = await t.person("amounts2", { workspace: "amounts2", locale: "zh-CN" }).run(`lang zh`);
    expect(zh.ok).toBe(true);
    expect((await rep.run(`成交 #${n} 五万块钱吧`)).text).toBe("看不懂金额中的“五万块钱吧”。请写成 50000、50,000、¥5万、5.5万、1.2w、12k 或 三万五。");
    const { row, orders } = await customer("amounts2", n);
    expect(row.stage).toBe("potential");
    expect(orders).toEqual([]);
  });
});

describe("spans as typed in chat", () => {
  it.each([
    ["snooze #N 2 weeks", "2026-12-07T02:00:00Z"],
    ["推迟 #N 2 周", "2026-12-07T02:00:00Z"],
    ["推迟 #N 一周", "2026-11-30T02:00:00Z"],
    ["推迟 #N 两天", "2026-11-25T02:00:00Z"],
    ["snooze #N 12h", "2026-11-23T14:00:00Z"],
    ["推迟 #N 1个月", "2026-12-23T02:00:00Z"],
  ])("%s snoozes until %s", async (line, until) => {
    const rep = t.person("spans", { workspace: "spans" });
    const n = await addAs(rep, `add "Span ${line}"`);
    expect((await rep.run(line.replace("#N", `#${n}`))).ok).toBe(true);
    expect((await customer("spans", n)).row.snoozedUntil?.toISOString()).toBe(new Date(until).toISOString());
  });

  it("refuses a bare number and a span past 90 days, writing nothing", async () => {
    const rep = t.person("spans2", { workspace: "spans2" });
    const n = await addAs(rep, "add Bare Co");
    expect((await rep.run(`snooze #${n} 2`)).text).toContain('I could not read "2" as a span of time');
    expect((await rep.run(`snooze #${n} 4 months`)).text).toBe("That is too far ahead: snooze for at most 90 days.");
    expect((await customer("spans2", n)).row.snoozedUntil).toBeNull();
  });
});

describe("orders, and a history the weekly figures agree with", () => {
  it("keeps repeat orders: won twice is refused and points to order", async () => {
    const rep = t.person("orders", { workspace: "orders" });
    const n = await addAs(rep, "add Repeat Co");
    await rep.run(`won #${n} 5万`);
    expect((await rep.run(`won #${n} 3万`)).text).toBe(`#${n} is already won. Record a repeat order with /prospect order #${n} <amount>.`);
    expect((await rep.run(`order #${n} 3万 second batch`)).text).toBe(`Order of ¥30,000 recorded on #${n}.`);
    const fresh = await addAs(rep, "add Fresh Co");
    expect((await rep.run(`order #${fresh} 1万`)).text).toBe(`#${fresh} is not won yet: its first order is recorded with /prospect won #${fresh} <amount>.`);
    const shown = await rep.run(`show #${n}`);
    expect(shown.cards[0]!.sections.find((s) => s.title.startsWith("Orders"))).toEqual({
      title: "Orders (2, ¥80,000)",
      items: ["Mon 23 Nov 2026 ¥50,000", "Mon 23 Nov 2026 ¥30,000 — second batch"],
    });
    const { ws } = await customer("orders", n);
    const s = await computeWeeklySummary(t.db.prisma, t.crm.playbook, ws, WEEK, t.clock.now);
    expect(s.totals).toMatchObject({ won: 1, revenue: 80_000, averageDeal: 40_000, repurchaseRate: 1 });
    expect(s.week).toMatchObject({ won: 1, orders: 2, revenue: 80_000 });
  });

  it("a won customer's loss must say what it means: cancelled leaves revenue, churned keeps it", async () => {
    const rep = t.person("losses", { workspace: "losses" });
    const cancelled = await addAs(rep, "add Cancel Co");
    const churned = await addAs(rep, "add Churn Co");
    await rep.run(`won #${cancelled} 5万`);
    await rep.run(`won #${churned} 2万`);
    const refused = await rep.run(`lost #${cancelled} 太贵`);
    expect(refused.ok).toBe(false);
    expect(refused.text).toContain(`lost #${cancelled} cancelled <reason>`);
    expect((await rep.run(`lost #${cancelled} cancelled 太贵`)).ok).toBe(true);
    expect((await rep.run(`战败 #${churned} 流失 竞品便宜`)).ok).toBe(true);
    expect((await customer("losses", cancelled)).orders).toEqual([{ kind: "win", amount: 50_000, cancelled: true }]);
    expect((await customer("losses", churned)).orders).toEqual([{ kind: "win", amount: 20_000, cancelled: false }]);
    const { ws } = await customer("losses", churned);
    const s = await computeWeeklySummary(t.db.prisma, t.crm.playbook, ws, WEEK, t.clock.now);
    expect(s.movements).toMatchObject({ won: 2, lost: 2, cancelled: 1, churned: 1 });
    expect(s.week).toEqual({ won: 1, orders: 1, revenue: 20_000, cancelled: 1, cancelledAmount: 50_000 });
    expect(s.totals).toMatchObject({ leads: 2, won: 1, conversionRate: 0.5, revenue: 20_000 });
    expect(s.lostReasons).toEqual([{ reason: "competitor", count: 1 }, { reason: "price", count: 1 }]);
  });

  it("stage … won and add … stage=won count as wins, with the amount unknown", async () => {
    const rep = t.person("paths", { workspace: "paths" });
    const moved = await addAs(rep, "add Moved Co");
    expect((await rep.run(`stage #${moved} won`)).ok).toBe(true);
    const added = await addAs(rep, "add Added Co stage=won");
    expect((await customer("paths", moved)).orders).toEqual([{ kind: "win", amount: null, cancelled: false }]);
    expect((await customer("paths", added)).orders).toEqual([{ kind: "win", amount: null, cancelled: false }]);
    const shown = await rep.run(`show #${added}`);
    expect(shown.cards[0]!.sections.find((s) => s.title.startsWith("Orders"))!.items).toEqual(["Mon 23 Nov 2026 amount not yet known"]);
    const { ws } = await customer("paths", added);
    const s = await computeWeeklySummary(t.db.prisma, t.crm.playbook, ws, WEEK, t.clock.now);
    expect(s.movements).toMatchObject({ new: 2, won: 2 });
    expect(s.week).toMatchObject({ won: 2, orders: 2, revenue: 0 });
    expect(s.totals).toMatchObject({ won: 2, averageDeal: null, repurchaseRate: 0 });
    expect((await rep.run(`stage #${moved} intention`)).text).toContain(`#${moved} is won and its orders stand`);
  });

  it("reactivation adds to the history and the week still shows the loss's reason", async () => {
    const rep = t.person("revive", { workspace: "revive" });
    const n = await addAs(rep, "add Revive Co");
    await rep.run(`lost #${n} price`);
    expect((await rep.run(`stage #${n} intention`)).ok).toBe(true);
    const { row, ws } = await customer("revive", n);
    expect(row.lostReason).toBeNull();
    const changes = await t.db.prisma.stageChange.findMany({ where: { customerId: row.id }, orderBy: { at: "asc" } });
    expect(changes.map((c) => [c.fromStage, c.toStage, c.lostReason])).toEqual([
      [null, "potential", null], ["potential", "lost", "price"], ["lost", "intention", null],
    ]);
    const s = await computeWeeklySummary(t.db.prisma, t.crm.playbook, ws, WEEK, t.clock.now);
    expect(s.lostReasons).toEqual([{ reason: "price", count: 1 }]);
    expect(s.movements).toMatchObject({ lost: 1, reactivated: 1 });
  });
});

describe("every figure agrees on zero", () => {
  it("shows — for rates with nothing to divide by", async () => {
    const rep = t.person("empty", { workspace: "empty" });
    await rep.run("help");
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "empty" } });
    const s = await computeWeeklySummary(t.db.prisma, t.crm.playbook, ws, WEEK, t.clock.now);
    expect(s.totals).toEqual({ leads: 0, won: 0, conversionRate: null, revenue: 0, averageDeal: null, repurchaseRate: null, averageCycleDays: null });
  });
});
