import type { Locale } from "../domain/localized.ts";
import { classLabel, gradeBreakdown, lostReasonLabel, stageName } from "../customers/playbook-terms.ts";
import { formatDateRange, formatShortDate } from "../format/dates.ts";
import { formatMoney } from "../format/money.ts";
import { aside, labelled } from "../format/punctuation.ts";
import { messagesFor } from "../i18n/messages.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { card, type Reply } from "../reply.ts";
import { actionRef } from "../customers/customer-ref.ts";
import type { WeeklySummary } from "./weekly-summary.ts";

const LIST_CAP = 25;

/** The weekly summary as a reply, in one reader's language and time zone. */
export function renderWeeklySummary(
  summary: WeeklySummary,
  playbook: Playbook,
  reader: { locale: Locale; timeZone: string },
  workspace: { externalId: string; timeZone: string },
): Reply {
  const { locale, timeZone } = reader;
  const m = messagesFor(locale);
  const w = m.weekly;
  const lastDay = new Date(summary.end.getTime() - 1);
  // The week is the workspace's: show its dates in its zone, whoever reads it.
  const range = formatDateRange(summary.start, lastDay, workspace.timeZone, locale);
  const money = (n: number) => formatMoney(n, locale);
  const capped = (items: string[]) => (items.length > LIST_CAP ? [...items.slice(0, LIST_CAP), w.more(items.length - LIST_CAP)] : items);

  const funnel = card(w.funnel(), {
    fields: summary.funnel.map((row) => ({
      label: stageName(playbook, row.stage, locale),
      value: gradeBreakdown(row.total, row.grades, locale),
    })),
  });
  const mv = summary.movements;
  const lostDetail = w.lostDetail(mv.cancelled, mv.churned);
  const movements = card(w.movements(), {
    fields: [
      { label: w.new(), value: String(mv.new) },
      { label: w.promoted(), value: String(mv.promoted) },
      { label: w.demoted(), value: String(mv.demoted) },
      { label: w.won(), value: String(mv.won) },
      { label: w.lost(), value: lostDetail ? `${mv.lost}${aside(lostDetail, locale)}` : String(mv.lost) },
      { label: w.reactivated(), value: String(mv.reactivated) },
    ],
  });
  const t = summary.totals;
  const wk = summary.week;
  const percent = (rate: number | null, of?: string) => (rate === null ? "—" : `${(rate * 100).toFixed(1)}%${of ? aside(of, locale) : ""}`);
  const conversion = card(w.conversion(), {
    fields: [
      { label: w.wonThisWeek(), value: String(wk.won) },
      { label: w.ordersThisWeek(), value: `${wk.orders} · ${money(wk.revenue)}` },
      ...(wk.cancelled ? [{ label: w.cancelledThisWeek(), value: `${wk.cancelled} · ${money(wk.cancelledAmount)}` }] : []),
      { label: w.conversionRate(), value: percent(t.conversionRate, `${t.won}/${t.leads}`) },
      { label: w.revenue(), value: money(t.revenue) },
      { label: w.averageDeal(), value: t.averageDeal === null ? "—" : money(t.averageDeal) },
      { label: w.repurchaseRate(), value: percent(t.repurchaseRate) },
      { label: w.averageCycle(), value: t.averageCycleDays === null ? "—" : w.days(t.averageCycleDays.toFixed(1)) },
    ],
  });
  const lost = card(w.lostReasons(), {
    sections: [{ title: "", items: summary.lostReasons.length ? summary.lostReasons.map((r) => labelled(r.reason ? lostReasonLabel(playbook, r.reason, locale) : "—", r.count, locale)) : [w.none()] }],
  });
  const o = summary.ownership;
  const grip = card(w.grip(), {
    fields: [
      { label: w.escalated(), value: String(o.escalated) },
      { label: w.released(), value: String(o.released) },
      { label: w.claimed(), value: String(o.claimed) },
      { label: w.handovers(), value: String(o.handovers) },
    ],
    sections: [{ title: w.compliance(), items: summary.compliance.length ? summary.compliance.map((c) => labelled(c.owner, `${((c.onTime / c.due) * 100).toFixed(0)}%${aside(`${c.onTime}/${c.due}`, locale)}`, locale)) : [w.none()] }],
  });
  const overdue = card(w.overdueByRep(), {
    sections: [{ title: "", items: summary.overdueByRep.length ? summary.overdueByRep.map((r) => labelled(r.owner, r.count, locale)) : [w.none()] }],
  });
  const filings = card(w.pendingFilings(summary.pendingFilings.length), {
    sections: [{
      title: "",
      items: capped(summary.pendingFilings.map((f) => `#${f.number} ${f.company} · ${f.owner}${f.filedAt ? ` · ${formatShortDate(f.filedAt, timeZone, locale)}` : ""}`)),
    }],
    actions: summary.pendingFilings
      .slice(0, 5)
      .map((f) => ({ kind: "run" as const, label: m.actions.approve + ` #${f.number}`, command: `approve ${actionRef(f, workspace)}` })),
  });
  const tracked = card(w.tracked(summary.tracked.length), {
    sections: [{
      title: "",
      items: capped(summary.tracked.map((c) => {
        const last = c.lastTouchAt ? formatShortDate(c.lastTouchAt, timeZone, locale) : "—";
        const next = c.nextDueAt ? formatShortDate(c.nextDueAt, timeZone, locale) : "—";
        return `${c.overdue ? "⚠ " : ""}#${c.number} ${c.company} · ${classLabel(playbook, c.stage, c.grade, locale)} · ${c.owner} · ${w.lastNext(last, next)}${c.overdue ? ` · ${w.overdue()}` : ""}`;
      })),
    }],
  });
  return { ok: true, ephemeral: false, locale, text: w.title(range), cards: [funnel, movements, conversion, lost, grip, overdue, filings, tracked] };
}
