import { addLocalDays, localDateOf, nextWorkingDay, startOfLocalDate, type WorkCalendar } from "../calendar/work-calendar.ts";
import { TOUCH_CHANNELS, type TouchChannel } from "../domain/channels.ts";
import { PlaybookError } from "./playbook-error.ts";
import type { CadenceRule, Playbook, Stage } from "./playbook.schema.ts";

/**
 * The cadence engine: when is each channel of a customer next due, and when overdue.
 *
 * Why the rules are what they are:
 * - An `every` rule counts from the last touch that counts for the channel, or from entering
 *   the stage when it was never touched — never from a re-grade: a rep must not be able to
 *   clear their list by re-classifying customers instead of calling them.
 * - Touches count for other channels as the playbook's `countsAs` says (a visit is also a
 *   call and an SMS): the engine merges the raw per-channel history, so storage stays per channel.
 * - A stage or grade change never turns an overdue channel into a not-overdue one: the
 *   reclassification records the channels overdue at that moment (`held`, see `holdOverdue`),
 *   and they stay at least that due until a touch that counts for them comes after it.
 * - `firstAfter` replaces the first interval after entering a stage (won: "call about 5 days
 *   after the goods arrive", then every 10), counted from the stage entry; its overdue slack
 *   is the rule's own (overdueAfter − every, else the playbook's overdueGraceDays).
 * - An `at` rule is a calendar fixed to the stage entry (the 4S loyalty cycle: 3 d, 7 d, 14 d,
 *   1 m … after delivery). The next offset is the k-th, k being the touches since the stage
 *   was entered — but a late touch also covers every offset it came after, so a rep who calls
 *   on day 10 is not told the day-7 call is still due. Each offset becomes overdue
 *   overdueGraceDays after it. When the offsets run out the channel is no longer due.
 * - A snooze pushes a channel's due date to the end of the snooze and its overdue date by the
 *   same amount: the rep asked for quiet, not for a shorter grace period afterwards.
 * - A lost customer is followed up by nobody until re-activated. A grade the playbook does not
 *   have (renamed in a config change, or never set) counts as the stage's default grade, so
 *   no customer silently drops off the cadence. An unknown stage has no safe fallback: throws.
 * - With a work calendar, a cadence is about days, not hours: due and overdue are the start of
 *   a local day in the calendar's zone, and a day off moves them to the next working day. So
 *   "overdue" is the same answer all day long, for a card, a list and an SQL count alike.
 *   Without one (pure unit tests), days are 24-hour periods added to instants.
 */

export interface ChannelTouches {
  channel: TouchChannel;
  lastAt: Date | null;
  countSinceStageEntered: number;
}

/** A channel that was overdue when the customer was last re-classified. */
export interface HeldDue {
  channel: TouchChannel;
  dueAt: Date;
  overdueAt: Date;
}

