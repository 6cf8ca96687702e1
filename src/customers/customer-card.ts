import type { Caller } from "../crm/caller.ts";
import type { CommandContext } from "../commands/context.ts";
import type { Activity, Customer, Order } from "../db/types.ts";
import { CUSTOMER_FIELDS } from "../domain/customer-fields.ts";
import { isTouchChannel } from "../domain/channels.ts";
import { formatDate, localDayDiff } from "../format/dates.ts";
import { formatMoney } from "../format/money.ts";
import type { CadenceResult, ChannelDue } from "../playbook/cadence.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { card, type Card, type CardAction } from "../reply.ts";
import { seesWholeTeam } from "../crm/roles.ts";
import { actionRef } from "./customer-ref.ts";
import type { FilingGaps } from "./filing.ts";
import { classLabel, gradeWithLevel, lostReasonLabel, stageName } from "./playbook-terms.ts";

/** What the card shows of an order. */
export type CardOrder = Pick<Order, "at" | "note" | "cancelledAt"> & { amount: number | null };

export interface CustomerView {
  customer: Customer;
  ownerName: string;
  cadence?: CadenceResult;
  gaps?: FilingGaps;
  activities?: Pick<Activity, "at" | "channel" | "content">[];
  orders?: CardOrder[];
  /** Owner changes, oldest first, with the names already looked up. */
  owners?: { at: Date; from: string; to: string; reason: string | null }[];
}

/**
 * How a due channel reads to the rep, by local day: "due today" only on the due day, then
 * "due N days ago", and from the overdue day on "overdue", N still counted from the due day
 * so the number never jumps back. Every place that shows a due channel uses this.
 */
export function dueLabel(due: ChannelDue, now: Date, caller: Caller): string {
  const { m, timeZone, locale } = caller;
  const days = localDayDiff(due.dueAt, now, timeZone);
  const channel = m.channels[due.channel];
  if (isOverdue(due.overdueAt, now, timeZone)) return m.due.overdue(channel, Math.max(0, -days));
  if (days === 0) return m.due.today(channel);
  if (days < 0) return m.due.since(channel, -days);
  return m.due.upcoming(channel, days, formatDate(due.dueAt, timeZone, locale));
}

/** Overdue from the start of the overdue day, in the reader's zone. */
export function isOverdue(overdueAt: Date | null, now: Date, timeZone: string): boolean {
  return overdueAt !== null && (overdueAt <= now || localDayDiff(overdueAt, now, timeZone) <= 0);
}

/** The short mark a list line carries: overdue, due (how long), or the next date. */
export function dueMark(customer: Pick<Customer, "nextDueAt" | "overdueAt">, now: Date, caller: Caller): string {
  const { m, timeZone, locale } = caller;
  if (!customer.nextDueAt) return "";
  const days = localDayDiff(customer.nextDueAt, now, timeZone);
  if (isOverdue(customer.overdueAt, now, timeZone)) return m.list.overdue(Math.max(0, -days));
  if (days === 0) return m.list.dueToday();
  if (days < 0) return m.list.dueSince(-days);
  return m.list.nextDue(formatDate(customer.nextDueAt, timeZone, locale));
}

export function customerCard(ctx: CommandContext, view: CustomerView): Card {
  const { customer, ownerName, cadence, gaps, activities, orders, owners } = view;
  const { m, locale, timeZone } = ctx.caller;
  const { playbook, now } = ctx;
  const fields = CUSTOMER_FIELDS.filter((f) => f !== "company" && f !== "note" && customer[f]).map((f) => ({
    label: m.fields[f],
    value: String(customer[f]),
  }));
  // A pooled customer keeps its last owner's id, but nobody owns it: the card says where it is.
  fields.push({ label: m.fields.owner, value: customer.pooledAt ? m.pool.since(formatDate(customer.pooledAt, timeZone, locale)) : ownerName });
  fields.push({ label: m.fields.filing, value: m.filingStatus(customer.filingStatus, customer.filingNote) });
  const man = [customer.manMoney && "M", customer.manAuthority && "A", customer.manNeed && "N"].filter(Boolean).join("");
  if (man) fields.push({ label: m.fields.man, value: man });
  if (customer.lostReason) fields.push({ label: m.fields.lostReason, value: lostReasonLabel(playbook, customer.lostReason, locale) });
  if (customer.note) fields.push({ label: m.fields.note, value: customer.note });

  const sections = [];
  if (cadence && cadence.channels.length > 0) {
    sections.push({ title: m.card.nextTouches, items: cadence.channels.map((d) => dueLabel(d, now, ctx.caller)) });
  }
  if (orders && orders.length > 0) sections.push(ordersSection(ctx.caller, orders));
  // Filing is how a prospect is claimed; a won customer is past it.
  if (gaps && customer.filingStatus !== "approved" && !isWon(playbook, customer)) {
    const items = gaps.missing.map((f) => m.fields[f]);
    if (gaps.callLogChars < gaps.callLogNeeded) items.push(m.card.callLogShort(gaps.callLogChars, gaps.callLogNeeded));
    if (items.length > 0) sections.push({ title: m.card.missingForFiling, items });
  }
  if (owners && owners.length > 0) {
    sections.push({ title: m.card.owners, items: owners.map((o) => m.card.ownerChange(formatDate(o.at, timeZone, locale), o.from, o.to, o.reason)) });
  }
  if (activities && activities.length > 0) {
    sections.push({
      title: m.card.recentActivity,
      items: activities.map((a) => m.card.activity(formatDate(a.at, timeZone, locale), m.channels[isTouchChannel(a.channel) ? a.channel : "note"], a.content)),
    });
  }
  return card(`#${customer.number} ${customer.company}`, {
    subtitle: classLabel(playbook, customer.stage, customer.grade, locale),
    fields,
    sections,
    actions: customerActions(ctx, customer),
  });
}

