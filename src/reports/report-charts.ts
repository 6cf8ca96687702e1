import { groupedBarChart } from "../charts/bar-chart.ts";
import { funnelChart } from "../charts/funnel-chart.ts";
import { renderChartPng } from "../charts/render-chart.ts";
import { trendChart } from "../charts/trend-chart.ts";
import { stageName } from "../customers/playbook-terms.ts";
import type { Locale } from "../domain/localized.ts";
import { messagesFor } from "../i18n/messages.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import type { ReplyFile } from "../reply.ts";
import type { Report } from "./report.ts";

/** At most this many people in the per-rep bars: a readable chart, the table has everyone. */
const MAX_REPS_CHARTED = 15;

/** The funnel's stages: the open ones in order, then won (lost is not part of the pyramid). */
export function funnelStages(playbook: Playbook, funnel: { stage: string; total: number }[], locale: Locale) {
  return playbook.stages
    .filter((s) => s.kind !== "lost")
    .map((s) => ({ label: stageName(playbook, s.id, locale), value: funnel.find((f) => f.stage === s.id)?.total ?? 0 }));
}

export async function funnelPng(playbook: Playbook, funnel: { stage: string; total: number }[], title: string, locale: Locale): Promise<ReplyFile> {
  return { name: "funnel.png", mimeType: "image/png", data: await renderChartPng(funnelChart(title, funnelStages(playbook, funnel, locale))) };
}

/** The report's charts: the funnel, the 12-week trend and, for the team, the per-rep bars. */
export async function reportCharts(report: Report, playbook: Playbook, labels: { scope: string; period: string }, locale: Locale): Promise<ReplyFile[]> {
  const c = messagesFor(locale).reports.chart;
  const png = (name: string, data: Promise<Buffer>) => data.then((bytes): ReplyFile => ({ name, mimeType: "image/png", data: bytes }));
  const weeks = report.trend.map((w) => w.label);
  // Drawing is synchronous; the PNG encodings run on libuv's threads, so the three overlap.
  const charts = [
    funnelPng(playbook, report.funnel, c.funnel(labels.scope, labels.period), locale),
    png("trend.png", renderChartPng(trendChart(c.trend(labels.scope), weeks, [
      { name: c.new(), values: report.trend.map((w) => w.new), color: "#3b6fd8" },
      { name: c.won(), values: report.trend.map((w) => w.won), color: "#3fae6a" },
      { name: c.lost(), values: report.trend.map((w) => w.lost), color: "#d66b6b" },
    ]))),
  ];
  if (report.scope.kind === "team" && report.reps.length > 0) {
    const reps = report.reps.slice(0, MAX_REPS_CHARTED);
    const height = Math.max(420, 140 + reps.length * 70);
    charts.push(png("reps.png", renderChartPng(groupedBarChart(c.reps(labels.period), reps.map((r) => r.name), [
      { name: c.newLeads(), values: reps.map((r) => r.newLeads), color: "#3b6fd8" },
      { name: c.calls(), values: reps.map((r) => r.calls), color: "#f0a040" },
      { name: c.visits(), values: reps.map((r) => r.visits), color: "#9b8bd6" },
      { name: c.won(), values: reps.map((r) => r.wins), color: "#3fae6a" },
    ]), { width: 800, height })));
  }
  return Promise.all(charts);
}
