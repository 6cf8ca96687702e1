import type { Tx } from "../db/types.ts";
import { PrismaNamespace } from "../db/types.ts";
import type { ChangeGroup } from "./movements.ts";
import { complianceByRep, complianceRate, ownedBy, type FigureScope } from "./weekly-figures.ts";

/**
 * The report's figures beyond the weekly summary's, each one SQL statement over a span
 * [start, end), optionally one owner's customers. The definitions are the weekly summary's
 * (README "How the weekly figures are defined"), read over another span.
 */
type Span = { start: Date; end: Date };
const sql = PrismaNamespace.sql;
const customerIs = (scope: FigureScope) => (scope.ownerId ? sql`AND c."ownerId" = ${scope.ownerId} AND c."pooledAt" IS NULL` : PrismaNamespace.empty);
const n = (v: unknown) => Number(v ?? 0);

export async function funnelNow(prisma: Tx, workspaceId: string, scope: FigureScope) {
  const rows = await prisma.customer.groupBy({
    by: ["stage", "grade"],
    where: { workspaceId, ...(scope.ownerId ? { ownerId: scope.ownerId, pooledAt: null } : {}) },
    _count: { _all: true },
  });
  return rows.map((r) => ({ stage: r.stage, grade: r.grade, count: r._count._all }));
}

/** The span's recorded stage changes, grouped as the movements need them. */
export async function spanChanges(prisma: Tx, workspaceId: string, span: Span, scope: FigureScope): Promise<ChangeGroup[]> {
  const rows = await prisma.$queryRaw<(Omit<ChangeGroup, "count"> & { count: bigint })[]>`
    SELECT sc."fromStage", sc."fromGrade", sc."toStage", sc."toGrade", sc."lossKind", count(*) AS "count"
      FROM "StageChange" sc
     WHERE sc."workspaceId" = ${workspaceId} AND sc."at" >= ${span.start} AND sc."at" < ${span.end} ${ownedBy(PrismaNamespace.raw(`sc."customerId"`), scope)}
     GROUP BY 1, 2, 3, 4, 5`;
  return rows.map((r) => ({ ...r, count: n(r.count) }));
}

