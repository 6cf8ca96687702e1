import dayjs from "dayjs";
import { fail } from "../../errors.ts";
import { formatMoney } from "../../format/money.ts";
import { assertDirector } from "../../operations/context.ts";
import { parseAmount } from "../../parsing/amount.ts";
import { planLeads, progressOf, saveTarget } from "../../reports/lead-target.ts";
import { readMonth } from "../../reports/period.ts";
import { leadsBySource } from "../../reports/report-figures.ts";
import { percent, rangeOf } from "../../reports/render-report.ts";
import { card, cardReply } from "../../reply.ts";
import type { CommandHandler } from "../context.ts";

/** Shares must add up to 100% within half a percent (40% + 33.3% + 26.7%). */
const SHARE_TOLERANCE = 0.005;

/**
 * `target <YYYY-MM> <sales target> [source=share …]` (目标), directors only: the month's lead
 * target per source from the last three months' average deal and conversion [001], saved so
 * `report month` and the weekly summary show the progress.
 */
export const target: CommandHandler = async (command, ctx) => {
  const { tx, caller, now } = ctx;
  assertDirector(caller);
  const zone = caller.workspace.timeZone;
  const monthWord = command.words[0]?.value;
  if (!monthWord) fail("usage", (m) => m.reports.errors.targetUsage());
  const month = readMonth(monthWord);
  if (!month) fail("bad_period", (m) => m.reports.errors.badMonth(monthWord));
  const monthStart = dayjs.tz(`${month}-01 00:00`, zone);
  if (monthStart.add(1, "month").toDate() <= now) fail("bad_period", (m) => m.reports.errors.pastMonth(month));
  const amountText = command.words.slice(1).map((w) => w.value).join(" ").trim();
  if (!amountText) fail("usage", (m) => m.reports.errors.targetUsage());
  const amount = parseAmount(amountText);
  if (!amount.ok) fail("bad_amount", (m) => m.errors.badAmount(amount.unread, amountText));
  const shares = command.pairs.length ? readShares(command.pairs) : null;

  const planned = await planLeads(tx, caller.workspace, month, amount.value, shares, now);
  const { m, locale } = caller;
  const r = m.reports;
  if (!planned.ok) {
    const refusal = planned.refusal;
    const range = rangeOf(refusal.window, zone, locale);
    if (refusal.kind === "noLeads") fail("no_history", (m) => m.reports.errors.noLeads(range));
    if (refusal.kind === "noWins") fail("no_history", (m) => m.reports.errors.noWins(range, refusal.leads));
    fail("no_history", (m) => m.reports.errors.noOrders(range));
  }
  const plan = planned.plan;
  await saveTarget(tx, caller.workspace.id, plan, caller.user.id);
  const monthSoFar = { start: monthStart.toDate(), end: now > monthStart.toDate() ? now : monthStart.toDate() };
  const progress = progressOf(plan.sources, await leadsBySource(tx, caller.workspace.id, monthSoFar, {}));
  const money = (n: number) => formatMoney(n, locale);
  const title = r.targetTitle(month);
  return cardReply(r.plan.done(month), [card(title, {
    subtitle: r.plan.basis(rangeOf(plan.window, zone, locale), money(plan.averageDeal), percent(plan.conversionRate), plan.dealsNeeded.toFixed(1), Math.ceil(plan.leadsNeeded - 1e-9)),
    sections: [{
      title: plan.sharesFromHistory ? r.plan.sharesFromHistory() : r.plan.sharesGiven(),
      items: progress.map((p) => r.targetLine(p.source || r.noSource(), Math.ceil(p.needed - 1e-9), p.current, p.gap, percent(p.share))),
    }],
    footer: r.plan.salesTarget(money(plan.salesTarget)),
  })]);
};

function readShares(pairs: { key: string; value: string }[]): { source: string; share: number }[] {
  const shares = pairs.map(({ key, value }) => {
    const v = value.trim();
    const pct = /^(\d{1,3}(?:\.\d+)?)\s*[%％]$/.exec(v);
    const fraction = /^(0?\.\d+|1(?:\.0+)?|0)$/.exec(v);
    const share = pct ? Number(pct[1]) / 100 : fraction ? Number(fraction[1]) : NaN;
    if (!Number.isFinite(share) || share < 0 || share > 1) fail("bad_share", (m) => m.reports.errors.badShare(key, value));
    return { source: key.trim(), share };
  });
  const total = shares.reduce((s, x) => s + x.share, 0);
  if (Math.abs(total - 1) > SHARE_TOLERANCE) fail("bad_share", (m) => m.reports.errors.sharesSum(`${(total * 100).toFixed(1)}%`));
  return shares;
}
