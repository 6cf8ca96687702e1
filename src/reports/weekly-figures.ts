import type { Prisma } from "../db/database.ts";
import type { Tx } from "../db/types.ts";
import { PrismaNamespace } from "../db/types.ts";

const DAY = 86_400_000;

/**
 * The order figures of DOMAIN.md §7, as they stood at the end of a week, in one statement.
 * An order "stands" at a moment if it was placed before it and not cancelled by then, so a
 * deal cancelled next month still counted in this week's report, and the figures for a past
 * week never change.
 */
export interface OrderFigures {
  /** Moves into won during the week whose deal still stands (one win order per move). */
  wonInWeek: number;
  ordersInWeek: number;
  revenueInWeek: number;
  cancelledInWeek: number;
  cancelledAmountInWeek: number;
  /** Customers created before the end of the week. */
  leads: number;
  /** Customers with at least one standing order. */
  wonCustomers: number;
  repeatCustomers: number;
  revenue: number;
  /** Standing orders with a known amount: the denominator of the average deal. */
  pricedOrders: number;
  cycleDays: number;
}

type Row = { [K in keyof OrderFigures]: number | string | bigint | null };

/** Whose customers a figure counts: the whole workspace, or one owner's (a rep's report; not those in the shared pool). */
export interface FigureScope {
  ownerId?: string;
}

/** Restricts rows with a customer id column to one owner's customers (the current owner). */
export function ownedBy(column: PrismaNamespace.Sql, scope: FigureScope): PrismaNamespace.Sql {
  return scope.ownerId
    ? PrismaNamespace.sql`AND ${column} IN (SELECT oc."id" FROM "Customer" oc WHERE oc."ownerId" = ${scope.ownerId} AND oc."pooledAt" IS NULL)`
    : PrismaNamespace.empty;
}

export async function orderFigures(prisma: Tx, workspaceId: string, week: { start: Date; end: Date }, scope: FigureScope = {}): Promise<OrderFigures> {
  const { start, end } = week;
  const mine = ownedBy(PrismaNamespace.raw(`o."customerId"`), scope);
  const standing = PrismaNamespace.sql`o."at" < ${end} AND (o."cancelledAt" IS NULL OR o."cancelledAt" >= ${end}) ${mine}`;
  const [row] = await prisma.$queryRaw<Row[]>`
    WITH standing AS (
      SELECT o."customerId", o."kind", o."amount", o."at" FROM "Order" o
      WHERE o."workspaceId" = ${workspaceId} AND ${standing}
    ), per_customer AS (
      SELECT s."customerId", count(*) AS orders, min(s."at") AS first_at FROM standing s GROUP BY s."customerId"
    )
    SELECT
      (SELECT count(*) FROM standing s WHERE s."kind" = 'win' AND s."at" >= ${start}) AS "wonInWeek",
      (SELECT count(*) FROM standing s WHERE s."at" >= ${start}) AS "ordersInWeek",
      (SELECT coalesce(sum(s."amount"), 0) FROM standing s WHERE s."at" >= ${start}) AS "revenueInWeek",
      (SELECT count(*) FROM "Order" o WHERE o."workspaceId" = ${workspaceId} AND o."cancelledAt" >= ${start} AND o."cancelledAt" < ${end} ${mine}) AS "cancelledInWeek",
      (SELECT coalesce(sum(o."amount"), 0) FROM "Order" o WHERE o."workspaceId" = ${workspaceId} AND o."cancelledAt" >= ${start} AND o."cancelledAt" < ${end} ${mine}) AS "cancelledAmountInWeek",
      (SELECT count(*) FROM "Customer" c WHERE c."workspaceId" = ${workspaceId} AND c."createdAt" < ${end} ${scope.ownerId ? PrismaNamespace.sql`AND c."ownerId" = ${scope.ownerId} AND c."pooledAt" IS NULL` : PrismaNamespace.empty}) AS "leads",
      (SELECT count(*) FROM per_customer) AS "wonCustomers",
      (SELECT count(*) FROM per_customer p WHERE p.orders >= 2) AS "repeatCustomers",
      (SELECT coalesce(sum(s."amount"), 0) FROM standing s) AS "revenue",
      (SELECT count(*) FROM standing s WHERE s."amount" IS NOT NULL) AS "pricedOrders",
      (SELECT coalesce(sum(extract(epoch FROM (p.first_at - c."createdAt"))), 0)
         FROM per_customer p JOIN "Customer" c ON c."id" = p."customerId") AS "cycleDays"`;
  const n = (v: Row[keyof Row]) => Number(v ?? 0);
  return {
    wonInWeek: n(row!.wonInWeek),
    ordersInWeek: n(row!.ordersInWeek),
    revenueInWeek: n(row!.revenueInWeek),
    cancelledInWeek: n(row!.cancelledInWeek),
    cancelledAmountInWeek: n(row!.cancelledAmountInWeek),
    leads: n(row!.leads),
    wonCustomers: n(row!.wonCustomers),
    repeatCustomers: n(row!.repeatCustomers),
    revenue: n(row!.revenue),
    pricedOrders: n(row!.pricedOrders),
    cycleDays: (n(row!.cycleDays) * 1000) / DAY,
  };
}

