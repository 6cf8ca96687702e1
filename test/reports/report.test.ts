import { describe, expect, it } from "vitest";
import { computeReport } from "../../src/reports/report.ts";
import { monthPeriod } from "../../src/reports/period.ts";
import { weeklyTrend } from "../../src/reports/report-figures.ts";
import { orderFigures } from "../../src/reports/weekly-figures.ts";
import { useCrm } from "../support/crm-fixture.ts";

const t = useCrm();
const DEC_1 = "2026-12-01T02:00:00Z"; // Tuesday 10:00 in Shanghai

/**
 * A hand-made autumn in one workspace (Shanghai time); the boss is its first person (admin):
 *   5 Oct   wang adds A (展会), B (展会), C (推荐); li adds D (推荐) and E (no source)
 *   12 Oct  wang: won A 5万 (7 days after it was added); li: lost D price
 *   10 Nov  wang: order A 3万, won B (no amount: 36 days), a call on C; li: an SMS and a visit on E
 *   16 Nov  li adds F (展会); wang moves C to intention A
 */
async function buildAutumn(workspace: string) {
  const boss = t.person("boss", { workspace });
  const wang = t.person("wang", { workspace });
  const li = t.person("li", { workspace });
  const run = async (p: typeof boss, line: string) => expect((await p.run(line)).ok, line).toBe(true);
  t.clock.set("2026-10-05T02:00:00Z");
  await run(boss, "help");
  await run(wang, "add A source=展会");
  await run(wang, "add B source=展会");
  await run(wang, "add C source=推荐");
  await run(li, "add D source=推荐");
  await run(li, "add E");
  t.clock.set("2026-10-12T02:00:00Z");
  await run(wang, "won A 5万");
  await run(li, "lost D price");
  t.clock.set("2026-11-10T02:00:00Z");
  await run(wang, "order A 3万");
  await run(wang, "won B");
  await run(wang, "log C call asked for a quote");
  await run(li, "log E sms sent the catalogue");
  await run(li, "log E visit met the buyer");
  t.clock.set("2026-11-16T02:00:00Z");
  await run(li, "add F source=展会");
  await run(wang, "stage C intention A");
  t.clock.set(DEC_1);
  return { boss, wang, li };
}

/** The weeks of a trend with anything in them: [label (its Monday), new, won, lost]. */
const busyWeeks = (trend: { label: string; new: number; won: number; lost: number }[]) =>
  trend.filter((w) => w.new + w.won + w.lost > 0).map((w) => [w.label, w.new, w.won, w.lost]);

