import type { Customer, PrismaNamespace, Tx } from "../db/types.ts";
import { isTouchChannel } from "../domain/channels.ts";
import { holdOverdue, type HeldDue } from "../playbook/cadence.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { readTouches } from "./cadence-store.ts";

/** `Customer.heldDue` as the engine reads it; anything unreadable is no hold. */
export function readHeldDue(stored: unknown): HeldDue[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry: unknown) => {
    const { channel, dueAt, overdueAt } = (entry ?? {}) as Record<string, unknown>;
    if (typeof channel !== "string" || !isTouchChannel(channel)) return [];
    const due = new Date(String(dueAt));
    const overdue = new Date(String(overdueAt));
    if (Number.isNaN(due.getTime()) || Number.isNaN(overdue.getTime())) return [];
    return [{ channel, dueAt: due, overdueAt: overdue }];
  });
}

/**
 * What a stage or grade change made now must store in `heldDue`: the channels overdue before
 * it. Call it before updating the customer, and write the result with the new classification.
 */
export async function heldDueBeforeReclassifying(tx: Tx, playbook: Playbook, customer: Customer, now: Date): Promise<PrismaNamespace.InputJsonValue> {
  const held = holdOverdue(playbook, {
    stage: customer.stage,
    grade: customer.grade,
    classifiedAt: customer.classifiedAt,
    stageEnteredAt: customer.stageEnteredAt,
    snoozedUntil: customer.snoozedUntil,
    touches: await readTouches(tx, customer),
    held: readHeldDue(customer.heldDue),
  }, now, playbook.workCalendar);
  return held.map((h) => ({ channel: h.channel, dueAt: h.dueAt.toISOString(), overdueAt: h.overdueAt.toISOString() }));
}
