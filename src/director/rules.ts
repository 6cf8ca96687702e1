import type { Customer } from "../db/types.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";

const DAY = 86_400_000;

type Scoped = { stage: string; grades?: string[] | undefined };
const applies = (rule: Scoped, c: Pick<Customer, "stage" | "grade">) =>
  rule.stage === c.stage && (!rule.grades || (c.grade !== null && rule.grades.includes(c.grade)));

export interface Reclaim {
  at: Date;
  /** What the reason says, for the history and the notice. */
  rule: { kind: "no-touch"; days: number } | { kind: "unfiled"; days: number };
  /** The spell it counts from: a touch, a new stage or a new owner starts a new one. */
  since: Date;
}

/**
 * When a customer nobody works goes back to the pool under the playbook's rules, or null.
 * Idle time counts from the latest of its last touch, entering its stage, and its owner taking
 * it, so a rep who just claimed or handed over a customer gets the full time.
 */
export function reclaimOf(playbook: Playbook, c: Customer): Reclaim | null {
  if (c.pooledAt || playbook.stages.find((s) => s.id === c.stage)?.kind !== "open") return null;
  const held = Math.max(c.createdAt.getTime(), c.heldSince?.getTime() ?? 0);
  const idleSince = new Date(Math.max(held, c.stageEnteredAt.getTime(), c.lastTouchAt?.getTime() ?? 0));
  const candidates: Reclaim[] = [];
  for (const rule of playbook.pool.reclaim) {
    if (applies(rule, c)) candidates.push({ at: new Date(idleSince.getTime() + rule.noTouchDays * DAY), rule: { kind: "no-touch", days: rule.noTouchDays }, since: idleSince });
  }
  const { unfiledDays } = playbook.pool;
  if (unfiledDays !== undefined && (c.filingStatus === "none" || c.filingStatus === "rejected")) {
    candidates.push({ at: new Date(held + unfiledDays * DAY), rule: { kind: "unfiled", days: unfiledDays }, since: new Date(held) });
  }
  return candidates.sort((a, b) => a.at.getTime() - b.at.getTime())[0] ?? null;
}

/** Days overdue after which the director hears of this customer, or null when never. */
export function escalationAfter(playbook: Playbook, c: Pick<Customer, "stage" | "grade">): number | null {
  const days = playbook.escalation.filter((rule) => applies(rule, c)).map((rule) => rule.escalateAfter);
  return days.length ? Math.min(...days) : null;
}

/** Overdue past the threshold, and not yet escalated in this overdue episode. */
export function dueForEscalation(playbook: Playbook, c: Customer, now: Date): boolean {
  const after = escalationAfter(playbook, c);
  if (after === null || c.pooledAt || !c.overdueAt || c.overdueAt.getTime() + after * DAY > now.getTime()) return false;
  return !c.escalatedAt || c.escalatedAt < c.overdueAt;
}
