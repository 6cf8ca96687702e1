import type { Caller } from "../crm/caller.ts";
import type { Customer, Tx } from "../db/types.ts";
import { endOfLocalDay, formatDate } from "../format/dates.ts";
import type { ChannelDue } from "../playbook/cadence.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { card, type Card } from "../reply.ts";
import { cadenceOf } from "./cadence-store.ts";
import { actionRef } from "./customer-ref.ts";
import { dueLabel } from "./customer-card.ts";
import { classLabel, gradeRank, stageRank } from "./playbook-terms.ts";

export interface DueItem {
  customer: Customer;
  overdue: boolean;
  /** The channels due by the end of the rep's day. */
  channels: ChannelDue[];
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
): Promise<{ items: DueItem[]; total: number }> {
  const endOfDay = endOfLocalDay(now, owner.timeZone);
  const where = { workspaceId: owner.workspaceId, ownerId: owner.id, nextDueAt: { lte: endOfDay } };
  const [total, rows] = await Promise.all([
    tx.customer.count({ where }),
    tx.customer.findMany({ where, orderBy: { nextDueAt: "asc" }, take: Math.max(limit * 5, 100) }),
  ]);
  const ranked = rows
    .map((customer) => ({ customer, overdue: customer.overdueAt !== null && customer.overdueAt <= now }))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        stageRank(playbook, b.customer.stage) - stageRank(playbook, a.customer.stage) ||
        gradeRank(playbook, a.customer.stage, a.customer.grade) - gradeRank(playbook, b.customer.stage, b.customer.grade) ||
        a.customer.nextDueAt!.getTime() - b.customer.nextDueAt!.getTime(),
    )
    .slice(0, limit);
  const items: DueItem[] = [];
  for (const item of ranked) {
    const cadence = await cadenceOf(tx, playbook, item.customer);
    items.push({ ...item, channels: cadence.channels.filter((c) => c.dueAt <= endOfDay) });
  }
  return { items, total };
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
