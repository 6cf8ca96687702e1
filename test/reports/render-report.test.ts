import { describe, expect, it } from "vitest";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";
import { diagnosisParagraph, percent, periodLabel, renderReport, scopeLabel } from "../../src/reports/render-report.ts";
import type { Report } from "../../src/reports/report.ts";
import { fieldsOf, sectionsOf } from "../support/card-lines.ts";

// The report's cards from figures given by hand (no database): what each figure becomes, in the
// reader's language. The periods are in Shanghai time (UTC+8), the workspace's zone here.
const ZONE = "Asia/Shanghai";
const NOVEMBER = { kind: "month" as const, start: new Date("2026-10-31T16:00:00Z"), end: new Date("2026-11-30T16:00:00Z"), label: "2026-11", toDate: false };

function fullReport(): Report {
  return {
    period: NOVEMBER,
    scope: { kind: "team" },
    funnel: [
      { stage: "potential", total: 5, grades: [{ grade: "A", count: 2 }, { grade: "B", count: 3 }, { grade: "C", count: 0 }, { grade: "D", count: 0 }] },
      { stage: "intention", total: 0, grades: [{ grade: "A", count: 0 }, { grade: "B", count: 0 }] },
      { stage: "selection", total: 1, grades: [] },
      { stage: "won", total: 2, grades: [] },
      { stage: "lost", total: 1, grades: [] },
    ],
    movements: { new: 3, promoted: 1, demoted: 0, won: 2, lost: 4, reactivated: 1, cancelled: 1, churned: 2 },
    results: { won: 2, orders: 3, revenue: 80_000, averageDeal: 40_000, cancelled: 1, cancelledAmount: 5_000, newLeads: 4 },
    totals: { won: 4, revenue: 130_000, repurchaseRate: 0.5, averageCycleDays: 21.5 },
    conversion: {
      leads: 6, won: 2, rate: 2 / 6, orders: 3, revenue: 80_000, pricedOrders: 2, averageDeal: 40_000,
      start: new Date("2026-08-31T16:00:00Z"), end: new Date("2026-11-30T16:00:00Z"),
    },
    lostReasons: [{ reason: "price", count: 2 }, { reason: "", count: 1 }, { reason: "gone-quiet", count: 1 }],
    sources: [{ source: "展会", count: 3 }, { source: "", count: 1 }],
    reps: [{ userId: "u1", name: "wang", role: "rep", newLeads: 1, calls: 2, sms: 3, visits: 4, filings: 5, wins: 6, onTime: 1, dueTouches: 4, compliance: 0.25 }],
    trend: [],
    diagnosis: [{ kind: "thinTop", top: 5, middle: 1 }],
    target: {
      month: "2026-11", salesTarget: 600_000, averageDeal: 40_000, conversionRate: 1 / 3,
      sources: [],
      progress: [
        { source: "展会", share: 0.5, needed: 22.5, current: 1, gap: 22 },
        // 45 × ⅓ in floating point is a hair above 15: still 15 leads needed.
        { source: "", share: 1 / 3, needed: 15.000000000000002, current: 0, gap: 15 },
      ],
    },
  };
}

/** A rep's report where every ratio has nothing to divide by and every list is empty. */
function emptyReport(): Report {
  return {
    ...fullReport(),
    scope: { kind: "rep", userId: "u2", name: "li" },
    funnel: [],
    movements: { new: 0, promoted: 0, demoted: 0, won: 0, lost: 1, reactivated: 0, cancelled: 0, churned: 0 },
    results: { won: 0, orders: 0, revenue: 0, averageDeal: null, cancelled: 0, cancelledAmount: 0, newLeads: 0 },
    totals: { won: 0, revenue: 0, repurchaseRate: null, averageCycleDays: null },
    conversion: { leads: 0, won: 0, rate: null, orders: 0, revenue: 0, pricedOrders: 0, averageDeal: null, start: new Date("2026-08-31T16:00:00Z"), end: new Date("2026-11-30T16:00:00Z") },
    lostReasons: [],
    sources: [],
    reps: [],
    diagnosis: [{ kind: "empty" }],
    target: null,
  };
}


