import type { Prisma } from "../db/database.ts";
import type { Tx } from "../db/types.ts";
import { PrismaNamespace } from "../db/types.ts";
import { fromJson } from "../db/json-values.ts";

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
  const [row] = await prisma.$queryRaw<{ figures: unknown }[]>`SELECT ${orderFiguresSql(workspaceId, week, scope)} AS "figures"`;
  return readOrderFigures(row!.figures);
}

/**
 * The figures as one JSON object in SQL, for a statement that gathers more than these (the
 * weekly summary); `readOrderFigures` reads it back.
 */
export function orderFiguresSql(workspaceId: string, week: { start: Date; end: Date }, scope: FigureScope = {}): PrismaNamespace.Sql {
  const { start, end } = week;
  const mine = ownedBy(PrismaNamespace.raw(`o."customerId"`), scope);
  const standing = PrismaNamespace.sql`o."at" < ${end} AND (o."cancelledAt" IS NULL OR o."cancelledAt" >= ${end}) ${mine}`;
  return PrismaNamespace.sql`(
    WITH standing AS (
      SELECT o."customerId", o."kind", o."amount", o."at" FROM "Order" o
      WHERE o."workspaceId" = ${workspaceId} AND ${standing}
    ), per_customer AS (
      SELECT s."customerId", count(*) AS orders, min(s."at") AS first_at FROM standing s GROUP BY s."customerId"
    )
    SELECT json_build_object(
      'wonInWeek', (SELECT count(*) FROM standing s WHERE s."kind" = 'win' AND s."at" >= ${start}),
      'ordersInWeek', (SELECT count(*) FROM standing s WHERE s."at" >= ${start}),
      'revenueInWeek', (SELECT coalesce(sum(s."amount"), 0) FROM standing s WHERE s."at" >= ${start}),
      'cancelledInWeek', (SELECT count(*) FROM "Order" o WHERE o."workspaceId" = ${workspaceId} AND o."cancelledAt" >= ${start} AND o."cancelledAt" < ${end} ${mine}),
      'cancelledAmountInWeek', (SELECT coalesce(sum(o."amount"), 0) FROM "Order" o WHERE o."workspaceId" = ${workspaceId} AND o."cancelledAt" >= ${start} AND o."cancelledAt" < ${end} ${mine}),
      'leads', (SELECT count(*) FROM "Customer" c WHERE c."workspaceId" = ${workspaceId} AND c."createdAt" < ${end} ${scope.ownerId ? PrismaNamespace.sql`AND c."ownerId" = ${scope.ownerId} AND c."pooledAt" IS NULL` : PrismaNamespace.empty}),
      'wonCustomers', (SELECT count(*) FROM per_customer),
      'repeatCustomers', (SELECT count(*) FROM per_customer p WHERE p.orders >= 2),
      'revenue', (SELECT coalesce(sum(s."amount"), 0) FROM standing s),
      'pricedOrders', (SELECT count(*) FROM standing s WHERE s."amount" IS NOT NULL),
      'cycleDays', (SELECT coalesce(sum(extract(epoch FROM (p.first_at - c."createdAt"))), 0)
                      FROM per_customer p JOIN "Customer" c ON c."id" = p."customerId")))`;
}

export function readOrderFigures(json: unknown): OrderFigures {
  const row = fromJson<Row>(json, {} as Row);
  const n = (v: Row[keyof Row]) => Number(v ?? 0);
  return {
    wonInWeek: n(row.wonInWeek),
    ordersInWeek: n(row.ordersInWeek),
    revenueInWeek: n(row.revenueInWeek),
    cancelledInWeek: n(row.cancelledInWeek),
    cancelledAmountInWeek: n(row.cancelledAmountInWeek),
    leads: n(row.leads),
    wonCustomers: n(row.wonCustomers),
    repeatCustomers: n(row.repeatCustomers),
    revenue: n(row.revenue),
    pricedOrders: n(row.pricedOrders),
    cycleDays: (n(row.cycleDays) * 1000) / DAY,
  };
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
