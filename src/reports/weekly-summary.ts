import type { Prisma } from "../db/database.ts";
import type { PrismaNamespace, Workspace } from "../db/types.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { countMovements } from "./movements.ts";
import { complianceByRep, complianceRate, orderFigures, weekChanges, weekLostReasons, weekOwnership } from "./weekly-figures.ts";

export interface WeeklySummary {
  start: Date;
  end: Date;
  funnel: { stage: string; total: number; grades: { grade: string; count: number }[] }[];
  /** Every recorded move of the week; of the losses, how many undid a won deal and how. */
  movements: { new: number; promoted: number; demoted: number; won: number; lost: number; reactivated: number; cancelled: number; churned: number };
  /** The week's results as they stood at its end: wins whose deal still stands, orders, cancellations. */
  week: { won: number; orders: number; revenue: number; cancelled: number; cancelledAmount: number };
  /** DOMAIN.md §7 to the end of the week, from the orders that stand. */
  totals: {
    leads: number; won: number; conversionRate: number | null; revenue: number; averageDeal: number | null;
    repurchaseRate: number | null; averageCycleDays: number | null;
  };
  lostReasons: { reason: string; count: number }[];
  /** Pool movements, handovers and escalations of the week (the director's grip). */
  ownership: { released: number; claimed: number; handovers: number; escalated: number };
  /** Per person with a due touch this week: those done on time, of all due (done late and still owed included). */
  compliance: { owner: string; onTime: number; due: number }[];
  overdueByRep: { owner: string; count: number }[];
  pendingFilings: { number: number; company: string; owner: string; filedAt: Date | null }[];
  tracked: { number: number; company: string; stage: string; grade: string | null; owner: string; lastTouchAt: Date | null; nextDueAt: Date | null; overdue: boolean }[];
}

/** The numbers of the director's weekly summary for one workspace and one week. */
export async function computeWeeklySummary(
  prisma: Prisma,
  playbook: Playbook,
  workspace: Workspace,
  week: { start: Date; end: Date },
  now: Date,
): Promise<WeeklySummary> {
  const ws = { workspaceId: workspace.id };
  const lostStages = playbook.stages.filter((s) => s.kind === "lost").map((s) => s.id);
  const [groups, changes, figures, reasons, overdue, pending, tracked, ownership, compliance] = await Promise.all([
    prisma.customer.groupBy({ by: ["stage", "grade"], where: ws, _count: { _all: true } }),
    weekChanges(prisma, workspace.id, week),
    orderFigures(prisma, workspace.id, week),
    weekLostReasons(prisma, workspace.id, week, lostStages),
    prisma.customer.groupBy({ by: ["ownerId"], where: { ...ws, overdueAt: { lte: now } }, _count: { _all: true } }),
    prisma.customer.findMany({ where: { ...ws, filingStatus: "pending" }, orderBy: { filedAt: "asc" }, include: { owner: { select: { displayName: true } } } }),
    prisma.customer.findMany({ where: { ...ws, OR: trackedWhere(playbook) }, orderBy: { number: "asc" }, include: { owner: { select: { displayName: true } } } }),
    weekOwnership(prisma, workspace.id, week),
    complianceByRep(prisma, workspace.id, week, now),
  ]);
  const ownerIds = [...new Set([...overdue.map((o) => o.ownerId), ...compliance.map((c) => c.userId)])];
  const owners = ownerIds.length ? await prisma.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, displayName: true } }) : [];

  const movements = countMovements(playbook, changes);
  const count = (stage: string, grade?: string) =>
    groups.filter((g) => g.stage === stage && (grade === undefined || g.grade === grade)).reduce((n, g) => n + g._count._all, 0);
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

  return {
    ...week,
    funnel: playbook.stages.map((s) => ({ stage: s.id, total: count(s.id), grades: s.grades.map((g) => ({ grade: g.id, count: count(s.id, g.id) })) })),
    movements,
    week: {
      won: figures.wonInWeek,
      orders: figures.ordersInWeek,
      revenue: figures.revenueInWeek,
      cancelled: figures.cancelledInWeek,
      cancelledAmount: figures.cancelledAmountInWeek,
    },
    totals: {
      leads: figures.leads,
      won: figures.wonCustomers,
      conversionRate: ratio(figures.wonCustomers, figures.leads),
      revenue: figures.revenue,
      averageDeal: ratio(figures.revenue, figures.pricedOrders),
      repurchaseRate: ratio(figures.repeatCustomers, figures.wonCustomers),
      averageCycleDays: ratio(figures.cycleDays, figures.wonCustomers),
    },
    ownership,
    compliance: compliance
      .filter((c) => complianceRate(c) !== null)
      .map((c) => ({ owner: owners.find((u) => u.id === c.userId)?.displayName ?? "?", onTime: c.onTime, due: c.onTime + c.late + c.owed }))
      .sort((a, b) => a.onTime / a.due - b.onTime / b.due || a.owner.localeCompare(b.owner)),
    lostReasons: reasons.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    overdueByRep: overdue
      .map((o) => ({ owner: owners.find((u) => u.id === o.ownerId)?.displayName ?? "?", count: o._count._all }))
      .sort((a, b) => b.count - a.count || a.owner.localeCompare(b.owner)),
    pendingFilings: pending.map((c) => ({ number: c.number, company: c.company, owner: c.owner.displayName, filedAt: c.filedAt })),
    tracked: tracked.map((c) => ({
      number: c.number,
      company: c.company,
      stage: c.stage,
      grade: c.grade,
      owner: c.owner.displayName,
      lastTouchAt: c.lastTouchAt,
      nextDueAt: c.nextDueAt,
      overdue: c.overdueAt !== null && c.overdueAt <= now,
    })),
  };
}

/** The director follows every customer of a tracked stage, and the tracked grades of the others (DOMAIN.md §3). */
function trackedWhere(playbook: Playbook): PrismaNamespace.CustomerWhereInput[] {
  const where: PrismaNamespace.CustomerWhereInput[] = [];
  for (const stage of playbook.stages) {
    if (stage.tracked) where.push({ stage: stage.id });
    else if (stage.trackedGrades.length > 0) where.push({ stage: stage.id, grade: { in: stage.trackedGrades } });
  }
  return where.length > 0 ? where : [{ id: "" }];
}
