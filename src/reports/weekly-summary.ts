import type { Prisma } from "../db/database.ts";
import { PrismaNamespace, type Workspace } from "../db/types.ts";
import { fromJson, utcFromJson } from "../db/json-values.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { countMovements, type ChangeGroup } from "./movements.ts";
import { complianceByRep, complianceRate, orderFiguresSql, readOrderFigures } from "./weekly-figures.ts";

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

/**
 * The numbers of the director's weekly summary for one workspace and one week: one aggregate
 * statement (every list built as JSON by the database, only the columns shown), beside the
 * cadence compliance.
 */
export async function computeWeeklySummary(
  prisma: Prisma,
  playbook: Playbook,
  workspace: Workspace,
  week: { start: Date; end: Date },
  now: Date,
): Promise<WeeklySummary> {
  const [[row], compliance] = await Promise.all([
    prisma.$queryRaw<SummaryRow[]>`SELECT ${summarySql(playbook, workspace.id, week, now)}`,
    complianceByRep(prisma, workspace.id, week, now),
  ]);
  const groups = fromJson<{ stage: string; grade: string | null; count: number }[]>(row!.funnel, []);
  const changes = fromJson<ChangeGroup[]>(row!.changes, []);
  const figures = readOrderFigures(row!.figures);
  const reasons = fromJson<{ reason: string | null; count: number }[]>(row!.lostReasons, []);
  const overdue = fromJson<{ owner: string; count: number }[]>(row!.overdue, []);
  const pending = fromJson<{ number: number; company: string; owner: string; filedAt: string | null }[]>(row!.pending, []);
  const tracked = fromJson<(Omit<WeeklySummary["tracked"][number], "lastTouchAt" | "nextDueAt"> & { lastTouchAt: string | null; nextDueAt: string | null })[]>(row!.tracked, []);
  const ownership = fromJson<WeeklySummary["ownership"]>(row!.ownership, { released: 0, claimed: 0, handovers: 0, escalated: 0 });
  const names = new Map(Object.entries(fromJson<Record<string, string>>(row!.names, {})));

  const movements = countMovements(playbook, changes);
  const count = (stage: string, grade?: string) =>
    groups.filter((g) => g.stage === stage && (grade === undefined || g.grade === grade)).reduce((n, g) => n + g.count, 0);
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
      .map((c) => ({ owner: names.get(c.userId) ?? "?", onTime: c.onTime, due: c.onTime + c.late + c.owed }))
      .sort((a, b) => a.onTime / a.due - b.onTime / b.due || a.owner.localeCompare(b.owner)),
    lostReasons: reasons
      .map((r) => ({ reason: r.reason ?? "", count: r.count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    overdueByRep: overdue.sort((a, b) => b.count - a.count || a.owner.localeCompare(b.owner)),
    pendingFilings: pending.map((c) => ({ ...c, filedAt: utcFromJson(c.filedAt) })),
    tracked: tracked.map((c) => ({ ...c, lastTouchAt: utcFromJson(c.lastTouchAt), nextDueAt: utcFromJson(c.nextDueAt) })),
  };
}

type SummaryRow = Record<"funnel" | "changes" | "figures" | "lostReasons" | "overdue" | "pending" | "tracked" | "ownership" | "names", unknown>;

/** Every figure of the summary but the compliance, each a column of one row. */
function summarySql(playbook: Playbook, workspaceId: string, week: { start: Date; end: Date }, now: Date): PrismaNamespace.Sql {
  const sql = PrismaNamespace.sql;
  const { start, end } = week;
  const lostStages = playbook.stages.filter((s) => s.kind === "lost").map((s) => s.id);
  // The director follows every customer of a tracked stage, and the tracked grades of the others (DOMAIN.md §3).
  const trackedStages = playbook.stages.filter((s) => s.tracked).map((s) => s.id);
  const trackedGrades = playbook.stages.flatMap((s) => (s.tracked ? [] : s.trackedGrades.map((g) => `${s.id}/${g}`)));
  const inWeek = sql`"workspaceId" = ${workspaceId} AND "at" >= ${start} AND "at" < ${end}`;
  return sql`
    (SELECT json_agg(g) FROM (SELECT "stage", "grade", count(*) AS "count" FROM "Customer" WHERE "workspaceId" = ${workspaceId} GROUP BY 1, 2) g) AS "funnel",
    (SELECT json_agg(g) FROM (SELECT "fromStage", "fromGrade", "toStage", "toGrade", "lossKind", count(*) AS "count"
                                FROM "StageChange" WHERE ${inWeek} GROUP BY 1, 2, 3, 4, 5) g) AS "changes",
    ${orderFiguresSql(workspaceId, week)} AS "figures",
    (SELECT json_agg(g) FROM (SELECT "lostReason" AS "reason", count(*) AS "count" FROM "StageChange"
                               WHERE ${inWeek} AND "toStage" = ANY(${lostStages}::text[]) GROUP BY 1) g) AS "lostReasons",
    (SELECT json_agg(g) FROM (SELECT u."displayName" AS "owner", count(*) AS "count" FROM "Customer" c JOIN "User" u ON u."id" = c."ownerId"
                               WHERE c."workspaceId" = ${workspaceId} AND c."overdueAt" <= ${now} GROUP BY u."id", u."displayName") g) AS "overdue",
    (SELECT json_agg(g ORDER BY g."filedAt", g."number") FROM (
        SELECT c."number", c."company", u."displayName" AS "owner", c."filedAt" FROM "Customer" c JOIN "User" u ON u."id" = c."ownerId"
         WHERE c."workspaceId" = ${workspaceId} AND c."filingStatus" = 'pending') g) AS "pending",
    (SELECT json_agg(g ORDER BY g."number") FROM (
        SELECT c."number", c."company", c."stage", c."grade", u."displayName" AS "owner", c."lastTouchAt", c."nextDueAt",
               coalesce(c."overdueAt" <= ${now}, false) AS "overdue"
          FROM "Customer" c JOIN "User" u ON u."id" = c."ownerId"
         WHERE c."workspaceId" = ${workspaceId}
           AND (c."stage" = ANY(${trackedStages}::text[]) OR c."stage" || '/' || c."grade" = ANY(${trackedGrades}::text[]))) g) AS "tracked",
    (SELECT json_build_object(
        'released', count(*) FILTER (WHERE "toOwnerId" IS NULL),
        'claimed', count(*) FILTER (WHERE "fromOwnerId" IS NULL),
        'handovers', count(*) FILTER (WHERE "fromOwnerId" IS NOT NULL AND "toOwnerId" IS NOT NULL),
        'escalated', (SELECT count(*) FROM "Customer" WHERE "workspaceId" = ${workspaceId} AND "escalatedAt" >= ${start} AND "escalatedAt" < ${end}))
       FROM "OwnerChange" WHERE ${inWeek}) AS "ownership",
    (SELECT json_object_agg(u."id", u."displayName") FROM "User" u WHERE u."workspaceId" = ${workspaceId}) AS "names"`;
}
