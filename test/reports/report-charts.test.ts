import { loadImage } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { groupedBarChart } from "../../src/charts/bar-chart.ts";
import { funnelChart } from "../../src/charts/funnel-chart.ts";
import { renderChartPng } from "../../src/charts/render-chart.ts";
import { trendChart } from "../../src/charts/trend-chart.ts";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";
import { funnelStages, reportCharts } from "../../src/reports/report-charts.ts";
import type { Report } from "../../src/reports/report.ts";
import type { RepRow } from "../../src/reports/report-figures.ts";

// Which charts a report carries and what each one draws, from figures given by hand. A chart
// is compared with the PNG of the chart it should be (its title, series, colours and size):
// the drawing itself is tested in charts.test.ts.

const rep = (name: string, n: number): RepRow => ({
  userId: `u-${name}`, name, role: "rep", newLeads: n, calls: n + 1, sms: 0, visits: n + 2, filings: 0, wins: n + 3, onTime: 0, dueTouches: 0, compliance: null,
});

function report(scope: Report["scope"], reps: RepRow[]): Report {
  return {
    period: { kind: "month", start: new Date("2026-10-31T16:00:00Z"), end: new Date("2026-11-30T16:00:00Z"), label: "2026-11", toDate: false },
    scope,
    funnel: [
      { stage: "potential", total: 9, grades: [] },
      { stage: "selection", total: 2, grades: [] },
      { stage: "won", total: 1, grades: [] },
      { stage: "lost", total: 4, grades: [] },
    ],
    movements: { new: 0, promoted: 0, demoted: 0, won: 0, lost: 0, reactivated: 0, cancelled: 0, churned: 0 },
    results: { won: 0, orders: 0, revenue: 0, averageDeal: null, cancelled: 0, cancelledAmount: 0, newLeads: 0 },
    totals: { won: 0, revenue: 0, repurchaseRate: null, averageCycleDays: null },
    conversion: { leads: 0, won: 0, rate: null, orders: 0, revenue: 0, pricedOrders: 0, averageDeal: null, start: new Date(0), end: new Date(0) },
    lostReasons: [],
    sources: [],
    reps,
    trend: [
      { start: new Date(0), end: new Date(0), label: "W47", new: 3, won: 1, lost: 0 },
      { start: new Date(0), end: new Date(0), label: "W48", new: 5, won: 0, lost: 2 },
    ],
    diagnosis: [],
    target: null,
  };
}

const size = async (png: Buffer) => {
  const image = await loadImage(png);
  return [image.width, image.height];
};

describe("the report's charts", () => {
  it("draw the funnel's open stages in order, then won, each with its count (0 when none), never lost", async () => {
    const playbook = await loadPlaybook("default");
    const funnel = [{ stage: "won", total: 2 }, { stage: "potential", total: 100 }, { stage: "selection", total: 4 }, { stage: "lost", total: 7 }];
    expect(funnelStages(playbook, funnel, "en")).toEqual([
      { label: "Potential", value: 100 }, { label: "Intention", value: 0 }, { label: "Selection", value: 4 }, { label: "Won", value: 2 },
    ]);
    expect(funnelStages(playbook, funnel, "zh-CN").map((s) => s.label)).toEqual(["潜在客户", "意向客户", "选型客户", "成交客户"]);
  });

  it("for the team: the funnel, the 12-week trend and the per-rep bars, each the chart of its figures", async () => {
    const playbook = await loadPlaybook("default");
    const files = await reportCharts(report({ kind: "team" }, [rep("wang", 1), rep("li", 4)]), playbook, { scope: "team", period: "2026-11" }, "en");
    expect(files.map((f) => [f.name, f.mimeType])).toEqual([["funnel.png", "image/png"], ["trend.png", "image/png"], ["reps.png", "image/png"]]);
    const funnel = funnelChart("Funnel — team, 2026-11", [{ label: "Potential", value: 9 }, { label: "Intention", value: 0 }, { label: "Selection", value: 2 }, { label: "Won", value: 1 }]);
    expect(files[0]!.data.equals(await renderChartPng(funnel))).toBe(true);
    const trend = trendChart("New, won and lost — last 12 weeks, team", ["W47", "W48"], [
      { name: "New", values: [3, 5], color: "#3b6fd8" },
      { name: "Won", values: [1, 0], color: "#3fae6a" },
      { name: "Lost", values: [0, 2], color: "#d66b6b" },
    ]);
    expect(files[1]!.data.equals(await renderChartPng(trend))).toBe(true);
    // Two reps: the bars' minimum height, 420.
    const bars = groupedBarChart("Per rep — 2026-11", ["wang", "li"], [
      { name: "New leads", values: [1, 4], color: "#3b6fd8" },
      { name: "Calls", values: [2, 5], color: "#f0a040" },
      { name: "Visits", values: [3, 6], color: "#9b8bd6" },
      { name: "Won", values: [4, 7], color: "#3fae6a" },
    ]);
    expect(files[2]!.data.equals(await renderChartPng(bars, { width: 800, height: 420 }))).toBe(true);
  });

  it("make the per-rep bars taller with more reps (70 px a rep past 4), and chart at most 15 of them", async () => {
    const playbook = await loadPlaybook("default");
    const labels = { scope: "team", period: "2026-11" };
    const reps = (n: number) => Array.from({ length: n }, (_, i) => rep(`r${i}`, i));
    const heightWith = async (n: number) => size((await reportCharts(report({ kind: "team" }, reps(n)), playbook, labels, "en"))[2]!.data);
    expect(await heightWith(5)).toEqual([800, 490]);
    // 16 reps: 15 charted, 140 + 15 × 70.
    expect(await heightWith(16)).toEqual([800, 1190]);
  });

  it("for one rep, or a team without reps: no per-rep bars", async () => {
    const playbook = await loadPlaybook("default");
    const labels = { scope: "wang", period: "2026-11" };
    const mine = await reportCharts(report({ kind: "rep", userId: "u-wang", name: "wang" }, [rep("wang", 1)]), playbook, labels, "en");
    expect(mine.map((f) => f.name)).toEqual(["funnel.png", "trend.png"]);
    const nobody = await reportCharts(report({ kind: "team" }, []), playbook, labels, "en");
    expect(nobody.map((f) => f.name)).toEqual(["funnel.png", "trend.png"]);
  });
});
