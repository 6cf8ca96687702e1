import type { CommandContext } from "../commands/context.ts";
import { queryRows } from "../db/direct-sql.ts";
import { fromJson, utcFromJson } from "../db/json-values.ts";
import { PrismaNamespace, type Customer } from "../db/types.ts";
import type { CadenceResult } from "../playbook/cadence.ts";
import { cardReply, type Reply } from "../reply.ts";
import { cadenceFrom, touchesFromJson, touchesJsonSql } from "./cadence-store.ts";
import { customerCard, type CardOrder } from "./customer-card.ts";
import { filingGapsFrom } from "./filing.ts";

const RECENT_ACTIVITIES = 5;
const ORDERS_SHOWN = 20;

interface ViewRow {
  ownerName: string | null;
  touches: unknown;
  callLogs: unknown;
  activities: unknown;
  orders: unknown;
  owners: unknown;
}

/**
 * Replies with `text` and the customer's full card, as every command that changes one does.
 * Everything the card shows beyond the row — the owner's name, the touches for the cadence, the
 * call logs for the filing gaps, the recent touches, the orders, the owner history with names —
 * comes in one statement: a card is read on nearly every command. Touches and owner changes of
 * the same instant keep the order they were recorded in (those tables are only appended to:
 * their physical order, as the index returned them before).
 */
export async function replyWithCustomer(
  ctx: CommandContext,
  customer: Customer,
  text: string,
  known: { cadence?: CadenceResult } = {},
): Promise<Reply> {
  const { columns } = cardColumns(ctx, customer, { touches: !known.cadence });
  const [row] = await queryRows<Record<string, unknown>>(ctx.tx, PrismaNamespace.sql`SELECT ${columns}`);
  return replyFromCard(ctx, customer, text, row!, known);
}

/**
 * The card's columns for a customer, to be read in a statement of the caller's (a logged call
 * reads them with its update: one round trip fewer), then given to `replyFromCard`. The customer's
 * id, owner and stage entry must be the ones the statement leaves. Without `touches` the cadence
 * must be given to `replyFromCard`.
 */
export function cardColumns(ctx: CommandContext, customer: Customer, read: { touches: boolean }) {
  const { playbook } = ctx;
  const sql = PrismaNamespace.sql;
  const callLog = playbook.filing.callLog;
  const columns = sql`
      (SELECT u."displayName" FROM "User" u WHERE u."id" = ${customer.ownerId}) AS "ownerName",
      ${!read.touches ? sql`NULL` : touchesJsonSql(sql`${customer.id}`, sql`${customer.stageEnteredAt.toISOString()}::timestamp(3)`)} AS "touches",
      ${callLog ? sql`(SELECT json_agg(a."content") FROM "Activity" a WHERE a."customerId" = ${customer.id} AND a."channel" = ANY(${[...callLog.channels]}::text[]))` : sql`NULL`} AS "callLogs",
      (SELECT json_agg(a ORDER BY a."at" DESC, a."row" DESC) FROM (SELECT a."at", a."channel", a."content", a.ctid AS "row" FROM "Activity" a
                                 WHERE a."customerId" = ${customer.id} ORDER BY a."at" DESC, a.ctid DESC LIMIT ${RECENT_ACTIVITIES}) a) AS "activities",
      (SELECT json_agg(o ORDER BY o."at") FROM (SELECT o."at", o."amount", o."note", o."cancelledAt" FROM "Order" o
                                 WHERE o."customerId" = ${customer.id} ORDER BY o."at" LIMIT ${ORDERS_SHOWN}) o) AS "orders",
      (SELECT json_agg(h ORDER BY h."at", h."row") FROM (SELECT c."at", c.ctid AS "row", coalesce(f."displayName", CASE WHEN c."fromOwnerId" IS NULL THEN '—' ELSE '?' END) AS "from",
                                       coalesce(t."displayName", CASE WHEN c."toOwnerId" IS NULL THEN '—' ELSE '?' END) AS "to", c."reason"
                                  FROM "OwnerChange" c LEFT JOIN "User" f ON f."id" = c."fromOwnerId" LEFT JOIN "User" t ON t."id" = c."toOwnerId"
                                 WHERE c."customerId" = ${customer.id} ORDER BY c."at") h) AS "owners"`;
  return { columns, names: CARD_COLUMNS };
}

const CARD_COLUMNS = ["ownerName", "touches", "callLogs", "activities", "orders", "owners"] as const satisfies readonly (keyof ViewRow)[];

/** The reply of `replyWithCustomer`, from the card's columns as read. */
export function replyFromCard(ctx: CommandContext, customer: Customer, text: string, read: Record<string, unknown>, known: { cadence?: CadenceResult } = {}): Reply {
  const { playbook } = ctx;
  const row = read as unknown as ViewRow;
  const cadence = known.cadence ?? cadenceFrom(playbook, customer, touchesFromJson(row.touches));
  const gaps = filingGapsFrom(playbook, customer, fromJson<string[]>(row.callLogs, []));
  const activities = fromJson<{ at: string; channel: string; content: string }[]>(row.activities, []).map((a) => ({ at: utcFromJson(a.at), channel: a.channel, content: a.content }));
  const orders = fromJson<{ at: string; amount: number | string | null; note: string | null; cancelledAt: string | null }[]>(row.orders, []).map(
    (o): CardOrder => ({ at: utcFromJson(o.at), amount: o.amount === null ? null : Number(o.amount), note: o.note, cancelledAt: utcFromJson(o.cancelledAt) }),
  );
  // Nobody (the shared pool) reads as "—", an owner no longer known as "?".
  const owners = fromJson<{ at: string; from: string; to: string; reason: string | null }[]>(row.owners, []).map((o) => ({ at: utcFromJson(o.at), from: o.from, to: o.to, reason: o.reason }));
  const view = { customer, ownerName: row.ownerName ?? "?", cadence, gaps, activities, orders, owners };
  return cardReply(text, [customerCard(ctx, view)]);
}