describe("the report as cards", () => {
  it("shows every figure of a team's month, in English", async () => {
    const playbook = await loadPlaybook("default");
    const png = { name: "funnel.png", mimeType: "image/png", data: Buffer.from("png") };
    const reply = renderReport(fullReport(), playbook, "en", ZONE, [png, { ...png, name: "trend.png" }]);
    expect(reply).toMatchObject({ ok: true, ephemeral: true, locale: "en", files: [png, { ...png, name: "trend.png" }] });
    expect(reply.text).toBe("Report — team, 2026-11 (1–30 Nov 2026)\n2 charts attached.");
    expect(reply.cards.map((c) => c.title)).toEqual([
      "Funnel now", "Movements in the period", "Results in the period", "Management figures",
      "Lost in the period, by reason", "New leads by source", "Per rep", "Lead target for 2026-11", "Diagnosis",
    ]);
    expect(fieldsOf(reply, "Funnel now")).toEqual([
      ["Potential", "5 (A 2 · B 3 · C 0 · D 0)"], ["Intention", "0"], ["Selection", "1"], ["Won", "2"], ["Lost", "1"],
    ]);
    expect(fieldsOf(reply, "Movements in the period")).toEqual([
      ["New", "3"], ["Promoted", "1"], ["Demoted", "0"], ["Won", "2"], ["Lost", "4 (1 order cancelled, 2 churned)"], ["Reactivated", "1"],
    ]);
    expect(fieldsOf(reply, "Results in the period")).toEqual([
      ["New leads", "4"],
      ["Won (new customers, deal still standing)", "2"],
      ["Orders · revenue", "3 · ¥80,000"],
      ["Average deal (revenue ÷ orders with an amount)", "¥40,000"],
      ["Orders cancelled", "1 · ¥5,000"],
    ]);
    expect(fieldsOf(reply, "Management figures")).toEqual([
      ["Conversion, last 3 months (1 Sep – 30 Nov 2026: won ÷ new leads)", "33.3% (2/6)"],
      ["Revenue to the period's end", "¥130,000"],
      ["Repurchase (2+ orders ÷ won)", "50.0%"],
      ["Average sales cycle", "21.5 days"],
    ]);
    expect(sectionsOf(reply, "Lost in the period, by reason")).toEqual([["", "Price: 2", "—: 1", "gone-quiet: 1"]]);
    expect(sectionsOf(reply, "New leads by source")).toEqual([["", "展会: 3 (75.0%)", "(no source recorded): 1 (25.0%)"]]);
    expect(sectionsOf(reply, "Per rep")).toEqual([["", "wang: 1 new · 2 calls · 3 SMS · 4 visits · 5 filings · 6 won · on cadence 25.0%"]]);
    const target = reply.cards.find((c) => c.title === "Lead target for 2026-11")!;
    expect(target.subtitle).toBe("Sales target ¥600,000 · revenue so far ¥80,000");
    expect(sectionsOf(reply, "Lead target for 2026-11")).toEqual([["", "展会 (50.0%): need 23, in 1, gap 22", "(no source recorded) (33.3%): need 15, in 0, gap 15"]]);
    expect(sectionsOf(reply, "Diagnosis")).toEqual([[
      "",
      "Now 5 Potential → 0 Intention → 1 Selection; 2 won in the period (the handbook's pyramid: 100 → 10 → 3–4 → 1–2). " +
        "The top is thin: 5 at the top for 1 further down, where the pyramid has about 7 times as many at the top — prospect more.",
    ]]);
  });

  it("shows — for a ratio with nothing to divide by, none for an empty list, and leaves out what did not happen", async () => {
    const playbook = await loadPlaybook("default");
    const reply = renderReport(emptyReport(), playbook, "en", ZONE);
    expect(reply.text).toBe("Report — li, 2026-11 (1–30 Nov 2026)");
    expect(reply).not.toHaveProperty("files");
    expect(reply.cards.map((c) => c.title)).toEqual([
      "Funnel now", "Movements in the period", "Results in the period", "Management figures",
      "Lost in the period, by reason", "New leads by source", "Per rep", "Diagnosis",
    ]);
    expect(fieldsOf(reply, "Funnel now")).toEqual([]);
    expect(fieldsOf(reply, "Movements in the period")[4]).toEqual(["Lost", "1"]);
    expect(fieldsOf(reply, "Results in the period")).toEqual([
      ["New leads", "0"],
      ["Won (new customers, deal still standing)", "0"],
      ["Orders · revenue", "0 · ¥0"],
      ["Average deal (revenue ÷ orders with an amount)", "—"],
    ]);
    expect(fieldsOf(reply, "Management figures").map(([, value]) => value)).toEqual(["—", "¥0", "—", "—"]);
    expect(sectionsOf(reply, "Lost in the period, by reason")).toEqual([["", "none"]]);
    expect(sectionsOf(reply, "New leads by source")).toEqual([["", "none"]]);
    expect(sectionsOf(reply, "Per rep")).toEqual([["", "none"]]);
    // No funnel row for a stage counts as 0 in the shape.
    expect(sectionsOf(reply, "Diagnosis")).toEqual([[
      "",
      "Now 0 Potential → 0 Intention → 0 Selection; 0 won in the period (the handbook's pyramid: 100 → 10 → 3–4 → 1–2). There is no pipeline yet: add prospects first.",
    ]]);
  });

  it("writes one chart attached, and a rep with nothing due on cadence as —", async () => {
    const playbook = await loadPlaybook("default");
    const report = { ...fullReport(), reps: [{ ...fullReport().reps[0]!, onTime: 0, dueTouches: 0, compliance: null }] };
    const reply = renderReport(report, playbook, "en", ZONE, [{ name: "funnel.png", mimeType: "image/png", data: Buffer.from("png") }]);
    expect(reply.text).toBe("Report — team, 2026-11 (1–30 Nov 2026)\n1 chart attached.");
    expect(sectionsOf(reply, "Per rep")).toEqual([["", "wang: 1 new · 2 calls · 3 SMS · 4 visits · 5 filings · 6 won · on cadence —"]]);
  });

  it("in Chinese: full-width brackets and colons, and the sentences of the diagnosis joined without spaces", async () => {
    const playbook = await loadPlaybook("default");
    const report = { ...fullReport(), diagnosis: [{ kind: "thinTop" as const, top: 5, middle: 1 }, { kind: "notProspecting" as const, newLeads: 4, won: 2 }] };
    const reply = renderReport(report, playbook, "zh-CN", ZONE);
    expect(reply.text).toBe("报表：团队，2026年11月（2026年11月1日–30日）");
    expect(fieldsOf(reply, "本期变动")[4]).toEqual(["战败", "4（退单 1，成交后流失 2）"]);
    expect(fieldsOf(reply, "管理指标")[0]).toEqual(["近三个月成交率（2026年9月1日–11月30日：成交 ÷ 新增客源）", "33.3%（2/6）"]);
    expect(sectionsOf(reply, "本期战败原因")).toEqual([["", "价格：2", "—：1", "gone-quiet：1"]]);
    expect(sectionsOf(reply, "诊断")).toEqual([[
      "",
      "当前 5 潜在客户 → 0 意向客户 → 1 选型客户；本期成交 2（手册的倒金字塔：100 → 10 → 3–4 → 1–2）。" +
        "顶部太薄：顶层 5 个，下面各阶段共 1 个，而金字塔顶层约是下面的 7 倍——要多开发新客户。" +
        "成交多、新客源少（新增 4，成交 2；金字塔每成交一单需要 50–100 个客源）：团队没有在开发新客户，后续会断档。",
    ]]);
  });
});

