import { describe, expect, it } from "vitest";
import { findTarget, planLeads, saveTarget, type LeadPlan } from "../../src/reports/lead-target.ts";
import { monthTargetProgress } from "../../src/reports/weekly-extras.ts";
import { useCrm } from "../support/crm-fixture.ts";

const t = useCrm();

// A month's lead target as stored, and its progress as the weekly summary shows it: the leads
// and revenue of the workspace's month so far (Shanghai, UTC+8).
const plan = (salesTarget: number, averageDeal: number, sources: LeadPlan["sources"]): LeadPlan => ({
  month: "2026-12", salesTarget, window: { start: new Date("2026-08-31T16:00:00Z"), end: new Date("2026-11-30T16:00:00Z") },
  averageDeal, conversionRate: 1 / 3, dealsNeeded: 0, leadsNeeded: 0, sources, sharesFromHistory: false,
});

describe("a month's lead target", () => {
  it("is stored with the average deal to the cent, and set again replaces the month's plan", async () => {
    const boss = t.person("boss", { workspace: "mt-save" });
    expect((await boss.run("help")).ok).toBe(true);
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "mt-save" } });
    const me = await t.db.prisma.user.findFirstOrThrow({ where: { workspaceId: ws.id } });
    expect(await findTarget(t.db.prisma, ws.id, "2026-12")).toBeNull();

    // ¥40,000 ÷ 3 deals: ¥13,333.333… kept as ¥13,333.33.
    await saveTarget(t.db.prisma, ws.id, plan(500_000, 40_000 / 3, [{ source: "展会", share: 1, needed: 112.5 }]), me.id);
    expect(await findTarget(t.db.prisma, ws.id, "2026-12")).toEqual({
      month: "2026-12", salesTarget: 500_000, averageDeal: 13_333.33, conversionRate: 1 / 3,
      sources: [{ source: "展会", share: 1, needed: 112.5 }],
    });
    await saveTarget(t.db.prisma, ws.id, plan(600_000, 40_000, [{ source: "展会", share: 0.4, needed: 18 }, { source: "推荐", share: 0.6, needed: 27 }]), me.id);
    expect(await findTarget(t.db.prisma, ws.id, "2026-12")).toEqual({
      month: "2026-12", salesTarget: 600_000, averageDeal: 40_000, conversionRate: 1 / 3,
      sources: [{ source: "展会", share: 0.4, needed: 18 }, { source: "推荐", share: 0.6, needed: 27 }],
    });
    expect(await t.db.prisma.monthlyTarget.count({ where: { workspaceId: ws.id } })).toBe(1);
    expect(await findTarget(t.db.prisma, ws.id, "2026-11")).toBeNull();
  });

  it("counts the leads and revenue of the workspace's month so far against it", async () => {
    const boss = t.person("boss", { workspace: "mt-progress" });
    const rep = t.person("wang", { workspace: "mt-progress" });
    // 30 Nov 23:00 in Shanghai: November's lead.
    t.clock.set("2026-11-30T15:00:00Z");
    expect((await boss.run("help")).ok).toBe(true);
    expect((await rep.run("add Early source=展会")).ok).toBe(true);
    // 1 Dec 00:30 and 00:40 in Shanghai (still 30 Nov in UTC): December's lead, won for 3万.
    t.clock.set("2026-11-30T16:30:00Z");
    expect((await rep.run("add Acme source=展会")).ok).toBe(true);
    t.clock.set("2026-11-30T16:40:00Z");
    expect((await rep.run("won Acme 3万")).ok).toBe(true);
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "mt-progress" } });
    expect(ws.timeZone).toBe("Asia/Shanghai");
    const me = await t.db.prisma.user.findFirstOrThrow({ where: { workspaceId: ws.id, externalId: "boss" } });

    const now = new Date("2026-11-30T17:00:00Z"); // 1 Dec 01:00 in Shanghai
    expect(await monthTargetProgress(t.db.prisma, ws, now)).toBeNull();
    await saveTarget(t.db.prisma, ws.id, plan(600_000, 40_000, [{ source: "展会", share: 0.4, needed: 18 }, { source: "推荐", share: 0.6, needed: 27 }]), me.id);
    expect(await monthTargetProgress(t.db.prisma, ws, now)).toEqual({
      month: "2026-12", salesTarget: 600_000, averageDeal: 40_000, conversionRate: 1 / 3, revenue: 30_000,
      sources: [{ source: "展会", share: 0.4, needed: 18 }, { source: "推荐", share: 0.6, needed: 27 }],
      progress: [
        { source: "展会", share: 0.4, needed: 18, current: 1, gap: 17 },
        { source: "推荐", share: 0.6, needed: 27, current: 0, gap: 27 },
      ],
    });
    // January has no target.
    expect(await monthTargetProgress(t.db.prisma, ws, new Date("2027-01-02T02:00:00Z"))).toBeNull();
  });
});

