import { fail } from "../../errors.ts";
import { currentPeriod, monthPeriod, readPeriodWord, type ReportPeriod } from "../../reports/period.ts";
import { computeReport } from "../../reports/report.ts";
import { reportCharts } from "../../reports/report-charts.ts";
import { periodLabel, renderReport, scopeLabel } from "../../reports/render-report.ts";
import type { CommandHandler } from "../context.ts";
import { isScopeWord, reportScope } from "./report-scope.ts";

/** `report [week|month|quarter|YYYY-MM] [mine|team|@rep]` (报表): words in any order, each read strictly. */
export const report: CommandHandler = async (command, ctx) => {
  const { tx, caller, playbook, now } = ctx;
  const zone = caller.workspace.timeZone;
  let period: ReportPeriod | undefined;
  let scopeWord: string | undefined;
  for (const { value } of command.words) {
    const named = readPeriodWord(value);
    if (named) {
      if (period) fail("bad_period", (m) => m.reports.errors.twoPeriods());
      if ("kind" in named) period = currentPeriod(named.kind, now, zone);
      else {
        const month = monthPeriod(named.month, now, zone);
        if (!month) fail("bad_period", (m) => m.reports.errors.futureMonth(named.month));
        period = month;
      }
    } else if (isScopeWord(value) && scopeWord === undefined) scopeWord = value;
    else fail("bad_period", (m) => m.reports.errors.badScope(value));
  }
  if (command.pairs.length > 0) {
    const pair = command.pairs[0]!;
    fail("bad_period", (m) => m.reports.errors.badScope(`${pair.key}=${pair.value}`));
  }
  const chosen = period ?? currentPeriod("month", now, zone);
  const scope = await reportScope(tx, caller, scopeWord);
  const data = await computeReport(tx, playbook, caller.workspace, chosen, scope, now);
  const labels = { scope: scopeLabel(data, caller.locale), period: periodLabel(chosen, zone, caller.locale) };
  const files = await reportCharts(data, playbook, labels, caller.locale);
  return renderReport(data, playbook, caller.locale, zone, files);
};