describe("report figures against a hand-computed fixture", () => {
  it("computes November for the team: funnel, movements, results, §7 metrics, sources, per rep, diagnosis", async () => {
    await buildAutumn("r-team");
    t.clock.set(DEC_1);
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "r-team" } });
    const period = monthPeriod("2026-11", t.clock.now, ws.timeZone)!;
    expect(period).toMatchObject({ start: new Date("2026-10-31T16:00:00Z"), end: new Date("2026-11-30T16:00:00Z"), toDate: false });
    const r = await computeReport(t.db.prisma, t.crm.playbook, ws, period, { kind: "team" }, t.clock.now);

    expect(r.funnel.map((f) => [f.stage, f.total])).toEqual([["potential", 2], ["intention", 1], ["selection", 0], ["won", 2], ["lost", 1]]);
    expect(r.movements).toMatchObject({ new: 1, promoted: 1, demoted: 0, won: 1, lost: 0, reactivated: 0 });
    // B's win (no amount) and A's repeat 3万: 2 orders, ¥30,000, one with an amount.
    expect(r.results).toEqual({ won: 1, orders: 2, revenue: 30_000, averageDeal: 30_000, cancelled: 0, cancelledAmount: 0, newLeads: 1 });
    // To 30 Nov: A and B won, A with two orders; cycles 7 and 36 days.
    expect(r.totals).toEqual({ won: 2, revenue: 80_000, repurchaseRate: 0.5, averageCycleDays: 21.5 });
    // 1 Sep – 30 Nov: six leads, A and B won.
    expect(r.conversion).toMatchObject({ leads: 6, won: 2, start: new Date("2026-08-31T16:00:00Z") });
    expect(r.conversion.rate).toBeCloseTo(1 / 3);
    expect(r.lostReasons).toEqual([]);
    expect(r.sources).toEqual([{ source: "展会", count: 1 }]);
    // The boss (the admin) owns and logged nothing: no row. wang won one, li none.
    expect(r.reps.map((x) => x.name)).toEqual(["wang", "li"]);
    const reps = Object.fromEntries(r.reps.map((x) => [x.name, x]));
    expect(reps.wang).toMatchObject({ newLeads: 0, calls: 1, sms: 0, visits: 0, filings: 0, wins: 1 });
    expect(reps.li).toMatchObject({ newLeads: 1, calls: 0, sms: 1, visits: 1, filings: 0, wins: 0 });
    // Due touches of November (potential D: call and SMS due 20 days after 5 Oct, on Mon 26 Oct,
    // overdue on the 30th). li's SMS and visit on E on 10 Nov answer the SMS and then the call,
    // both late; nothing of li's is overdue by the month's end: 0 of 2 on time.
    expect(reps.li).toMatchObject({ onTime: 0, dueTouches: 2, compliance: 0 });
    // wang's call on C answers its call, late. Still owed at the month's end: A (won 12 Oct,
    // never called since), B (won 10 Nov, its first call overdue on the 18th) and C (its SMS,
    // overdue since 30 Oct, held when it moved to intention A): 0 of 4.
    expect(reps.wang).toMatchObject({ onTime: 0, dueTouches: 4, compliance: 0 });
    // The open stages only: 2 potential at the top, 1 in the middle (won and lost are not the pipeline).
    expect(r.diagnosis).toEqual([{ kind: "thinTop", top: 2, middle: 1 }, { kind: "notProspecting", newLeads: 1, won: 1 }]);
    // October: the five leads, A won, D lost for "price".
    const oct = await computeReport(t.db.prisma, t.crm.playbook, ws, monthPeriod("2026-10", t.clock.now, ws.timeZone)!, { kind: "team" }, t.clock.now);
    expect(oct.results).toMatchObject({ won: 1, orders: 1, revenue: 50_000, averageDeal: 50_000, newLeads: 5 });
    expect(oct.lostReasons).toEqual([{ reason: "price", count: 1 }]);
    expect(oct.sources).toEqual([{ source: "展会", count: 2 }, { source: "推荐", count: 2 }, { source: "", count: 1 }]);
    expect(oct.trend).toHaveLength(12);
    expect(oct.trend.reduce((s, w) => s + w.new, 0)).toBe(5);
    expect(oct.trend.reduce((s, w) => s + w.won, 0)).toBe(1);
    expect(oct.trend.reduce((s, w) => s + w.lost, 0)).toBe(1);
    // Each in the week (from its Monday) it happened: the leads of 5 Oct, A won and D lost on the 12th.
    expect(busyWeeks(oct.trend)).toEqual([["10-05", 5, 0, 0], ["10-12", 0, 1, 1]]);
    // Twelve weeks to 30 Nov: B won on 10 Nov (A's order then was a repeat), F added on the 16th.
    expect(busyWeeks(r.trend)).toEqual([["10-05", 5, 0, 0], ["10-12", 0, 1, 1], ["11-09", 0, 1, 0], ["11-16", 1, 0, 0]]);
  });

  it("shows a rep's own figures, and — where a denominator is 0", async () => {
    const { li } = await buildAutumn("r-rep");
    const reply = await li.run("report 2026-11");
    expect(reply.ok, reply.text).toBe(true);
    const fields = Object.fromEntries(reply.cards.flatMap((c) => c.fields.map((f) => [f.label, f.value])));
    expect(fields["New leads"]).toBe("1");
    expect(fields["Average deal (revenue ÷ orders with an amount)"]).toBe("—");
    expect(fields["Repurchase (2+ orders ÷ won)"]).toBe("—");
    expect(fields["Average sales cycle"]).toBe("—");
    const conversion = Object.entries(fields).find(([k]) => k.startsWith("Conversion, last 3 months"))![1];
    expect(conversion).toBe("0.0% (0/3)");
    expect(reply.text).toContain("li");
    const reps = reply.cards.find((c) => c.title === "Per rep")!.sections[0]!.items;
    expect(reps).toEqual(["li: 1 new · 0 calls · 1 SMS · 1 visits · 0 filings · 0 won · on cadence 0.0%"]);
  });

  it("counts only a rep's own customers in their report, none released to the shared pool, in every figure", async () => {
    const { li } = await buildAutumn("r-own");
    expect((await li.run("release F no budget this year")).ok).toBe(true);
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "r-own" } });
    const user = await t.db.prisma.user.findFirstOrThrow({ where: { workspaceId: ws.id, externalId: "li" } });
    const scope = { kind: "rep" as const, userId: user.id, name: "li" };
    const report = (month: string) => computeReport(t.db.prisma, t.crm.playbook, ws, monthPeriod(month, t.clock.now, ws.timeZone)!, scope, t.clock.now);
    const oct = await report("2026-10");
    // li holds D (lost) and E (potential D); F went to the pool, A–C are wang's.
    expect(oct.funnel.map((f) => [f.stage, f.total])).toEqual([["potential", 1], ["intention", 0], ["selection", 0], ["won", 0], ["lost", 1]]);
    expect(oct.funnel[0]!.grades).toEqual([{ grade: "A", count: 0 }, { grade: "B", count: 0 }, { grade: "C", count: 0 }, { grade: "D", count: 1 }]);
    // October: D and E added, D lost for "price"; wang's three leads and A's win are not li's.
    expect(oct.movements).toMatchObject({ new: 2, promoted: 0, won: 0, lost: 1 });
    expect(oct.results).toMatchObject({ won: 0, orders: 0, revenue: 0, averageDeal: null, newLeads: 2 });
    expect(oct.totals).toEqual({ won: 0, revenue: 0, repurchaseRate: null, averageCycleDays: null });
    expect(oct.lostReasons).toEqual([{ reason: "price", count: 1 }]);
    expect(oct.sources).toEqual([{ source: "", count: 1 }, { source: "推荐", count: 1 }]);
    expect(oct.conversion).toMatchObject({ leads: 2, won: 0, rate: 0, orders: 0, revenue: 0, averageDeal: null });
    expect(busyWeeks(oct.trend)).toEqual([["10-05", 2, 0, 0], ["10-12", 0, 0, 1]]);
    expect(oct.reps.map((r) => [r.name, r.newLeads, r.wins])).toEqual([["li", 2, 0]]);
    // One potential, nothing in the middle, no win: nothing wrong with the shape.
    expect(oct.diagnosis).toEqual([{ kind: "healthy" }]);
    // The order figures of one owner: li's leads to the end of November are D and E.
    expect((await orderFigures(t.db.prisma, ws.id, { start: oct.period.start, end: new Date("2026-11-30T16:00:00Z") }, { ownerId: user.id })).leads).toBe(2);
    // November: F, added on the 16th, is in the pool now: li's month has no new lead.
    const nov = await report("2026-11");
    expect(nov.movements).toMatchObject({ new: 0, won: 0, lost: 0 });
    expect(nov.sources).toEqual([]);
    expect(nov.reps).toEqual([expect.objectContaining({ name: "li", newLeads: 0, calls: 0, sms: 1, visits: 1, wins: 0 })]);
    expect(nov.target).toBeNull();
  });

  it("orders the lost reasons most first and the people by wins, then new leads, then name; lists every rep and whoever logged a touch", async () => {
    const ws = "r-order";
    const run = async (p: ReturnType<typeof t.person>, line: string) => expect((await p.run(line)).ok, line).toBe(true);
    // Each joins in another order than the report's, so that the order is the report's.
    const boss = t.person("boss", { workspace: ws });
    await run(boss, "help"); // the admin: owns nothing
    const [dan, amy, bob, cat] = ["dan", "amy", "bob", "cat"].map((name) => t.person(name, { workspace: ws }));
    await run(dan!, "add D1");
    await run(amy!, "add A1");
    await run(bob!, "add B1");
    await run(bob!, "add B2");
    await run(cat!, "add C1");
    await run(cat!, "won C1 5万");
    const idle = t.person("idle", { workspace: ws });
    await run(idle, "help"); // a rep with nothing yet
    await run(boss, "log B1 call asked for the budget"); // the admin's touch on bob's customer
    await run(amy!, "lost A1 timing");
    await run(bob!, "lost B1 competitor");
    await run(bob!, "lost B2 price");
    await run(dan!, "lost D1 price");
    t.clock.set(DEC_1);
    const workspace = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: ws } });
    const period = monthPeriod("2026-11", t.clock.now, workspace.timeZone)!;
    const r = await computeReport(t.db.prisma, t.crm.playbook, workspace, period, { kind: "team" }, t.clock.now);
    expect(r.lostReasons).toEqual([{ reason: "price", count: 2 }, { reason: "competitor", count: 1 }, { reason: "timing", count: 1 }]);
    expect(r.reps.map((x) => [x.name, x.wins, x.newLeads])).toEqual([["cat", 1, 1], ["bob", 0, 2], ["amy", 0, 1], ["dan", 0, 1], ["boss", 0, 0], ["idle", 0, 0]]);
    expect(r.reps.find((x) => x.name === "boss")).toMatchObject({ calls: 1, role: "admin" });
    // Nothing was due to idle: no touch to count, and no share.
    expect(r.reps.find((x) => x.name === "idle")).toMatchObject({ calls: 0, onTime: 0, dueTouches: 0, compliance: null });
    // idle's own report: no lead in the last three months, so no conversion rate (not 0 ÷ 0).
    const user = await t.db.prisma.user.findFirstOrThrow({ where: { workspaceId: workspace.id, externalId: "idle" } });
    const own = await computeReport(t.db.prisma, t.crm.playbook, workspace, period, { kind: "rep", userId: user.id, name: "idle" }, t.clock.now);
    expect(own.conversion).toMatchObject({ leads: 0, won: 0, rate: null, averageDeal: null });
    expect(own.reps.map((x) => x.name)).toEqual(["idle"]);
    // No weeks asked, no trend.
    expect(await weeklyTrend(t.db.prisma, workspace.id, [], ["lost"], {})).toEqual([]);
  });

  it("lets reps see only their own report; directors the team's or one rep's", async () => {
    const { boss, wang, li } = await buildAutumn("r-perm");
    expect((await li.run("report team")).code).toBe("forbidden");
    expect((await li.run("report @wang")).code).toBe("forbidden");
    expect((await li.run("report @li")).ok).toBe(true);
    expect((await wang.run("report mine")).ok).toBe(true);
    const one = await boss.run("report 2026-11 @wang");
    expect(one.ok, one.text).toBe(true);
    expect(one.text).toContain("wang");
    expect(one.cards.find((c) => c.title === "Per rep")!.sections[0]!.items).toEqual([
      "wang: 0 new · 1 calls · 0 SMS · 0 visits · 0 filings · 1 won · on cadence 0.0%",
    ]);
    const team = await boss.run("report 2026-11");
    expect(team.text).toContain("team");
    expect(team.files?.map((f) => f.name)).toEqual(["funnel.png", "trend.png", "reps.png"]);
    expect(one.files?.map((f) => f.name)).toEqual(["funnel.png", "trend.png"]);
  });

  it("leaves a customer in the shared pool out of its last owner's report, and keeps it in the team's", async () => {
    const { boss, li } = await buildAutumn("r-pool");
    expect((await li.run("release F no budget this year")).ok).toBe(true);
    const mine = await li.run("report 2026-11");
    const fields = Object.fromEntries(mine.cards.flatMap((c) => c.fields.map((f) => [f.label, f.value])));
    expect(fields["New leads"]).toBe("0");
    const team = await boss.run("report 2026-11");
    expect(Object.fromEntries(team.cards.flatMap((c) => c.fields.map((f) => [f.label, f.value])))["New leads"]).toBe("1");
  });

  it("refuses what it cannot read, naming it, in both languages", async () => {
    const boss = t.person("boss", { workspace: "r-bad" });
    const zh = t.person("zhang", { workspace: "r-bad", locale: "zh-CN" });
    await boss.run("help");
    const future = await boss.run("report 2027-01");
    expect(future).toMatchObject({ ok: false, code: "bad_period" });
    expect(future.text).toContain("2027-01 has not begun");
    const bad = await boss.run("report weekly");
    expect(bad.text).toContain('"weekly" is not a period');
    expect((await boss.run("report week month")).code).toBe("bad_period");
    const zhBad = await zh.run("报表 明年");
    expect(zhBad.text).toContain("“明年”既不是期间");
    const zhOk = await zh.run("报表 本周 我的");
    expect(zhOk.ok, zhOk.text).toBe(true);
    // The period in the same words as its date range: one date format within a line.
    expect(zhOk.text).toContain("报表：zhang，2026年第48周（");
    expect((await zh.run("报表 2026-11 我的")).text).toContain("报表：zhang，2026年11月（");
    expect(zhOk.cards.map((c) => c.title)).toContain("诊断");
  });
});

