import type { Caller } from "../crm/caller.ts";
import { queryRows } from "../db/direct-sql.ts";
import type { Prisma } from "../db/database.ts";
import { PrismaNamespace, type Customer, type Tx } from "../db/types.ts";
import { endOfLocalDay, formatDate } from "../format/dates.ts";
import type { ChannelDue } from "../playbook/cadence.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { card, type Card } from "../reply.ts";
import { cadenceFrom, touchesFromJson, touchesJsonSql } from "./cadence-store.ts";
import { actionRef } from "./customer-ref.ts";
import { dueLabel } from "./customer-card.ts";
import { classLabel } from "./playbook-terms.ts";

/** What a due list shows and the cadence engine needs of a customer: the rows are read by the thousand. */
export type DueCustomer = Pick<
  Customer,
  "id" | "number" | "ownerId" | "company" | "contact" | "stage" | "grade" | "classifiedAt" | "stageEnteredAt" | "snoozedUntil" | "heldDue" | "lastTouchAt" | "nextDueAt" | "overdueAt"
>;

export interface DueItem {
  customer: DueCustomer;
  overdue: boolean;
  /** The channels due by the end of the rep's day. */
  channels: ChannelDue[];
}

/** What one rep has due today: the list shown, how many are due, how many of those are overdue. */
export interface DueList {
  items: DueItem[];
  total: number;
  overdue: number;
}

/**
 * What one rep must do today: overdue first, then the best customers first (the selection stage
 * before intention before potential, A before D), then the longest waiting.
 */
export async function dueToday(
  tx: Tx | Prisma,
  playbook: Playbook,
  owner: { id: string; workspaceId: string; timeZone: string },
  now: Date,
  limit: number,
): Promise<DueList> {
  const lists = await dueTodayForOwners(tx, playbook, owner.workspaceId, [owner], now, limit);
  return lists.get(owner.id)!;
}

/**
 * The same list for many reps of one workspace at once (the morning job), in one statement: the
 * first due customers of each rep (each rep's end of day in their own zone), how many are due and
 * overdue, and each customer's per-channel touches — which then go through the one cadence engine.
 */
export async function dueTodayForOwners(
  tx: Tx | Prisma,
  playbook: Playbook,
  workspaceId: string,
  owners: { id: string; timeZone: string }[],
  now: Date,
  limit: number,
): Promise<Map<string, DueList>> {
  const endOfDay = new Map(owners.map((o) => [o.id, endOfLocalDay(now, o.timeZone)]));
  const lists = new Map<string, DueList>(owners.map((o) => [o.id, { items: [], total: 0, overdue: 0 }]));
  if (owners.length === 0) return lists;
  const rows = await queryRows<DueRow>(tx, dueRowsSql(playbook, workspaceId, owners.map((o) => ({ id: o.id, endOfDay: endOfDay.get(o.id)! })), now, limit));
  for (const row of rows) {
    const list = lists.get(row.ownerId)!;
    list.total = Number(row.dueTotal);
    list.overdue = Number(row.overdueTotal);
    const customer = dueCustomerOf(row);
    const cadence = cadenceFrom(playbook, customer, touchesFromJson(row.touches));
    const overdue = customer.overdueAt !== null && customer.overdueAt <= now;
    const until = endOfDay.get(row.ownerId)!;
    list.items.push({ customer, overdue, channels: cadence.channels.filter((c) => c.dueAt <= until) });
  }
  return lists;
}

/** The customer's fields of a row, named one by one: a rest spread over thousands of rows cost more than their cadence. */
function dueCustomerOf(row: DueRow): DueCustomer {
  return {
    id: row.id, number: row.number, ownerId: row.ownerId, company: row.company, contact: row.contact, stage: row.stage, grade: row.grade,
    classifiedAt: row.classifiedAt, stageEnteredAt: row.stageEnteredAt, snoozedUntil: row.snoozedUntil, heldDue: row.heldDue,
    lastTouchAt: row.lastTouchAt, nextDueAt: row.nextDueAt, overdueAt: row.overdueAt,
  };
}

