import { describe, expect, it } from "vitest";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";
import { renderWeeklySummary } from "../../src/reports/render-weekly-summary.ts";
import type { WeeklySummary } from "../../src/reports/weekly-summary.ts";
import { cardTitled as card, fieldsOf, sectionsOf } from "../support/card-lines.ts";

// The weekly summary's cards from figures given by hand (no database). The week is the
// workspace's (Shanghai, UTC+8): Monday 23 – Sunday 29 November 2026. Short dates are in the
// reader's zone: a filing at 23:30 UTC on the 24th is the 25th in Shanghai, the 24th in London.
const WORKSPACE = { externalId: "T1", timeZone: "Asia/Shanghai" };
const SHANGHAI = { locale: "en" as const, timeZone: "Asia/Shanghai" };

const trackedCustomer = (n: number) => ({
  number: n, company: `Co${n}`, stage: "potential", grade: "A", owner: "wang",
  lastTouchAt: new Date("2026-11-20T02:00:00Z"), nextDueAt: new Date("2026-11-27T02:00:00Z"), overdue: false,
});

function summary(): WeeklySummary {
  return {
    start: new Date("2026-11-22T16:00:00Z"),
    end: new Date("2026-11-29T16:00:00Z"),
    funnel: [
      { stage: "potential", total: 3, grades: [{ grade: "A", count: 1 }, { grade: "B", count: 2 }, { grade: "C", count: 0 }, { grade: "D", count: 0 }] },
      { stage: "won", total: 1, grades: [] },
    ],
    movements: { new: 2, promoted: 1, demoted: 1, won: 1, lost: 2, reactivated: 3, cancelled: 1, churned: 0 },
    week: { won: 1, orders: 2, revenue: 50_000, cancelled: 1, cancelledAmount: 20_000 },
    totals: { leads: 8, won: 2, conversionRate: 0.25, revenue: 150_000, averageDeal: 50_000, repurchaseRate: 0.5, averageCycleDays: 12.5 },
    lostReasons: [{ reason: "competitor", count: 1 }, { reason: "", count: 1 }],
    ownership: { released: 1, claimed: 2, handovers: 3, escalated: 4 },
    compliance: [{ owner: "li", onTime: 1, due: 3 }, { owner: "wang", onTime: 2, due: 2 }],
    overdueByRep: [{ owner: "li", count: 3 }, { owner: "wang", count: 1 }],
    pendingFilings: [
      { number: 12, company: "Acme", owner: "wang", filedAt: new Date("2026-11-24T23:30:00Z") },
      { number: 13, company: "Beta", owner: "li", filedAt: null },
      ...[14, 15, 16, 17].map((n) => ({ number: n, company: `Co${n}`, owner: "li", filedAt: null })),
    ],
    tracked: [
      { number: 7, company: "Acme", stage: "intention", grade: "A", owner: "wang", lastTouchAt: new Date("2026-11-20T02:00:00Z"), nextDueAt: new Date("2026-11-27T02:00:00Z"), overdue: true },
      { number: 8, company: "Beta", stage: "won", grade: null, owner: "li", lastTouchAt: null, nextDueAt: null, overdue: false },
    ],
  };
}

function empty(): WeeklySummary {
  return {
    ...summary(),
    funnel: [],
    movements: { new: 0, promoted: 0, demoted: 0, won: 0, lost: 2, reactivated: 0, cancelled: 0, churned: 0 },
    week: { won: 0, orders: 0, revenue: 0, cancelled: 0, cancelledAmount: 0 },
    totals: { leads: 0, won: 0, conversionRate: null, revenue: 0, averageDeal: null, repurchaseRate: null, averageCycleDays: null },
    lostReasons: [],
    ownership: { released: 0, claimed: 0, handovers: 0, escalated: 0 },
    compliance: [],
    overdueByRep: [],
    pendingFilings: [],
    tracked: [],
  };
}


