import dayjs from "dayjs";
import type { Tx } from "../db/types.ts";
import type { Locale } from "../domain/localized.ts";
import { formatMoney } from "../format/money.ts";
import { messagesFor } from "../i18n/messages.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { card, type Card, type Reply } from "../reply.ts";
import { findTarget, progressOf } from "./lead-target.ts";
import { leadsBySource, windowConversion } from "./report-figures.ts";
import { funnelPng } from "./report-charts.ts";
import { percent } from "./render-report.ts";
import type { WeeklySummary } from "./weekly-summary.ts";

/** The month's lead target and its progress so far, when a director set one. */
export async function monthTargetProgress(prisma: Tx, workspace: { id: string; timeZone: string }, now: Date) {
  const monthStart = dayjs(now).tz(workspace.timeZone).startOf("month");
  const target = await findTarget(prisma, workspace.id, monthStart.format("YYYY-MM"));
  if (!target) return null;
  const span = { start: monthStart.toDate(), end: now };
  const [leads, sales] = await Promise.all([leadsBySource(prisma, workspace.id, span, {}), windowConversion(prisma, workspace.id, span, {})]);
  return { ...target, progress: progressOf(target.sources, leads), revenue: sales.revenue };
}

export type TargetProgress = NonNullable<Awaited<ReturnType<typeof monthTargetProgress>>>;

export function targetCard(target: TargetProgress, locale: Locale): Card {
  const r = messagesFor(locale).reports;
  const money = (n: number) => formatMoney(n, locale);
  return card(r.targetTitle(target.month), {
    subtitle: r.targetSales(money(target.salesTarget), money(target.revenue)),
    sections: [{ title: "", items: target.progress.map((p) => r.targetLine(p.source || r.noSource(), Math.ceil(p.needed - 1e-9), p.current, p.gap, percent(p.share))) }],
  });
}

/**
 * What the weekly summary carries beyond its cards: the funnel as an image (once per language,
 * rendered at enqueue time so the outbox holds it) and the month's lead target.
 */
export async function withWeeklyExtras(
  reply: Reply,
  summary: WeeklySummary,
  playbook: Playbook,
  locale: Locale,
  target: TargetProgress | null,
  charts: Map<Locale, Promise<Awaited<ReturnType<typeof funnelPng>>>>,
): Promise<Reply> {
  if (!charts.has(locale)) charts.set(locale, funnelPng(playbook, summary.funnel, messagesFor(locale).weekly.funnel(), locale));
  const funnel = await charts.get(locale)!;
  return { ...reply, cards: target ? [...reply.cards, targetCard(target, locale)] : reply.cards, files: [funnel] };
}