/**
 * Each rep's first `limit` due customers in the list's order, with the counts, in one statement
 * (a rep with nothing due has no row). Per rep, one index range over (ownerId, nextDueAt): the
 * plan stays a nested loop whose size follows the rows due, not the customers filed. The order is
 * ranked here, so the touches are gathered only for the rows shown: overdue first, then the
 * playbook's later stages (selection before intention before potential), its better grades
 * within a stage (A before D), then the longest waiting.
 */
export function dueRowsSql(playbook: Playbook, workspaceId: string, owners: { id: string; endOfDay: Date }[], now: Date, limit: number): PrismaNamespace.Sql {
  const stages = playbook.stages.map((s) => s.id);
  // Grades listed stage by stage, best first: within one stage their positions keep its order.
  const grades = playbook.stages.flatMap((s) => s.grades.map((g) => `${s.id}/${g.id}`));
  const at = now.toISOString();
  return PrismaNamespace.sql`
    SELECT r.*, ${touchesJsonSql(PrismaNamespace.sql`r."id"`, PrismaNamespace.sql`r."stageEnteredAt"`)} AS "touches"
      FROM unnest(${owners.map((o) => o.id)}::text[], ${owners.map((o) => o.endOfDay.toISOString())}::timestamp(3)[]) WITH ORDINALITY AS o("id", "endOfDay", "i")
     CROSS JOIN LATERAL (
           SELECT c."id", c."number", c."ownerId", c."company", c."contact", c."stage", c."grade", c."classifiedAt", c."stageEnteredAt",
                  c."snoozedUntil", c."heldDue", c."lastTouchAt", c."nextDueAt", c."overdueAt",
                  count(*) OVER () AS "dueTotal",
                  count(*) FILTER (WHERE c."overdueAt" <= ${at}::timestamp(3)) OVER () AS "overdueTotal",
                  row_number() OVER (ORDER BY coalesce(c."overdueAt" <= ${at}::timestamp(3), false) DESC,
                                              array_position(${stages}::text[], c."stage") DESC NULLS LAST,
                                              coalesce(array_position(${grades}::text[], c."stage" || '/' || c."grade"), 0),
                                              c."nextDueAt", c."number") AS "position"
             FROM "Customer" c
            WHERE c."ownerId" = o."id" AND c."workspaceId" = ${workspaceId} AND c."nextDueAt" <= o."endOfDay"
            ORDER BY "position"
            LIMIT ${limit}) AS r
     ORDER BY o."i", r."position"`;
}

type DueRow = DueCustomer & { dueTotal: bigint; overdueTotal: bigint; touches: unknown; position: bigint };

/** A compact card per due customer, with the buttons a rep needs to clear it. */
export function dueCard(playbook: Playbook, caller: Caller, item: DueItem, now: Date): Card {
  const { m, locale, timeZone } = caller;
  const { customer } = item;
  const ref = actionRef(customer, caller.workspace);
  const lines = item.channels.map((c) => dueLabel(c, now, caller));
  const lastTouch = customer.lastTouchAt ? m.due.lastTouch(formatDate(customer.lastTouchAt, timeZone, locale)) : m.due.neverTouched();
  return card(`#${customer.number} ${customer.company}${customer.contact ? ` · ${customer.contact}` : ""}`, {
    subtitle: classLabel(playbook, customer.stage, customer.grade, locale),
    sections: [{ title: "", items: [...lines, lastTouch] }],
    actions: [
      { kind: "prompt", label: m.actions.logCall, command: `log ${ref} call`, prompt: m.actions.notePrompt, style: "primary" },
      { kind: "prompt", label: m.actions.logSms, command: `log ${ref} sms`, prompt: m.actions.notePrompt },
      { kind: "run", label: m.actions.snooze(1), command: `snooze ${ref} 1d` },
      { kind: "run", label: m.actions.open, command: `show ${ref}` },
    ],
  });
}
