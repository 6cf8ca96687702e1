import { gradeBreakdown, lostReasonLabel, stageName } from "../customers/playbook-terms.ts";
import type { Locale } from "../domain/localized.ts";
import { formatDateRange, formatShortDate } from "../format/dates.ts";
import { formatMoney } from "../format/money.ts";
import { aside, labelled } from "../format/punctuation.ts";
import { messagesFor } from "../i18n/messages.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { card, type Card, type Reply, type ReplyFile } from "../reply.ts";
import type { Finding } from "./diagnosis.ts";
import type { ReportPeriod } from "./period.ts";
import type { Report } from "./report.ts";

/** A rate, or "—" when its denominator is 0. */
export function percent(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)}%`;
}

export function rangeOf(span: { start: Date; end: Date }, zone: string, locale: Locale): string {
  const lastDay = new Date(span.end.getTime() - 1);
  return formatDateRange(span.start, lastDay, zone, locale);
}

export function periodLabel(period: ReportPeriod, zone: string, locale: Locale): string {
  const r = messagesFor(locale).reports;
  const range = rangeOf(period, zone, locale);
  if (period.kind === "week") return r.periodWeek(period.label, range, period.toDate);
  if (period.kind === "quarter") return r.periodQuarter(period.label, range, period.toDate);
  return r.periodMonth(period.label, range, period.toDate);
}

export function scopeLabel(report: Pick<Report, "scope">, locale: Locale): string {
  return report.scope.kind === "team" ? messagesFor(locale).reports.team() : report.scope.name;
}

/** The report as cards, in the reader's language; the workspace's zone dates its periods. */
export function renderReport(report: Report, playbook: Playbook, locale: Locale, zone: string, files: ReplyFile[] = []): Reply {
  const m = messagesFor(locale);
  const r = m.reports;
  const money = (n: number) => formatMoney(n, locale);
  const period = periodLabel(report.period, zone, locale);
  const cards: Card[] = [];
  cards.push(card(r.funnel(), {
    fields: report.funnel.map((row) => ({
      label: stageName(playbook, row.stage, locale),
      value: gradeBreakdown(row.total, row.grades, locale),
    })),
  }));
  const mv = report.movements;
  const lostDetail = m.weekly.lostDetail(mv.cancelled, mv.churned);
  cards.push(card(r.movements(), {
    fields: [
      { label: m.weekly.new(), value: String(mv.new) },
      { label: m.weekly.promoted(), value: String(mv.promoted) },
      { label: m.weekly.demoted(), value: String(mv.demoted) },
      { label: m.weekly.won(), value: String(mv.won) },
      { label: m.weekly.lost(), value: lostDetail ? `${mv.lost}${aside(lostDetail, locale)}` : String(mv.lost) },
      { label: m.weekly.reactivated(), value: String(mv.reactivated) },
    ],
  }));
  const res = report.results;
  cards.push(card(r.results(), {
    fields: [
      { label: r.newLeads(), value: String(res.newLeads) },
      { label: r.wonInPeriod(), value: String(res.won) },
      { label: r.orders(), value: `${res.orders} · ${money(res.revenue)}` },
      { label: r.averageDeal(), value: res.averageDeal === null ? "—" : money(res.averageDeal) },
      ...(res.cancelled ? [{ label: r.cancelled(), value: `${res.cancelled} · ${money(res.cancelledAmount)}` }] : []),
    ],
  }));
  const t = report.totals;
  const c = report.conversion;
  cards.push(card(r.metrics(), {
    fields: [
      { label: r.conversion3m(rangeOf(c, zone, locale)), value: c.rate === null ? "—" : `${percent(c.rate)}${aside(`${c.won}/${c.leads}`, locale)}` },
      { label: r.revenueToDate(), value: money(t.revenue) },
      { label: r.repurchaseRate(), value: percent(t.repurchaseRate) },
      { label: r.averageCycle(), value: t.averageCycleDays === null ? "—" : r.days(t.averageCycleDays.toFixed(1)) },
    ],
  }));
  cards.push(card(r.lostReasons(), {
    sections: [{ title: "", items: report.lostReasons.length ? report.lostReasons.map((x) => labelled(x.reason ? lostReasonLabel(playbook, x.reason, locale) : "—", x.count, locale)) : [m.weekly.none()] }],
  }));
  const total = report.sources.reduce((s, x) => s + x.count, 0);
  cards.push(card(r.sources(), {
    sections: [{ title: "", items: report.sources.length ? report.sources.map((x) => labelled(x.source || r.noSource(), `${x.count}${aside(percent(total ? x.count / total : null), locale)}`, locale)) : [m.weekly.none()] }],
  }));
  cards.push(card(r.reps(), {
    sections: [{ title: "", items: report.reps.length ? report.reps.map((x) => r.repLine({ ...x, compliance: percent(x.compliance) })) : [m.weekly.none()] }],
  }));
  if (report.target) {
    const tg = report.target;
    cards.push(card(r.targetTitle(tg.month), {
      subtitle: r.targetSales(money(tg.salesTarget), money(res.revenue)),
      sections: [{ title: "", items: tg.progress.map((p) => r.targetLine(p.source || r.noSource(), Math.ceil(p.needed - 1e-9), p.current, p.gap, percent(p.share))) }],
    }));
  }
  cards.push(card(r.diagnosis(), { sections: [{ title: "", items: [diagnosisParagraph(report, playbook, locale)] }] }));
  const text = r.title(scopeLabel(report, locale), period) + (files.length ? `\n${r.chartsAttached(files.length)}` : "");
  return { ok: true, ephemeral: true, locale, text, cards, ...(files.length ? { files } : {}) };
}

/** One paragraph: the shape now, then what it says. */
export function diagnosisParagraph(report: Pick<Report, "funnel" | "results" | "diagnosis">, playbook: Playbook, locale: Locale): string {
  const r = messagesFor(locale).reports;
  const open = playbook.stages.filter((s) => s.kind === "open");
  const stages = open.map((s) => `${report.funnel.find((f) => f.stage === s.id)?.total ?? 0} ${stageName(playbook, s.id, locale)}`).join(" → ");
  const sentences = [r.shape(stages, report.results.won), ...report.diagnosis.map((f) => findingText(f, playbook, locale))];
  return sentences.join(locale === "en" ? " " : "");
}

function findingText(f: Finding, playbook: Playbook, locale: Locale): string {
  const x = messagesFor(locale).reports.finding;
  switch (f.kind) {
    case "empty": return x.empty();
    case "thinTop": return x.thinTop(f.top, f.middle);
    case "notProspecting": return x.notProspecting(f.newLeads, f.won);
    case "stuckMiddle": return x.stuckMiddle(stageName(playbook, f.stage, locale), f.count, f.won);
    case "weakQualification": return x.weakQualification(f.top, f.middle);
    case "healthy": return x.healthy();
  }
}