describe("the lead-target planner's history", () => {
  /** October: four leads (two from 展会, one from 推荐, one with none); A won for 5万, B for 3万. */
  async function october(workspace: string, lines: string[]) {
    const boss = t.person("boss", { workspace });
    const rep = t.person("wang", { workspace });
    t.clock.set("2026-10-05T02:00:00Z");
    expect((await boss.run("help")).ok).toBe(true);
    for (const line of lines) expect((await rep.run(line)).ok, line).toBe(true);
    return t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: workspace } });
  }
  const DEC_1 = new Date("2026-12-01T02:00:00Z"); // Tuesday 10:00 in Shanghai

  it("reads the three months before the month, or before now for a later month, and plans each source's share of the leads", async () => {
    const ws = await october("mt-plan", ["add A source=展会", "add B source=展会", "add C source=推荐", "add D", "won A 5万", "won B 3万"]);
    const planned = await planLeads(t.db.prisma, ws, "2026-12", 600_000, null, DEC_1);
    if (!planned.ok) throw new Error(planned.refusal.kind);
    // 4 leads, 2 won: ½; ¥80,000 over 2 priced orders: ¥40,000. 60万 ÷ 4万 = 15 deals ÷ ½ = 30 leads.
    expect(planned.plan).toMatchObject({
      month: "2026-12", salesTarget: 600_000, averageDeal: 40_000, conversionRate: 0.5, dealsNeeded: 15, leadsNeeded: 30, sharesFromHistory: true,
      window: { start: new Date("2026-08-31T16:00:00Z"), end: new Date("2026-11-30T16:00:00Z") },
    });
    expect([...planned.plan.sources].sort((a, b) => a.source.localeCompare(b.source))).toEqual([
      { source: "", share: 0.25, needed: 7.5 },
      { source: "展会", share: 0.5, needed: 15 },
      { source: "推荐", share: 0.25, needed: 7.5 },
    ]);
    // January, planned on 1 December: the three months to now.
    const later = await planLeads(t.db.prisma, ws, "2027-01", 600_000, [{ source: "推荐", share: 1 }], DEC_1);
    if (!later.ok) throw new Error(later.refusal.kind);
    expect(later.plan).toMatchObject({
      window: { start: new Date("2026-09-01T02:00:00Z"), end: DEC_1 }, sharesFromHistory: false, sources: [{ source: "推荐", share: 1, needed: 30 }],
    });
  });

  it("refuses without leads, without a win, or without an order with an amount", async () => {
    const window = { start: new Date("2026-08-31T16:00:00Z"), end: new Date("2026-11-30T16:00:00Z") };
    const none = await october("mt-none", []);
    expect(await planLeads(t.db.prisma, none, "2026-12", 600_000, null, DEC_1)).toEqual({ ok: false, refusal: { kind: "noLeads", window } });
    const lost = await october("mt-lost", ["add A source=展会", "add B", "lost A price"]);
    expect(await planLeads(t.db.prisma, lost, "2026-12", 600_000, null, DEC_1)).toEqual({ ok: false, refusal: { kind: "noWins", window, leads: 2 } });
    const unpriced = await october("mt-unpriced", ["add A source=展会", "won A"]);
    expect(await planLeads(t.db.prisma, unpriced, "2026-12", 600_000, null, DEC_1)).toEqual({ ok: false, refusal: { kind: "noOrders", window } });
  });
});