/** The buttons on a customer: every one of them is a command the person could have typed. */
export function customerActions(ctx: CommandContext, customer: Customer): CardAction[] {
  const { m, locale } = ctx.caller;
  const ref = actionRef(customer, ctx.caller.workspace);
  const lostStage = ctx.playbook.stages.find((s) => s.kind === "lost");
  if (customer.stage === lostStage?.id) {
    return [{ kind: "choose", label: m.actions.reactivate, options: stageOptions(ctx.playbook, ref, locale, customer.stage) }];
  }
  const won = isWon(ctx.playbook, customer);
  const actions: CardAction[] = [
    { kind: "prompt", label: m.actions.logCall, command: `log ${ref} call`, prompt: m.actions.notePrompt, style: "primary" },
    { kind: "prompt", label: m.actions.logSms, command: `log ${ref} sms`, prompt: m.actions.notePrompt },
    { kind: "prompt", label: m.actions.logVisit, command: `log ${ref} visit`, prompt: m.actions.notePrompt },
    { kind: "run", label: m.actions.snooze(1), command: `snooze ${ref} 1d` },
    { kind: "run", label: m.actions.snooze(3), command: `snooze ${ref} 3d` },
  ];
  const grades = ctx.playbook.stages.find((s) => s.id === customer.stage)?.grades ?? [];
  if (grades.length > 0) {
    actions.push({
      kind: "choose",
      label: m.actions.grade,
      options: grades.filter((g) => g.id !== customer.grade).map((g) => ({ label: locale === "en" ? g.id : gradeWithLevel(g.id), command: `grade ${ref} ${g.id}` })),
    });
  }
  if (won) {
    // A won customer's deal is closed: what comes next is another order, or a loss that says what it means.
    actions.push({ kind: "prompt", label: m.actions.addOrder, command: `order ${ref}`, prompt: m.actions.orderPrompt, style: "primary" });
    actions.push({ kind: "prompt", label: m.actions.orderCancelled, command: `lost ${ref} cancelled`, prompt: m.actions.reasonPrompt, style: "danger" });
    actions.push({ kind: "prompt", label: m.actions.churned, command: `lost ${ref} churned`, prompt: m.actions.reasonPrompt, style: "danger" });
    return actions;
  }
  actions.push({ kind: "choose", label: m.actions.stage, options: stageOptions(ctx.playbook, ref, locale, customer.stage) });
  actions.push({ kind: "run", label: m.actions.won, command: `won ${ref}`, style: "primary" });
  actions.push({ kind: "prompt", label: m.actions.lost, command: `lost ${ref}`, prompt: m.actions.reasonPrompt, style: "danger" });
  if (customer.filingStatus === "none" || customer.filingStatus === "rejected") {
    actions.push({ kind: "run", label: m.actions.file, command: `file ${ref}` });
  }
  if (customer.filingStatus === "pending" && seesWholeTeam(ctx.caller.user.role)) {
    actions.push({ kind: "run", label: m.actions.approve, command: `approve ${ref}`, style: "primary" });
    actions.push({ kind: "prompt", label: m.actions.reject, command: `reject ${ref}`, prompt: m.actions.rejectPrompt, style: "danger" });
  }
  return actions;
}

/**
 * Stage moves offered on a card: open stages and won; lost needs a reason, so it has its own
 * button. The command names the stage in the reader's words (a Chinese reader sees and can
 * type 意向客户, never the id), quoted when the name has a space.
 */
function stageOptions(playbook: Playbook, ref: string, locale: Caller["locale"], current: string) {
  return playbook.stages
    .filter((s) => s.id !== current && s.kind !== "lost")
    .map((s) => {
      const name = stageName(playbook, s.id, locale);
      const word = locale === "en" ? s.id : /\s|"/.test(name) ? s.id : name;
      return { label: name, command: `stage ${ref} ${word}` };
    });
}

function isWon(playbook: Playbook, customer: Customer): boolean {
  return playbook.stages.find((s) => s.id === customer.stage)?.kind === "won";
}

/** Every order with its date and amount, an unknown amount said as such, cancelled ones marked. */
function ordersSection(caller: Caller, orders: CardOrder[]) {
  const { m, timeZone, locale } = caller;
  const standing = orders.filter((o) => !o.cancelledAt);
  const total = standing.reduce((sum, o) => sum + (o.amount === null ? 0 : Number(o.amount)), 0);
  return {
    title: m.card.orders(standing.length, formatMoney(total, locale)),
    items: orders.map((o) =>
      m.card.order(formatDate(o.at, timeZone, locale), o.amount === null ? m.card.amountUnknown : formatMoney(Number(o.amount), locale), o.note, o.cancelledAt !== null),
    ),
  };
}
