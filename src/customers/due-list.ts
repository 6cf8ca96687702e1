import type { Caller } from "../commands/context.ts";
import { PrismaNamespace, type Customer, type Tx } from "../db/types.ts";
import { endOfLocalDay, formatDate } from "../format/dates.ts";
import type { ChannelDue } from "../playbook/cadence.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { card, type Card } from "../reply.ts";
import { cadenceFrom, touchesFromJson, touchesJsonSql } from "./cadence-store.ts";
import { actionRef } from "./customer-ref.ts";
import { dueLabel } from "./customer-card.ts";
import { classLabel, gradeRank, stageRank } from "./playbook-terms.ts";

export interface DueItem {
  customer: Customer;
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
 * due customers of each rep (an indexed range over `nextDueAt` per rep, each rep's end of day in
 * their own zone), how many are due and overdue, and each customer's per-channel touches — which
 * then go through the one cadence engine.
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
  const rows = await tx.$queryRaw<DueRow[]>`
    WITH due AS (
      SELECT c.*,
             count(*) OVER per_owner AS "dueTotal",
             count(*) FILTER (WHERE c."overdueAt" <= ${now.toISOString()}::timestamp(3)) OVER per_owner AS "overdueTotal",
             row_number() OVER (per_owner ORDER BY c."nextDueAt", c."id") AS "position"
        FROM unnest(${owners.map((o) => o.id)}::text[], ${owners.map((o) => endOfDay.get(o.id)!.toISOString())}::timestamp(3)[]) AS o("id", "endOfDay")
        JOIN "Customer" c ON c."ownerId" = o."id" AND c."workspaceId" = ${workspaceId} AND c."nextDueAt" <= o."endOfDay"
      WINDOW per_owner AS (PARTITION BY c."ownerId")
    )
    SELECT due.*, ${touchesJsonSql(PrismaNamespace.sql`due."id"`, PrismaNamespace.sql`due."stageEnteredAt"`)} AS "touches"
      FROM due
     WHERE due."position" <= ${take}`;
  const byOwner = new Map<string, DueRow[]>();
  for (const row of rows) {
    const list = byOwner.get(row.ownerId) ?? [];
    list.push(row);
    byOwner.set(row.ownerId, list);
  }
  for (const [ownerId, owned] of byOwner) {
    const end = endOfDay.get(ownerId)!;
    const ranked = owned
      .map((row) => ({ row, customer: customerOf(row), overdue: row.overdueAt !== null && row.overdueAt <= now }))
      .sort(
        (a, b) =>
          Number(b.overdue) - Number(a.overdue) ||
          stageRank(playbook, b.customer.stage) - stageRank(playbook, a.customer.stage) ||
          gradeRank(playbook, a.customer.stage, a.customer.grade) - gradeRank(playbook, b.customer.stage, b.customer.grade) ||
          a.customer.nextDueAt!.getTime() - b.customer.nextDueAt!.getTime(),
      )
      .slice(0, limit);
    const items = ranked.map(({ row, customer, overdue }) => {
      const cadence = cadenceFrom(playbook, customer, touchesFromJson(row.touches));
      return { customer, overdue, channels: cadence.channels.filter((c) => c.dueAt <= end) };
    });
    lists.set(ownerId, { items, total: Number(owned[0]!.dueTotal), overdue: Number(owned[0]!.overdueTotal) });
  }
  return lists;
}

type DueRow = Omit<Customer, "wonAmount"> & {
  wonAmount: number | string | null;
  dueTotal: bigint;
  overdueTotal: bigint;
  position: bigint;
  touches: unknown;
};

/** A raw row as Prisma's Customer: the window columns dropped, the amount a Decimal again. */
function customerOf(row: DueRow): Customer {
  const { dueTotal: _t, overdueTotal: _o, position: _p, touches: _j, wonAmount, ...columns } = row;
  return { ...columns, wonAmount: wonAmount === null ? null : new PrismaNamespace.Decimal(wonAmount) };
}

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