describe("the parts of the report", () => {
  it("says each finding of the diagnosis in words, the stage by its name", async () => {
    const playbook = await loadPlaybook("default");
    const shape = { funnel: [{ stage: "potential", total: 100, grades: [] }, { stage: "selection", total: 12, grades: [] }], results: { won: 2 } } as unknown as Pick<Report, "funnel" | "results">;
    const said = (finding: Report["diagnosis"][number]) =>
      diagnosisParagraph({ ...shape, diagnosis: [finding] } as Report, playbook, "en").replace(/^Now .*?1–2\)\. /, "");
    expect(diagnosisParagraph({ ...shape, diagnosis: [] } as unknown as Report, playbook, "en")).toBe(
      "Now 100 Potential → 0 Intention → 12 Selection; 2 won in the period (the handbook's pyramid: 100 → 10 → 3–4 → 1–2).",
    );
    expect(said({ kind: "healthy" })).toBe("The shape follows the handbook's pyramid.");
    expect(said({ kind: "notProspecting", newLeads: 7, won: 3 })).toBe(
      "Many won but few new leads (7 new for 3 won; the pyramid needs 50–100 per win): the team is not prospecting, and the pipeline will run dry.",
    );
    expect(said({ kind: "stuckMiddle", stage: "selection", count: 12, won: 2 })).toBe(
      "Stuck in the middle: 12 in Selection but 2 won — proposals are not landing; review them together.",
    );
    expect(said({ kind: "weakQualification", top: 100, middle: 3 })).toBe(
      "Prospects are not moving up: 100 at the top but only 3 beyond it — qualify them (money, authority, need) and keep the cadence.",
    );
  });

  it("labels a week and a quarter with their dates, to date while under way", () => {
    const week = { kind: "week" as const, start: new Date("2026-11-22T16:00:00Z"), end: new Date("2026-11-25T02:00:00Z"), label: "2026-W48", toDate: true };
    expect(periodLabel(week, ZONE, "en")).toBe("week 2026-W48 (23–25 Nov 2026, to date)");
    expect(periodLabel(week, ZONE, "zh-CN")).toBe("2026年第48周（2026年11月23日–25日，截至目前）");
    const quarter = { kind: "quarter" as const, start: new Date("2026-09-30T16:00:00Z"), end: new Date("2026-12-31T16:00:00Z"), label: "2026-Q4", toDate: false };
    expect(periodLabel(quarter, ZONE, "en")).toBe("2026-Q4 (1 Oct – 31 Dec 2026)");
    expect(periodLabel(NOVEMBER, ZONE, "en")).toBe("2026-11 (1–30 Nov 2026)");
    expect(scopeLabel({ scope: { kind: "team" } }, "zh-CN")).toBe("团队");
    expect(scopeLabel({ scope: { kind: "rep", userId: "u1", name: "wang" } }, "en")).toBe("wang");
  });

  it("writes a rate with one decimal, and — for none", () => {
    expect(percent(null)).toBe("—");
    expect(percent(0)).toBe("0.0%");
    expect(percent(0.0625)).toBe("6.3%");
    expect(percent(1)).toBe("100.0%");
  });
});