describe("the lead-target planner", () => {
  it("works out leads per source from the last three months, saves it, and shows progress in report month", async () => {
    const { boss, li } = await buildAutumn("t-plan");
    // 1 Sep – 30 Nov: average deal 8万 ÷ 2 priced orders = 4万; conversion 2/6.
    // 60万 ÷ 4万 = 15 deals ÷ ⅓ = 45 leads: 展会 3/6 → 22.5 → 23, 推荐 2/6 → 15, none 1/6 → 7.5 → 8.
    const plan = await boss.run("target 2026-12 60万");
    expect(plan.ok, plan.text).toBe(true);
    const card = plan.cards[0]!;
    expect(card.subtitle).toContain("average deal ¥40,000, conversion 33.3%. 15.0 deals → 45 leads needed");
    expect(card.sections[0]!.items).toEqual([
      "展会 (50.0%): need 23, in 0, gap 23",
      "推荐 (33.3%): need 15, in 0, gap 15",
      "(no source recorded) (16.7%): need 8, in 0, gap 8",
    ]);
    t.clock.set("2026-12-02T02:00:00Z");
    await li.run("add G source=展会");
    t.clock.set("2026-12-02T03:00:00Z");
    const given = await boss.run("target 2026-12 60万 展会=40% 推荐=60%");
    expect(given.cards[0]!.sections[0]!.items).toEqual(["展会 (40.0%): need 18, in 1, gap 17", "推荐 (60.0%): need 27, in 0, gap 27"]);
    const month = await boss.run("report month");
    const target = month.cards.find((c) => c.title === "Lead target for 2026-12")!;
    expect(target.subtitle).toBe("Sales target ¥600,000 · revenue so far ¥0");
    expect(target.sections[0]!.items).toEqual(["展会 (40.0%): need 18, in 1, gap 17", "推荐 (60.0%): need 27, in 0, gap 27"]);
    // The target is the team's month: not in a week's report, nor in a rep's own month.
    const titles = async (reply: Promise<{ ok: boolean; cards: { title: string }[] }>) => {
      const done = await reply;
      expect(done.ok).toBe(true);
      return done.cards.map((c) => c.title);
    };
    expect(await titles(boss.run("report week"))).not.toContain("Lead target for 2026-12");
    expect(await titles(li.run("report month"))).not.toContain("Lead target for 2026-12");
    expect(await titles(boss.run("report month"))).toContain("Lead target for 2026-12");
  });

  it("refuses with a clear reason: no history, not a director, a past month, an amount or shares it cannot read", async () => {
    const { boss, li } = await buildAutumn("t-bad");
    expect((await li.run("target 2026-12 60万")).code).toBe("forbidden");
    expect((await boss.run("target 2026-11 60万")).text).toContain("2026-11 is over");
    expect((await boss.run("target 2026-12 5万五五")).text).toContain('could not read "5万五五"');
    expect((await boss.run("target 12 60万")).code).toBe("bad_period");
    expect((await boss.run("target 2026-12")).code).toBe("usage");
    expect((await boss.run("target 2026-12 60万 展会=40% 推荐=50%")).text).toContain("add up to 90.0%");
    expect((await boss.run("target 2026-12 60万 展会=40 推荐=60%")).text).toContain('"40", is not a percentage');
    const empty = t.person("boss", { workspace: "t-empty", locale: "zh-CN" });
    const none = await empty.run("目标 2026-12 60万");
    expect(none).toMatchObject({ ok: false, code: "no_history" });
    expect(none.text).toContain("没有新增客源");
    expect(await t.db.prisma.monthlyTarget.count({ where: { workspace: undefined, month: "2026-12", workspaceId: (await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "t-empty" } })).id } })).toBe(0);
  });
});