describe("the weekly summary as cards", () => {
  it("shows every figure of the week, in English", async () => {
    const playbook = await loadPlaybook("default");
    const reply = renderWeeklySummary(summary(), playbook, SHANGHAI, WORKSPACE);
    expect(reply).toMatchObject({ ok: true, ephemeral: false, locale: "en", text: "Weekly summary, 23–29 Nov 2026" });
    expect(reply.cards.map((c) => c.title)).toEqual([
      "Funnel now", "This week's movements", "Results", "Lost this week, by reason", "The team this week",
      "Overdue customers per rep", "Filings waiting for approval (6)", "A-grade digest (2)",
    ]);
    expect(fieldsOf(reply, "Funnel now")).toEqual([["Potential", "3 (A 1 · B 2 · C 0 · D 0)"], ["Won", "1"]]);
    expect(fieldsOf(reply, "This week's movements")).toEqual([
      ["New", "2"], ["Promoted", "1"], ["Demoted", "1"], ["Won", "1"], ["Lost", "2 (1 order cancelled)"], ["Reactivated", "3"],
    ]);
    expect(fieldsOf(reply, "Results")).toEqual([
      ["Won this week (new customers)", "1"],
      ["Orders this week (orders · revenue)", "2 · ¥50,000"],
      ["Orders cancelled this week", "1 · ¥20,000"],
      ["Conversion (won ÷ leads, to date)", "25.0% (2/8)"],
      ["Revenue to date", "¥150,000"],
      ["Average order (revenue ÷ orders with an amount)", "¥50,000"],
      ["Repurchase (2+ orders ÷ won)", "50.0%"],
      ["Average sales cycle", "12.5 days"],
    ]);
    expect(sectionsOf(reply, "Lost this week, by reason")).toEqual([["", "Chose a competitor: 1", "—: 1"]]);
    expect(fieldsOf(reply, "The team this week")).toEqual([["Escalated", "4"], ["Back to the shared pool", "1"], ["Claimed from the pool", "2"], ["Handed over", "3"]]);
    expect(sectionsOf(reply, "The team this week")).toEqual([[
      "Due touches done on time, per person (on time ÷ due this week, late and still overdue included)",
      "li: 33% (1/3)", "wang: 100% (2/2)",
    ]]);
    expect(sectionsOf(reply, "Overdue customers per rep")).toEqual([["", "li: 3", "wang: 1"]]);
    const filings = card(reply, "Filings waiting for approval (6)");
    expect(sectionsOf(reply, "Filings waiting for approval (6)")).toEqual([[
      "", "#12 Acme · wang · 25 Nov", "#13 Beta · li", "#14 Co14 · li", "#15 Co15 · li", "#16 Co16 · li", "#17 Co17 · li",
    ]]);
    // Buttons for the first five only.
    expect(filings.actions).toEqual([12, 13, 14, 15, 16].map((n) => ({ kind: "run", label: `Approve filing #${n}`, command: `approve #${n}@T1` })));
    expect(sectionsOf(reply, "A-grade digest (2)")).toEqual([[
      "", "⚠ #7 Acme · Intention · A · wang · last 20 Nov, next 27 Nov · OVERDUE", "#8 Beta · Won · li · last —, next —",
    ]]);
  });

  it("dates the week in the workspace's zone and the filings in the reader's", async () => {
    const playbook = await loadPlaybook("default");
    const reply = renderWeeklySummary(summary(), playbook, { locale: "en", timeZone: "Europe/London" }, WORKSPACE);
    expect(reply.text).toBe("Weekly summary, 23–29 Nov 2026");
    expect(card(reply, "Filings waiting for approval (6)").sections[0]!.items[0]).toBe("#12 Acme · wang · 24 Nov");
  });

  it("shows — for a ratio with nothing to divide by, none for an empty list, and leaves out what did not happen", async () => {
    const playbook = await loadPlaybook("default");
    const reply = renderWeeklySummary(empty(), playbook, SHANGHAI, WORKSPACE);
    expect(fieldsOf(reply, "Funnel now")).toEqual([]);
    expect(fieldsOf(reply, "This week's movements")[4]).toEqual(["Lost", "2"]);
    expect(fieldsOf(reply, "Results")).toEqual([
      ["Won this week (new customers)", "0"],
      ["Orders this week (orders · revenue)", "0 · ¥0"],
      ["Conversion (won ÷ leads, to date)", "—"],
      ["Revenue to date", "¥0"],
      ["Average order (revenue ÷ orders with an amount)", "—"],
      ["Repurchase (2+ orders ÷ won)", "—"],
      ["Average sales cycle", "—"],
    ]);
    expect(sectionsOf(reply, "Lost this week, by reason")).toEqual([["", "none"]]);
    expect(sectionsOf(reply, "The team this week")[0]!.slice(1)).toEqual(["none"]);
    expect(sectionsOf(reply, "Overdue customers per rep")).toEqual([["", "none"]]);
    expect(card(reply, "Filings waiting for approval (0)")).toMatchObject({ sections: [{ title: "", items: [] }], actions: [] });
    expect(sectionsOf(reply, "A-grade digest (0)")).toEqual([[""]]);
  });

  it("lists at most 25 customers, then says how many more", async () => {
    const playbook = await loadPlaybook("default");
    const line = (n: number) => `#${n} Co${n} · Potential · A · wang · last 20 Nov, next 27 Nov`;
    const full = renderWeeklySummary({ ...empty(), tracked: Array.from({ length: 25 }, (_, i) => trackedCustomer(i + 1)) }, playbook, SHANGHAI, WORKSPACE);
    const items25 = card(full, "A-grade digest (25)").sections[0]!.items;
    expect(items25).toHaveLength(25);
    expect(items25.at(-1)).toBe(line(25));
    const over = renderWeeklySummary({ ...empty(), tracked: Array.from({ length: 27 }, (_, i) => trackedCustomer(i + 1)) }, playbook, SHANGHAI, WORKSPACE);
    const items27 = card(over, "A-grade digest (27)").sections[0]!.items;
    expect(items27).toHaveLength(26);
    expect(items27[0]).toBe(line(1));
    expect(items27.slice(-2)).toEqual([line(25), "…and 2 more"]);
  });

  it("in Chinese: full-width brackets and colons, grades with 级", async () => {
    const playbook = await loadPlaybook("default");
    const reply = renderWeeklySummary(summary(), playbook, { locale: "zh-CN", timeZone: "Asia/Shanghai" }, WORKSPACE);
    expect(reply.text).toBe("销售周报（2026年11月23日–29日）");
    expect(fieldsOf(reply, "本周变动")[4]).toEqual(["战败", "2（退单 1）"]);
    expect(fieldsOf(reply, "业绩")[3]).toEqual(["成交率（成交客户 ÷ 客源，累计）", "25.0%（2/8）"]);
    expect(sectionsOf(reply, "本周团队动态")[0]!.slice(1)).toEqual(["li：33%（1/3）", "wang：100%（2/2）"]);
    expect(sectionsOf(reply, "A级客户跟踪（2）")[0]![1]).toBe("⚠ #7 Acme · 意向客户 A级 · wang · 上次 11月20日，下次 11月27日 · 已逾期");
  });
});