/**
 * The week's owner changes: releases and reclaims into the pool, claims out of it, handovers;
 * and the customers escalated during it.
 */
export async function weekOwnership(prisma: Prisma, workspaceId: string, week: { start: Date; end: Date }) {
  const inWeek = { workspaceId, at: { gte: week.start, lt: week.end } };
  const [released, claimed, handovers, escalated] = await Promise.all([
    prisma.ownerChange.count({ where: { ...inWeek, toOwnerId: null } }),
    prisma.ownerChange.count({ where: { ...inWeek, fromOwnerId: null } }),
    prisma.ownerChange.count({ where: { ...inWeek, fromOwnerId: { not: null }, toOwnerId: { not: null } } }),
    prisma.customer.count({ where: { workspaceId, escalatedAt: { gte: week.start, lt: week.end } } }),
  ]);
  return { released, claimed, handovers, escalated };
}

/** One person's due touches over a span (DOMAIN.md §3 cadences). */
export interface Compliance {
  userId: string;
  /** Touches in the span that answered a due date before it became overdue. */
  onTime: number;
  /** Touches in the span that answered a due date already overdue. */
  late: number;
  /** Customers they hold still overdue, whose overdue moment came before the span's end. */
  owed: number;
}

/**
 * Cadence compliance: the share of due touches done on time. A touch records the due date it
 * answered (`Activity.dueAt`/`overdueAt`, null for an early touch); what is still overdue when the
 * report is made counts once per customer as a due touch not done, in every report until done,
 * so leaving customers untouched can never read as a clean record. The touch counts for whoever
 * logged it; what is owed, for the owner.
 */
export async function complianceByRep(prisma: Tx, workspaceId: string, span: { start: Date; end: Date }, now: Date, scope: FigureScope = {}): Promise<Compliance[]> {
  // Overdue during the span: before its (exclusive) end, or by now for a span still running.
  const overdueBy = span.end <= now ? PrismaNamespace.sql`< ${span.end}` : PrismaNamespace.sql`<= ${now}`;
  const rows = await prisma.$queryRaw<{ userId: string; onTime: bigint | number; late: bigint | number; owed: bigint | number }[]>`
    WITH answered AS (
      SELECT a."userId", count(*) FILTER (WHERE a."at" < a."overdueAt") AS "onTime", count(*) FILTER (WHERE a."at" >= a."overdueAt") AS "late"
        FROM "Activity" a
       WHERE a."workspaceId" = ${workspaceId} AND a."at" >= ${span.start} AND a."at" < ${span.end} AND a."dueAt" IS NOT NULL
         ${scope.ownerId ? PrismaNamespace.sql`AND a."userId" = ${scope.ownerId}` : PrismaNamespace.empty}
       GROUP BY 1
    ), owed AS (
      SELECT c."ownerId" AS "userId", count(*) AS "owed"
        FROM "Customer" c
       WHERE c."workspaceId" = ${workspaceId} AND c."pooledAt" IS NULL AND c."overdueAt" ${overdueBy}
         ${scope.ownerId ? PrismaNamespace.sql`AND c."ownerId" = ${scope.ownerId}` : PrismaNamespace.empty}
       GROUP BY 1
    )
    SELECT coalesce(a."userId", o."userId") AS "userId", coalesce(a."onTime", 0) AS "onTime", coalesce(a."late", 0) AS "late", coalesce(o."owed", 0) AS "owed"
      FROM answered a FULL JOIN owed o ON o."userId" = a."userId"`;
  return rows.map((r) => ({ userId: r.userId, onTime: Number(r.onTime), late: Number(r.late), owed: Number(r.owed) }));
}

/** On-time share of the due touches; null (shown "—") when nothing was due. */
export function complianceRate(c: Pick<Compliance, "onTime" | "late" | "owed">): number | null {
  const due = c.onTime + c.late + c.owed;
  return due > 0 ? c.onTime / due : null;
}

/** Stage changes of the week grouped by what moved where; the playbook names each group a movement. */
export async function weekChanges(prisma: Tx, workspaceId: string, week: { start: Date; end: Date }) {
  const rows = await prisma.stageChange.groupBy({
    by: ["fromStage", "fromGrade", "toStage", "toGrade", "lossKind"],
    where: { workspaceId, at: { gte: week.start, lt: week.end } },
    _count: { _all: true },
  });
  return rows.map((r) => ({ ...r, count: r._count._all }));
}

/** Losses of the week by the reason recorded with each move (the customer's own reason may be gone since). */
export async function weekLostReasons(prisma: Tx, workspaceId: string, week: { start: Date; end: Date }, lostStages: string[]) {
  const rows = await prisma.stageChange.groupBy({
    by: ["lostReason"],
    where: { workspaceId, at: { gte: week.start, lt: week.end }, toStage: { in: lostStages } },
    _count: { _all: true },
  });
  return rows.map((r) => ({ reason: r.lostReason ?? "", count: r._count._all }));
}
