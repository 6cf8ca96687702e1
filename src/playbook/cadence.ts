import dayjs from "dayjs";
import { TOUCH_CHANNELS, type TouchChannel } from "../domain/channels.ts";
import { PlaybookError } from "./playbook-error.ts";
import type { CadenceRule, Playbook, Stage } from "./playbook.schema.ts";

/**
 * The cadence engine: when is each channel of a customer next due, and when overdue.
 *
 * Why the rules are what they are:
 * - An `every` rule counts from the later of the channel's last touch and `classifiedAt` (the
 *   last stage or grade change). A customer just re-graded A is a new commitment: the old
 *   grade's history must neither make it overdue at once nor postpone it.
 * - `firstAfter` replaces the first interval after entering a stage (won: "call about 5 days
 *   after the goods arrive", then every 10). Counted from the stage entry or the re-grade,
 *   whichever is later, and its overdue slack is the rule's own (overdueAfter − every, else
 *   the playbook's overdueGraceDays), so the first touch is judged like the later ones.
 * - An `at` rule is a calendar fixed to the stage entry (the 4S loyalty cycle: 3 d, 7 d, 14 d,
 *   1 m … after delivery); re-grading does not restart it. The next offset is the k-th, k being
 *   the touches since the stage was entered — but a late touch also covers every offset it
 *   came after, so a rep who calls on day 10 is not told the day-7 call is still due. Each
 *   offset becomes overdue overdueGraceDays after it. When the offsets run out the channel is
 *   simply no longer due.
 * - A snooze pushes a channel's due date to the end of the snooze and its overdue date by the
 *   same amount: the rep asked for quiet, not for a shorter grace period afterwards.
 * - A lost customer is followed up by nobody until re-activated. A grade the playbook does not
 *   have (renamed in a config change, or never set) counts as the stage's default grade, so
 *   no customer silently drops off the cadence. An unknown stage has no safe fallback: throws.
 * - Days are 24-hour periods added to instants; deciding what "today" is in the team's time
 *   zone is the caller's job.
 */

export interface ChannelTouches {
  channel: TouchChannel;
  lastAt: Date | null;
  countSinceStageEntered: number;
}

export interface CadenceInput {
  stage: string;
  grade: string | null;
  /** Last change of stage or grade; never before stageEnteredAt. */
  classifiedAt: Date;
  stageEnteredAt: Date;
  snoozedUntil: Date | null;
  touches: ChannelTouches[];
}

export interface ChannelDue {
  channel: TouchChannel;
  dueAt: Date;
  overdueAt: Date;
}

export interface CadenceResult {
  /** Sorted by dueAt (ties in TOUCH_CHANNELS order). */
  channels: ChannelDue[];
  nextDueAt: Date | null;
  nextDueChannel: TouchChannel | null;
  /** The earliest moment any channel becomes overdue. */
  overdueAt: Date | null;
}

export type CadenceRules = Partial<Record<TouchChannel, CadenceRule>>;

const nothingDue = (): CadenceResult => ({ channels: [], nextDueAt: null, nextDueChannel: null, overdueAt: null });
const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(instant: Date, days: number): Date {
  return dayjs(instant).add(days * 24, "hour").toDate();
}

function later(...instants: (Date | null)[]): Date {
  const present = instants.filter((d): d is Date => d !== null);
  return new Date(Math.max(...present.map((d) => d.getTime())));
}

export function findStageById(playbook: Playbook, stageId: string): Stage {
  const stage = playbook.stages.find((s) => s.id === stageId);
  if (!stage) {
    throw new PlaybookError(`playbook ${playbook.id}`, [
      `unknown stage "${stageId}"; expected one of ${playbook.stages.map((s) => s.id).join(", ")}`,
    ]);
  }
  return stage;
}

/** The cadence that applies to a customer in this stage and grade (see the header for fallbacks). */
export function rulesFor(playbook: Playbook, stage: string, grade: string | null): CadenceRules {
  const found = findStageById(playbook, stage);
  if (found.kind === "lost") return {};
  if (found.grades.length === 0) return found.cadence;
  const wanted = (grade ?? found.defaultGrade ?? "").toLowerCase();
  const match =
    found.grades.find((g) => g.id.toLowerCase() === wanted) ??
    found.grades.find((g) => g.id.toLowerCase() === found.defaultGrade?.toLowerCase()) ??
    found.grades.at(-1);
  return match?.cadence ?? {};
}

export function computeCadence(playbook: Playbook, input: CadenceInput): CadenceResult {
  const rules = rulesFor(playbook, input.stage, input.grade);
  const channels: ChannelDue[] = [];
  for (const channel of TOUCH_CHANNELS) {
    const rule = rules[channel];
    if (!rule) continue;
    const touches = input.touches.find((t) => t.channel === channel);
    const due = rule.at ? dueByOffsets(playbook, rule.at, input, touches) : dueByInterval(playbook, rule, input, touches);
    if (due) channels.push(snooze({ channel, ...due }, input.snoozedUntil));
  }
  if (channels.length === 0) return nothingDue();

  const order = (c: TouchChannel) => TOUCH_CHANNELS.indexOf(c);
  channels.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || order(a.channel) - order(b.channel));
  const first = channels[0]!;
  const overdueAt = new Date(Math.min(...channels.map((c) => c.overdueAt.getTime())));
  return { channels, nextDueAt: first.dueAt, nextDueChannel: first.channel, overdueAt };
}

type Due = { dueAt: Date; overdueAt: Date };

function dueByInterval(playbook: Playbook, rule: CadenceRule, input: CadenceInput, touches?: ChannelTouches): Due | null {
  if (rule.every === undefined) return null;
  const slack = rule.overdueAfter !== undefined ? rule.overdueAfter - rule.every : playbook.overdueGraceDays;
  const count = touches?.countSinceStageEntered ?? 0;
  if (count === 0 && rule.firstAfter !== undefined) {
    const dueAt = addDays(later(input.classifiedAt, input.stageEnteredAt), rule.firstAfter);
    return { dueAt, overdueAt: addDays(dueAt, slack) };
  }
  const anchor = later(touches?.lastAt ?? null, input.classifiedAt, input.stageEnteredAt);
  const dueAt = addDays(anchor, rule.every);
  return { dueAt, overdueAt: addDays(dueAt, slack) };
}

function dueByOffsets(playbook: Playbook, offsets: number[], input: CadenceInput, touches?: ChannelTouches): Due | null {
  const entered = input.stageEnteredAt.getTime();
  let next = touches?.countSinceStageEntered ?? 0;
  const lastAt = touches?.lastAt?.getTime();
  if (lastAt !== undefined && lastAt >= entered) {
    const elapsedDays = (lastAt - entered) / DAY_MS;
    next = Math.max(next, offsets.filter((offset) => offset <= elapsedDays).length);
  }
  const offset = offsets[next];
  if (offset === undefined) return null;
  const dueAt = addDays(input.stageEnteredAt, offset);
  return { dueAt, overdueAt: addDays(dueAt, playbook.overdueGraceDays) };
}

function snooze(due: ChannelDue, snoozedUntil: Date | null): ChannelDue {
  if (!snoozedUntil || snoozedUntil <= due.dueAt) return due;
  const shift = snoozedUntil.getTime() - due.dueAt.getTime();
  return { ...due, dueAt: new Date(snoozedUntil), overdueAt: new Date(due.overdueAt.getTime() + shift) };
}
