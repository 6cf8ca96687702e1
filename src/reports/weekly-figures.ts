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

/**
 * Cadence compliance per rep, as the report is made: of the customers they hold that have a
 * cadence, the share not overdue. (The stored due dates are the current ones; a history of
 * every due date would be needed for a share of the week's touches made on time.)
 */
export async function complianceByRep(prisma: Prisma, workspaceId: string, now: Date) {
  const held = { workspaceId, pooledAt: null, nextDueAt: { not: null } };
  const [all, late] = await Promise.all([
    prisma.customer.groupBy({ by: ["ownerId"], where: held, _count: { _all: true } }),
    prisma.customer.groupBy({ by: ["ownerId"], where: { ...held, overdueAt: { lte: now } }, _count: { _all: true } }),
  ]);
  return all.map((row) => ({ ownerId: row.ownerId, total: row._count._all, onCadence: row._count._all - (late.find((l) => l.ownerId === row.ownerId)?._count._all ?? 0) }));
}