export interface CadenceInput {
  stage: string;
  grade: string | null;
  /** Last change of stage or grade; never before stageEnteredAt. */
  classifiedAt: Date;
  stageEnteredAt: Date;
  snoozedUntil: Date | null;
  /** Raw touches per channel; `countsAs` is applied here, not by the caller. */
  touches: ChannelTouches[];
  /** What the last reclassification found overdue; released by a counting touch since `classifiedAt`. */
  held?: readonly HeldDue[] | null;
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

/** Plain 24-hour days (no calendar). Millisecond arithmetic: a dayjs object per call cost the morning job more than its SQL. */
export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

/** Day arithmetic: plain 24-hour days, or whole local days on a work calendar. */
interface Days {
  add(instant: Date, days: number): Date;
  /** The instant itself, or the start of the next working day when it falls on a day off. */
  settle(instant: Date): Date;
}

const PLAIN_DAYS: Days = { add: addDays, settle: (instant) => instant };
// One per calendar: the engine runs for every customer of a morning's lists.
const calendarDays = new WeakMap<WorkCalendar, Days>();

function daysOf(calendar: WorkCalendar | undefined): Days {
  if (!calendar) return PLAIN_DAYS;
  let days = calendarDays.get(calendar);
  if (!days) {
    const { zone } = calendar;
    days = {
      add: (instant, n) => startOfLocalDate(addLocalDays(localDateOf(instant, zone), n), zone),
      settle: (instant) => startOfLocalDate(nextWorkingDay(calendar, localDateOf(instant, zone)), zone),
    };
    calendarDays.set(calendar, days);
  }
  return days;
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
  return rulesOfStage(findStageById(playbook, stage), grade);
}

function rulesOfStage(found: Stage, grade: string | null): CadenceRules {
  if (found.kind === "lost") return {};
  if (found.grades.length === 0) return found.cadence;
  const wanted = (grade ?? found.defaultGrade ?? "").toLowerCase();
  const match =
    found.grades.find((g) => g.id.toLowerCase() === wanted) ??
    found.grades.find((g) => g.id.toLowerCase() === found.defaultGrade?.toLowerCase()) ??
    found.grades.at(-1);
  return match?.cadence ?? {};
}

/**
 * The touches that count for `channel`: its own and those of every channel the playbook says
 * counts as it. The latest of them is the last touch; their numbers add up.
 */
export function touchesFor(playbook: Playbook, touches: readonly ChannelTouches[], channel: TouchChannel): ChannelTouches {
  const counted = countingFor(playbook, channel);
  const counting = touches.filter((t) => counted.has(t.channel));
  const last = counting.reduce<Date | null>((max, t) => (t.lastAt && (!max || t.lastAt > max) ? t.lastAt : max), null);
  return { channel, lastAt: last, countSinceStageEntered: counting.reduce((sum, t) => sum + t.countSinceStageEntered, 0) };
}

/** The channels whose touches count for `channel`, worked out once per playbook's `countsAs`. */
function countingFor(playbook: Playbook, channel: TouchChannel): ReadonlySet<TouchChannel> {
  let byChannel = counting.get(playbook.countsAs);
  if (!byChannel) {
    byChannel = new Map(TOUCH_CHANNELS.map((c) => [c, new Set(TOUCH_CHANNELS.filter((t) => channelsCoveredBy(playbook, t).includes(c)))]));
    counting.set(playbook.countsAs, byChannel);
  }
  return byChannel.get(channel)!;
}

const counting = new WeakMap<Playbook["countsAs"], Map<TouchChannel, Set<TouchChannel>>>();

/** The channels a touch on `channel` counts for: itself and what the playbook's `countsAs` adds. */
export function channelsCoveredBy(playbook: Playbook, channel: TouchChannel): TouchChannel[] {
  return [channel, ...(playbook.countsAs[channel] ?? [])];
}

/**
 * The due touch a touch on `channel` made at `at` answers: of the channels it counts for, the
 * earliest whose due date had arrived. An early touch (nothing due yet) answers none: it is
 * welcome, but it is not a due touch done on time.
 */
export function dueAnsweredBy(playbook: Playbook, cadence: CadenceResult, channel: TouchChannel, at: Date): ChannelDue | null {
  const covered = channelsCoveredBy(playbook, channel);
  // The channels are sorted by due date: the first that fits is the earliest.
  return cadence.channels.find((c) => covered.includes(c.channel) && c.dueAt <= at) ?? null;
}

export function computeCadence(playbook: Playbook, input: CadenceInput, calendar?: WorkCalendar): CadenceResult {
  const stage = findStageById(playbook, input.stage);
  if (stage.kind === "lost") return nothingDue();
  const days = daysOf(calendar);
  const rules = rulesOfStage(stage, input.grade);
  const channels: ChannelDue[] = [];
  for (const channel of TOUCH_CHANNELS) {
    const rule = rules[channel];
    const touches = touchesFor(playbook, input.touches, channel);
    const due = rule ? (rule.at ? dueByOffsets(playbook, days, rule.at, input, touches) : dueByInterval(playbook, days, rule, input, touches)) : null;
    const kept = holdOf(input, channel, touches);
    const merged = kept && due ? earliest(due, kept) : (kept ?? due);
    if (merged) channels.push(snooze(days, { channel, ...merged }, input.snoozedUntil));
  }
  if (channels.length === 0) return nothingDue();

  // Pushed in TOUCH_CHANNELS order and sorted stably: ties keep that order.
  channels.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const first = channels[0]!;
  const overdueAt = new Date(Math.min(...channels.map((c) => c.overdueAt.getTime())));
  return { channels, nextDueAt: first.dueAt, nextDueChannel: first.channel, overdueAt };
}

/**
 * What a reclassification made now must keep overdue: the channels overdue under the current
 * stage and grade (holds already in force included). Store it with the new classification.
 */
export function holdOverdue(playbook: Playbook, before: CadenceInput, now: Date, calendar?: WorkCalendar): HeldDue[] {
  return computeCadence(playbook, { ...before, snoozedUntil: null }, calendar)
    .channels.filter((c) => c.overdueAt <= now)
    .map(({ channel, dueAt, overdueAt }) => ({ channel, dueAt, overdueAt }));
}

type Due = { dueAt: Date; overdueAt: Date };

function holdOf(input: CadenceInput, channel: TouchChannel, touches: ChannelTouches): Due | null {
  const held = input.held?.find((h) => h.channel === channel);
  if (!held) return null;
  if (touches.lastAt && touches.lastAt >= input.classifiedAt) return null;
  return { dueAt: held.dueAt, overdueAt: held.overdueAt };
}

function earliest(a: Due, b: Due): Due {
  return {
    dueAt: a.dueAt <= b.dueAt ? a.dueAt : b.dueAt,
    overdueAt: a.overdueAt <= b.overdueAt ? a.overdueAt : b.overdueAt,
  };
}

function dueByInterval(playbook: Playbook, days: Days, rule: CadenceRule, input: CadenceInput, touches: ChannelTouches): Due | null {
  if (rule.every === undefined) return null;
  const slack = rule.overdueAfter !== undefined ? rule.overdueAfter - rule.every : playbook.overdueGraceDays;
  const first = touches.countSinceStageEntered === 0 && rule.firstAfter !== undefined;
  const dueAt = first
    ? days.settle(days.add(input.stageEnteredAt, rule.firstAfter!))
    : days.settle(days.add(touches.lastAt ?? input.stageEnteredAt, rule.every));
  return { dueAt, overdueAt: days.settle(days.add(dueAt, slack)) };
}

function dueByOffsets(playbook: Playbook, days: Days, offsets: number[], input: CadenceInput, touches: ChannelTouches): Due | null {
  // A touch covers every offset it came on or after. Offsets are 0 or more, so a touch before
  // the stage entry (negative elapsed days), or none (-1), covers none.
  const lastAt = touches.lastAt;
  const elapsedDays = lastAt ? (lastAt.getTime() - input.stageEnteredAt.getTime()) / DAY_MS : -1;
  const next = Math.max(touches.countSinceStageEntered, offsets.filter((offset) => offset <= elapsedDays).length);
  const offset = offsets[next];
  if (offset === undefined) return null;
  const dueAt = days.settle(days.add(input.stageEnteredAt, offset));
  return { dueAt, overdueAt: days.settle(days.add(dueAt, playbook.overdueGraceDays)) };
}

function snooze(days: Days, due: ChannelDue, snoozedUntil: Date | null): ChannelDue {
  if (!snoozedUntil || snoozedUntil <= due.dueAt) return due;
  const shift = snoozedUntil.getTime() - due.dueAt.getTime();
  return { ...due, dueAt: days.settle(snoozedUntil), overdueAt: days.settle(new Date(due.overdueAt.getTime() + shift)) };
}
