import type { Caller } from "../crm/caller.ts";
import { PrismaNamespace, type Customer, type Tx } from "../db/types.ts";
import { endOfLocalDay, formatDate } from "../format/dates.ts";
import type { ChannelDue } from "../playbook/cadence.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { card, type Card } from "../reply.ts";
import { cadenceFrom, touchesFromJson, touchesJsonSql } from "./cadence-store.ts";
import { actionRef } from "./customer-ref.ts";
import { dueLabel } from "./customer-card.ts";
import { classLabel, gradeRank, stageRank } from "./playbook-terms.ts";

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
  tx: Tx,
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
  tx: Tx,
  playbook: Playbook,
  workspaceId: string,
  owners: { id: string; timeZone: string }[],
  now: Date,
  limit: number,
): Promise<Map<string, DueList>> {
  const endOfDay = new Map(owners.map((o) => [o.id, endOfLocalDay(now, o.timeZone)]));
  const lists = new Map<string, DueList>(owners.map((o) => [o.id, { items: [], total: 0, overdue: 0 }]));
  if (owners.length === 0) return lists;
  // The ranking below needs the playbook, so the database hands over the first rows by due time.
  const take = Math.max(limit * 5, 100);
  // Per rep, an index range over (ownerId, nextDueAt) for the count and for the first rows: the
  // plan stays a nested loop whose size follows the rows due, not the customers filed.
  const rows = await tx.$queryRaw<DueRow[]>`
    SELECT n."dueTotal", n."overdueTotal", d.*
      FROM unnest(${owners.map((o) => o.id)}::text[], ${owners.map((o) => endOfDay.get(o.id)!.toISOString())}::timestamp(3)[]) AS o("id", "endOfDay")
     CROSS JOIN LATERAL (
           SELECT count(*) AS "dueTotal", count(*) FILTER (WHERE c."overdueAt" <= ${now.toISOString()}::timestamp(3)) AS "overdueTotal"
             FROM "Customer" c
            WHERE c."ownerId" = o."id" AND c."workspaceId" = ${workspaceId} AND c."nextDueAt" <= o."endOfDay") AS n
     CROSS JOIN LATERAL (
           SELECT c."id", c."number", c."ownerId", c."company", c."contact", c."stage", c."grade", c."classifiedAt", c."stageEnteredAt",
                  c."snoozedUntil", c."heldDue", c."lastTouchAt", c."nextDueAt", c."overdueAt", ${touchesJsonSql(PrismaNamespace.sql`c."id"`, PrismaNamespace.sql`c."stageEnteredAt"`)} AS "touches"
             FROM "Customer" c
            WHERE c."ownerId" = o."id" AND c."workspaceId" = ${workspaceId} AND c."nextDueAt" <= o."endOfDay"
            ORDER BY c."nextDueAt", c."number"
            LIMIT ${take}) AS d`;
  const byOwner = new Map<string, DueRow[]>();
  for (const row of rows) {
    const list = byOwner.get(row.ownerId) ?? [];
    list.push(row);
    byOwner.set(row.ownerId, list);
  }
  for (const [ownerId, owned] of byOwner) {
    const end = endOfDay.get(ownerId)!;
    const ranked = owned
      .map((row) => ({ row, overdue: row.overdueAt !== null && row.overdueAt <= now }))
      .sort(
        (a, b) =>
          Number(b.overdue) - Number(a.overdue) ||
          stageRank(playbook, b.row.stage) - stageRank(playbook, a.row.stage) ||
          gradeRank(playbook, a.row.stage, a.row.grade) - gradeRank(playbook, b.row.stage, b.row.grade) ||
          a.row.nextDueAt!.getTime() - b.row.nextDueAt!.getTime() ||
          a.row.number - b.row.number,
      )
      .slice(0, limit);
    const items = ranked.map(({ row, overdue }) => {
      const { dueTotal: _t, overdueTotal: _o, touches, ...customer } = row;
      const cadence = cadenceFrom(playbook, customer, touchesFromJson(touches));
      return { customer, overdue, channels: cadence.channels.filter((c) => c.dueAt <= end) };
    });
    lists.set(ownerId, { items, total: Number(owned[0]!.dueTotal), overdue: Number(owned[0]!.overdueTotal) });
  }
  return lists;
}

type DueRow = DueCustomer & { dueTotal: bigint; overdueTotal: bigint; touches: unknown };

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