/** Each move into lost in the span, by the reason recorded with it. */
export async function spanLostReasons(prisma: Tx, workspaceId: string, span: Span, lostStages: string[], scope: FigureScope) {
  const rows = await prisma.$queryRaw<{ reason: string | null; count: bigint }[]>`
    SELECT sc."lostReason" AS "reason", count(*) AS "count"
      FROM "StageChange" sc
     WHERE sc."workspaceId" = ${workspaceId} AND sc."at" >= ${span.start} AND sc."at" < ${span.end}
       AND sc."toStage" = ANY(${lostStages}::text[]) ${ownedBy(PrismaNamespace.raw(`sc."customerId"`), scope)}
     GROUP BY 1`;
  return rows
    .map((r) => ({ reason: r.reason ?? "", count: n(r.count) }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** Leads (customers created) in the span by their `source`, the unrecorded ones as "". */
export async function leadsBySource(prisma: Tx, workspaceId: string, span: Span, scope: FigureScope) {
  const rows = await prisma.$queryRaw<{ source: string; count: bigint }[]>`
    SELECT coalesce(nullif(trim(c."source"), ''), '') AS "source", count(*) AS "count"
      FROM "Customer" c
     WHERE c."workspaceId" = ${workspaceId} AND c."createdAt" >= ${span.start} AND c."createdAt" < ${span.end} ${customerIs(scope)}
     GROUP BY 1`;
  return rows
    .map((r) => ({ source: r.source, count: n(r.count) }))
    .sort((a, b) => b.count - a.count || a.source.localeCompare(b.source));
}

export interface WindowConversion {
  /** Customers created in the window. */
  leads: number;
  /** Customers whose first standing order (as things stood at the window's end) was placed in the window. */
  won: number;
  rate: number | null;
  /** Standing orders placed in the window, their revenue, and those with a known amount. */
  orders: number;
  revenue: number;
  pricedOrders: number;
  averageDeal: number | null;
}

/**
 * The handbook's conversion over a window [001]: customers won in it ÷ leads created in it,
 * and the average deal over the same window (revenue ÷ standing orders with an amount).
 */
export async function windowConversion(prisma: Tx, workspaceId: string, window: Span, scope: FigureScope): Promise<WindowConversion> {
  const { start, end } = window;
  const mine = ownedBy(PrismaNamespace.raw(`o."customerId"`), scope);
  const [row] = await prisma.$queryRaw<Record<string, unknown>[]>`
    WITH standing AS (
      SELECT o."customerId", o."amount", o."at" FROM "Order" o
       WHERE o."workspaceId" = ${workspaceId} AND o."at" < ${end} AND (o."cancelledAt" IS NULL OR o."cancelledAt" >= ${end}) ${mine}
    )
    SELECT
      (SELECT count(*) FROM "Customer" c WHERE c."workspaceId" = ${workspaceId} AND c."createdAt" >= ${start} AND c."createdAt" < ${end} ${customerIs(scope)}) AS "leads",
      (SELECT count(*) FROM (SELECT s."customerId" FROM standing s GROUP BY s."customerId" HAVING min(s."at") >= ${start}) w) AS "won",
      (SELECT count(*) FROM standing s WHERE s."at" >= ${start}) AS "orders",
      (SELECT coalesce(sum(s."amount"), 0) FROM standing s WHERE s."at" >= ${start}) AS "revenue",
      (SELECT count(*) FROM standing s WHERE s."at" >= ${start} AND s."amount" IS NOT NULL) AS "pricedOrders"`;
  const leads = n(row!.leads);
  const won = n(row!.won);
  const revenue = n(row!.revenue);
  const pricedOrders = n(row!.pricedOrders);
  return {
    leads, won, rate: leads > 0 ? won / leads : null,
    orders: n(row!.orders), revenue, pricedOrders, averageDeal: pricedOrders > 0 ? revenue / pricedOrders : null,
  };
}

export interface TrendWeek {
  start: Date;
  end: Date;
  label: string;
  new: number;
  /** Moves into won in the week whose deal still stood at its end (the weekly "won this week"). */
  won: number;
  lost: number;
}

/**
 * New, won and lost for each week, in one statement: each row falls in its week by
 * width_bucket over the weeks' bounds (one scan per table, whatever the number of weeks).
 */
export async function weeklyTrend(prisma: Tx, workspaceId: string, weeks: { start: Date; end: Date; label: string }[], lostStages: string[], scope: FigureScope): Promise<TrendWeek[]> {
  if (weeks.length === 0) return [];
  const bounds = [...weeks.map((w) => w.start), weeks[weeks.length - 1]!.end];
  const t = sql`ARRAY[${PrismaNamespace.join(bounds.map((b) => sql`${b}::timestamp`))}]`;
  const [from, to] = [bounds[0]!, bounds[bounds.length - 1]!];
  const rows = await prisma.$queryRaw<{ kind: string; i: number; count: bigint }[]>`
    SELECT 'new' AS "kind", width_bucket(c."createdAt", ${t}) AS "i", count(*) AS "count"
      FROM "Customer" c WHERE c."workspaceId" = ${workspaceId} AND c."createdAt" >= ${from} AND c."createdAt" < ${to} ${customerIs(scope)}
     GROUP BY 2
    UNION ALL
    SELECT 'won', w.i, count(*) FROM (
      SELECT width_bucket(o."at", ${t}) AS i, o."cancelledAt" FROM "Order" o
       WHERE o."workspaceId" = ${workspaceId} AND o."kind" = 'win' AND o."at" >= ${from} AND o."at" < ${to} ${ownedBy(PrismaNamespace.raw(`o."customerId"`), scope)}
    ) w WHERE w."cancelledAt" IS NULL OR w."cancelledAt" >= (${t})[w.i + 1]
     GROUP BY 2
    UNION ALL
    SELECT 'lost', width_bucket(sc."at", ${t}), count(*) FROM "StageChange" sc
     WHERE sc."workspaceId" = ${workspaceId} AND sc."at" >= ${from} AND sc."at" < ${to}
       AND sc."toStage" = ANY(${lostStages}::text[]) AND sc."fromStage" IS NOT NULL AND sc."fromStage" <> sc."toStage"
       ${ownedBy(PrismaNamespace.raw(`sc."customerId"`), scope)}
     GROUP BY 2`;
  const counts = weeks.map((w) => ({ ...w, new: 0, won: 0, lost: 0 }));
  for (const r of rows) {
    const week = counts[Number(r.i) - 1];
    if (week) week[r.kind as "new" | "won" | "lost"] += n(r.count);
  }
  return counts;
}

export interface RepRow {
  userId: string;
  name: string;
  role: string;
  newLeads: number;
  calls: number;
  sms: number;
  visits: number;
  filings: number;
  wins: number;
  /** Due touches of the span: done on time, and all of them (done late and still owed included). */
  onTime: number;
  dueTouches: number;
  /** onTime ÷ dueTouches; null (shown "—") when nothing was due. */
  compliance: number | null;
}

/**
 * One row per person: leads created (customers they own now, created in the span), calls, SMS
 * and visits they logged, filings submitted, wins (standing win orders of their customers) and
 * cadence compliance (`complianceByRep`). Everyone who owns a customer or logged a touch, and every rep.
 */
export async function perRep(prisma: Tx, workspaceId: string, span: Span, now: Date, scope: FigureScope): Promise<RepRow[]> {
  const { start, end } = span;
  // A customer in the shared pool is nobody's: it counts for the team, in no one's row.
  const onlyOwner = sql`AND c."pooledAt" IS NULL ${scope.ownerId ? sql`AND c."ownerId" = ${scope.ownerId}` : PrismaNamespace.empty}`;
  // One statement: the people, and beside each what they own, logged and won; the compliance beside it.
  const [rows, compliance] = await Promise.all([prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT u."id" AS "userId", u."displayName" AS "name", u."role", c."owner" IS NOT NULL AS "owns", t."user" IS NOT NULL AS "touched",
           c."newLeads", c."filings", t."calls", t."sms", t."visits", w."wins"
      FROM "User" u
      LEFT JOIN (
        SELECT c."ownerId" AS "owner",
          count(*) FILTER (WHERE c."createdAt" >= ${start} AND c."createdAt" < ${end}) AS "newLeads",
          count(*) FILTER (WHERE c."filedAt" >= ${start} AND c."filedAt" < ${end}) AS "filings"
        FROM "Customer" c WHERE c."workspaceId" = ${workspaceId} ${onlyOwner} GROUP BY 1) c ON c."owner" = u."id"
      LEFT JOIN (
        SELECT a."userId" AS "user",
          count(*) FILTER (WHERE a."channel" = 'call') AS "calls",
          count(*) FILTER (WHERE a."channel" = 'sms') AS "sms",
          count(*) FILTER (WHERE a."channel" = 'visit') AS "visits"
        FROM "Activity" a WHERE a."workspaceId" = ${workspaceId} AND a."at" >= ${start} AND a."at" < ${end}
          ${scope.ownerId ? sql`AND a."userId" = ${scope.ownerId}` : PrismaNamespace.empty}
        GROUP BY 1) t ON t."user" = u."id"
      LEFT JOIN (
        SELECT c."ownerId" AS "owner", count(*) AS "wins"
        FROM "Order" o JOIN "Customer" c ON c."id" = o."customerId"
        WHERE o."workspaceId" = ${workspaceId} AND o."kind" = 'win' AND o."at" >= ${start} AND o."at" < ${end}
          AND (o."cancelledAt" IS NULL OR o."cancelledAt" >= ${end}) ${onlyOwner}
        GROUP BY 1) w ON w."owner" = u."id"
     WHERE u."workspaceId" = ${workspaceId} ${scope.ownerId ? sql`AND u."id" = ${scope.ownerId}` : PrismaNamespace.empty}`,
    complianceByRep(prisma, workspaceId, span, now, scope),
  ]);
  return rows
    .filter((r) => r.role === "rep" || r.owns === true || r.touched === true)
    .map((r) => {
      const due = compliance.find((x) => x.userId === r.userId) ?? { onTime: 0, late: 0, owed: 0 };
      return {
        userId: r.userId as string, name: r.name as string, role: r.role as string,
        newLeads: n(r.newLeads), calls: n(r.calls), sms: n(r.sms), visits: n(r.visits), filings: n(r.filings), wins: n(r.wins),
        onTime: due.onTime, dueTouches: due.onTime + due.late + due.owed, compliance: complianceRate(due),
      };
    })
    .sort((a, b) => b.wins - a.wins || b.newLeads - a.newLeads || a.name.localeCompare(b.name));
}
