import type { Prisma } from "../db/database.ts";
import type { PrismaNamespace, Workspace } from "../db/types.ts";
import { classifyMove } from "../playbook/lookup.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";

const DAY = 86_400_000;

export interface WeeklySummary {
  start: Date;
  end: Date;
  funnel: { stage: string; total: number; grades: { grade: string; count: number }[] }[];
  movements: { new: number; promoted: number; demoted: number; won: number; lost: number; reactivated: number };
  week: { won: number; revenue: number };
  /** DOMAIN.md §7, over every lead filed up to the end of the week. */
  totals: { leads: number; won: number; conversionRate: number | null; revenue: number; averageDeal: number | null; averageCycleDays: number | null };
  lostReasons: { reason: string; count: number }[];
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
  const [groups, changes, closed, lostThisWeek, overdue, pending, tracked] = await Promise.all([
    prisma.customer.groupBy({ by: ["stage", "grade"], where: ws, _count: { _all: true } }),
    prisma.stageChange.findMany({ where: { ...ws, at: { gte: week.start, lt: week.end } }, orderBy: { at: "asc" } }),
    prisma.customer.findMany({ where: { ...ws, wonAt: { not: null, lt: week.end } }, select: { wonAt: true, createdAt: true, wonAmount: true } }),
    prisma.stageChange.findMany({
      where: { ...ws, at: { gte: week.start, lt: week.end }, toStage: { in: playbook.stages.filter((s) => s.kind === "lost").map((s) => s.id) } },
      select: { customer: { select: { lostReason: true } } },
    }),
    prisma.customer.groupBy({ by: ["ownerId"], where: { ...ws, overdueAt: { lte: now } }, _count: { _all: true } }),
    prisma.customer.findMany({ where: { ...ws, filingStatus: "pending" }, orderBy: { filedAt: "asc" }, include: { owner: { select: { displayName: true } } } }),
    prisma.customer.findMany({ where: { ...ws, OR: trackedWhere(playbook) }, orderBy: { number: "asc" }, include: { owner: { select: { displayName: true } } } }),
  ]);
  const owners = await prisma.user.findMany({ where: { id: { in: overdue.map((o) => o.ownerId) } }, select: { id: true, displayName: true } });
  const leads = await prisma.customer.count({ where: { ...ws, createdAt: { lt: week.end } } });

  const movements = { new: 0, promoted: 0, demoted: 0, won: 0, lost: 0, reactivated: 0 };
  for (const change of changes) {
    if (change.fromStage === null) movements.new++;
    else {
      const move = classifyMove(playbook, { stage: change.fromStage, grade: change.fromGrade }, { stage: change.toStage, grade: change.toGrade });
      if (move !== "unchanged") movements[move]++;
    }
  }
  const revenue = closed.reduce((sum, c) => sum + Number(c.wonAmount ?? 0), 0);
  const cycleDays = closed.reduce((sum, c) => sum + (c.wonAt!.getTime() - c.createdAt.getTime()) / DAY, 0);
  const wonThisWeek = closed.filter((c) => c.wonAt! >= week.start);
  const reasons = new Map<string, number>();
  for (const { customer } of lostThisWeek) {
    const reason = customer.lostReason ?? "";
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const count = (stage: string, grade?: string) =>
    groups.filter((g) => g.stage === stage && (grade === undefined || g.grade === grade)).reduce((n, g) => n + g._count._all, 0);

  return {
    ...week,
    funnel: playbook.stages.map((s) => ({ stage: s.id, total: count(s.id), grades: s.grades.map((g) => ({ grade: g.id, count: count(s.id, g.id) })) })),
    movements,
    week: { won: wonThisWeek.length, revenue: wonThisWeek.reduce((sum, c) => sum + Number(c.wonAmount ?? 0), 0) },
    totals: {
      leads,
      won: closed.length,
      conversionRate: leads > 0 ? closed.length / leads : null,
      revenue,
      averageDeal: closed.length > 0 ? revenue / closed.length : null,
      averageCycleDays: closed.length > 0 ? cycleDays / closed.length : null,
    },
    lostReasons: [...reasons].map(([reason, n]) => ({ reason, count: n })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
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
