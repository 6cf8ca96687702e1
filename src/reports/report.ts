import type { Tx } from "../db/types.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { diagnose, type Finding } from "./diagnosis.ts";
import { findTarget, progressOf, type SourceProgress, type StoredTarget } from "./lead-target.ts";
import { countMovements, type Movements } from "./movements.ts";
import { lastWeeks, threeMonthsBefore, type ReportPeriod } from "./period.ts";
import { funnelNow, leadsBySource, perRep, spanChanges, spanLostReasons, weeklyTrend, windowConversion, type RepRow, type TrendWeek, type WindowConversion } from "./report-figures.ts";
import { orderFigures, type FigureScope } from "./weekly-figures.ts";

export const TREND_WEEKS = 12;

export interface Report {
  period: ReportPeriod;
  /** Whose customers: the team, or one person's. */
  scope: { kind: "team" } | { kind: "rep"; userId: string; name: string };
  funnel: { stage: string; total: number; grades: { grade: string; count: number }[] }[];
  movements: Movements;
  /** The period's results (average deal = its revenue ÷ its standing orders with an amount), as they stood at its end (the weekly summary's definitions over the period). */
  results: { won: number; orders: number; revenue: number; averageDeal: number | null; cancelled: number; cancelledAmount: number; newLeads: number };
  /** To the period's end. */
  totals: { won: number; revenue: number; repurchaseRate: number | null; averageCycleDays: number | null };
  /** The handbook's rate over the three months to the period's end [001]. */
  conversion: WindowConversion & { start: Date; end: Date };
  lostReasons: { reason: string; count: number }[];
  sources: { source: string; count: number }[];
  reps: RepRow[];
  trend: TrendWeek[];
  diagnosis: Finding[];
  /** The month's lead target and progress, for a month report with a target set. */
  target: (StoredTarget & { progress: SourceProgress[] }) | null;
}

export async function computeReport(
  prisma: Tx,
  playbook: Playbook,
  workspace: { id: string; timeZone: string },
  period: ReportPeriod,
  scope: Report["scope"],
  now: Date,
): Promise<Report> {
  const figureScope: FigureScope = scope.kind === "rep" ? { ownerId: scope.userId } : {};
  const lostStages = playbook.stages.filter((s) => s.kind === "lost").map((s) => s.id);
  const span = { start: period.start, end: period.end };
  const window = threeMonthsBefore(period.end, workspace.timeZone);
  const weeks = lastWeeks(period.end, workspace.timeZone, TREND_WEEKS);
  const [groups, changes, figures, inPeriod, conversion, reasons, sources, reps, trend, target] = await Promise.all([
    funnelNow(prisma, workspace.id, figureScope),
    spanChanges(prisma, workspace.id, span, figureScope),
    orderFigures(prisma, workspace.id, span, figureScope),
    windowConversion(prisma, workspace.id, span, figureScope),
    windowConversion(prisma, workspace.id, window, figureScope),
    spanLostReasons(prisma, workspace.id, span, lostStages, figureScope),
    leadsBySource(prisma, workspace.id, span, figureScope),
    perRep(prisma, workspace.id, span, now, figureScope),
    weeklyTrend(prisma, workspace.id, weeks, lostStages, figureScope),
    period.kind === "month" && scope.kind === "team" ? findTarget(prisma, workspace.id, period.label) : Promise.resolve(null),
  ]);
  const count = (stage: string, grade?: string) =>
    groups.filter((g) => g.stage === stage && (grade === undefined || g.grade === grade)).reduce((n, g) => n + g.count, 0);
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const funnel = playbook.stages.map((s) => ({ stage: s.id, total: count(s.id), grades: s.grades.map((g) => ({ grade: g.id, count: count(s.id, g.id) })) }));
  const newLeads = sources.reduce((sum, s) => sum + s.count, 0);
  const open = playbook.stages.filter((s) => s.kind === "open").map((s) => ({ stage: s.id, count: count(s.id) }));
  return {
    period,
    scope,
    funnel,
    movements: countMovements(playbook, changes),
    results: {
      won: figures.wonInWeek, orders: figures.ordersInWeek, revenue: figures.revenueInWeek,
      averageDeal: inPeriod.averageDeal,
      cancelled: figures.cancelledInWeek, cancelledAmount: figures.cancelledAmountInWeek, newLeads,
    },
    totals: {
      won: figures.wonCustomers, revenue: figures.revenue,
      repurchaseRate: ratio(figures.repeatCustomers, figures.wonCustomers),
      averageCycleDays: ratio(figures.cycleDays, figures.wonCustomers),
    },
    conversion: { ...conversion, ...window },
    lostReasons: reasons,
    sources,
    reps,
    trend,
    diagnosis: diagnose({ open, won: figures.wonInWeek, newLeads }),
    target: target ? { ...target, progress: progressOf(target.sources, sources) } : null,
  };
}

