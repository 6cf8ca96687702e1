import type { TouchChannel } from "../../src/domain/channels.ts";
import type { CadenceInput, CadenceResult, ChannelTouches } from "../../src/playbook/cadence.ts";

/** A fixed instant, so expected dates are plain day counts from it. */
export const T0 = new Date("2025-03-01T09:00:00.000Z");
const DAY_MS = 24 * 60 * 60 * 1000;

export const day = (n: number, from: Date = T0) => new Date(from.getTime() + n * DAY_MS);

/** Days from T0 as a number, so assertions read like the playbook tables. */
export const daysFromT0 = (d: Date | null) => (d === null ? null : (d.getTime() - T0.getTime()) / DAY_MS);

export function touch(channel: TouchChannel, lastAt: Date | null, countSinceStageEntered = lastAt ? 1 : 0): ChannelTouches {
  return { channel, lastAt, countSinceStageEntered };
}

/** A customer who entered `stage` (and got `grade`) at T0 and has not been touched since. */
export function fresh(stage: string, grade: string | null, extra: Partial<CadenceInput> = {}): CadenceInput {
  return { stage, grade, classifiedAt: T0, stageEnteredAt: T0, snoozedUntil: null, touches: [], ...extra };
}

/** `{ call: [due, overdue], sms: [...] }` in days from T0. */
export function summary(result: CadenceResult): Record<string, [number | null, number | null]> {
  return Object.fromEntries(result.channels.map((c) => [c.channel, [daysFromT0(c.dueAt), daysFromT0(c.overdueAt)]]));
}
