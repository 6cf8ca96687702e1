import type { Customer, Tx } from "../db/types.ts";
import { TOUCH_CHANNELS, type TouchChannel } from "../domain/channels.ts";
import { computeCadence, type CadenceResult, type ChannelTouches } from "../playbook/cadence.ts";
import { readHeldDue } from "./held-due.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";

/** The per-channel touch history the cadence engine needs, read with two grouped queries. */
export async function readTouches(tx: Tx, customer: Customer): Promise<ChannelTouches[]> {
  const [last, recent] = await Promise.all([
    tx.activity.groupBy({
      by: ["channel"],
      where: { customerId: customer.id, channel: { in: [...TOUCH_CHANNELS] } },
      _max: { at: true },
    }),
    tx.activity.groupBy({
      by: ["channel"],
      where: { customerId: customer.id, channel: { in: [...TOUCH_CHANNELS] }, at: { gte: customer.stageEnteredAt } },
      _count: { _all: true },
    }),
  ]);
  return TOUCH_CHANNELS.map((channel: TouchChannel) => ({
    channel,
    lastAt: last.find((row) => row.channel === channel)?._max.at ?? null,
    countSinceStageEntered: recent.find((row) => row.channel === channel)?._count._all ?? 0,
  }));
}

export async function cadenceOf(tx: Tx, playbook: Playbook, customer: Customer): Promise<CadenceResult> {
  return computeCadence(playbook, {
    stage: customer.stage,
    grade: customer.grade,
    classifiedAt: customer.classifiedAt,
    stageEnteredAt: customer.stageEnteredAt,
    snoozedUntil: customer.snoozedUntil,
    touches: await readTouches(tx, customer),
    held: readHeldDue(customer.heldDue),
  }, playbook.workCalendar);
}

/**
 * Recomputes when the customer is next due and stores it on the row: "who is due today" is then
 * one indexed range query over `nextDueAt`, whatever the size of the customer base.
 */
export async function refreshCadence(
  tx: Tx,
  playbook: Playbook,
  customer: Customer,
): Promise<{ customer: Customer; cadence: CadenceResult }> {
  const cadence = await cadenceOf(tx, playbook, customer);
  const updated = await tx.customer.update({
    where: { id: customer.id },
    data: { nextDueAt: cadence.nextDueAt, nextDueChannel: cadence.nextDueChannel, overdueAt: cadence.overdueAt },
  });
  return { customer: updated, cadence };
}
