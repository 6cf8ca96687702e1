import type { Caller } from "../crm/caller.ts";
import type { Tx } from "../db/types.ts";
import { endOfLocalDay } from "../format/dates.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { cadenceOf } from "./cadence-store.ts";
import type { DueItem } from "./due-list.ts";

export interface TeamDue {
  /** Per rep with something due today: how many, and how many of those are overdue. */
  reps: { ownerId: string; name: string; total: number; overdue: number }[];
  /**
   * The most urgent across the team: overdue first (longest overdue first), then soonest due. No
   * overdue flag: the cards mark each channel from its own dates, and the counts are the reps'.
   */
  items: (Pick<DueItem, "customer" | "channels"> & { ownerName: string })[];
  total: number;
}

/** The director's view of what the whole team must do today, in the director's day. */
export async function teamDueToday(tx: Tx, playbook: Playbook, caller: Caller, now: Date, limit: number): Promise<TeamDue> {
  const endOfDay = endOfLocalDay(now, caller.timeZone);
  const where = { workspaceId: caller.workspace.id, pooledAt: null, nextDueAt: { lte: endOfDay } };
  const [totals, overdue, rows] = await Promise.all([
    tx.customer.groupBy({ by: ["ownerId"], where, _count: { _all: true } }),
    tx.customer.groupBy({ by: ["ownerId"], where: { ...where, overdueAt: { lte: now } }, _count: { _all: true } }),
    tx.customer.findMany({
      where,
      orderBy: [{ overdueAt: { sort: "asc", nulls: "last" } }, { nextDueAt: "asc" }, { number: "asc" }],
      take: limit,
      include: { owner: { select: { displayName: true } } },
    }),
  ]);
  const names = await tx.user.findMany({ where: { id: { in: totals.map((t) => t.ownerId) } }, select: { id: true, displayName: true } });
  const reps = totals
    .map((t) => ({
      ownerId: t.ownerId,
      name: names.find((u) => u.id === t.ownerId)?.displayName ?? "?",
      total: t._count._all,
      overdue: overdue.find((o) => o.ownerId === t.ownerId)?._count._all ?? 0,
    }))
    .sort((a, b) => b.overdue - a.overdue || b.total - a.total || a.name.localeCompare(b.name));
  const items = [];
  for (const { owner, ...customer } of rows) {
    const cadence = await cadenceOf(tx, playbook, customer);
    items.push({
      customer,
      ownerName: owner.displayName,
      channels: cadence.channels.filter((c) => c.dueAt <= endOfDay),
    });
  }
  return { reps, items, total: reps.reduce((n, r) => n + r.total, 0) };
}
