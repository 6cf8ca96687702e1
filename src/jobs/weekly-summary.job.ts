import type { JobDefinition } from "./job-definition.ts";
import type { Workspace } from "../db/types.ts";
import type { Locale } from "../domain/localized.ts";
import { previousLocalWeek } from "../format/dates.ts";
import { computeWeeklySummary } from "../reports/weekly-summary.ts";
import { renderWeeklySummary } from "../reports/render-weekly-summary.ts";
import { monthTargetProgress, withWeeklyExtras } from "../reports/weekly-extras.ts";
import type { JobDeps, JobResult, JobRun } from "./job-deps.ts";
import { forEachWorkspace, workspacesFor } from "./job-deps.ts";
import { alreadyRecorded, enqueue, type OutboxTarget } from "./outbox.ts";

export const WEEKLY_SUMMARY = "weekly-summary";

/**
 * The director's weekly funnel and A-grade digest for the last complete week: to the
 * director channel when one is set (`/prospect setup channel`), else to each director by DM.
 */
export async function runWeeklySummary(deps: JobDeps, run: JobRun & { timeZone?: string }): Promise<JobResult> {
  const workspaces = (await workspacesFor(deps.prisma, run.workspace)).filter((w) => !run.timeZone || w.timeZone === run.timeZone);
  return forEachWorkspace(deps, run, WEEKLY_SUMMARY, workspaces, (workspace, result) => enqueueWorkspace(deps, run, workspace, result));
}

async function enqueueWorkspace(deps: JobDeps, run: JobRun, workspace: Workspace, result: JobResult) {
  const week = previousLocalWeek(run.now, workspace.timeZone);
  const recipients: { target: OutboxTarget; locale: Locale; timeZone: string }[] = workspace.directorChannel
    ? [{ target: { kind: "channel", channelId: workspace.directorChannel }, locale: workspace.locale as Locale, timeZone: workspace.timeZone }]
    : (await deps.prisma.user.findMany({ where: { workspaceId: workspace.id, role: { in: ["director", "admin"] } }, orderBy: { createdAt: "asc" } }))
        .map((u) => ({ target: { kind: "user", userId: u.externalId }, locale: u.locale as Locale, timeZone: u.timeZone }));
  const pending = [];
  for (const r of recipients) {
    if (await alreadyRecorded(deps.prisma, workspace.id, WEEKLY_SUMMARY, week.period, r.target)) result.alreadyDone++;
    else pending.push(r);
  }
  if (pending.length === 0) return;
  const hasCustomers = (await deps.prisma.customer.count({ where: { workspaceId: workspace.id } })) > 0;
  const summary = hasCustomers ? await computeWeeklySummary(deps.prisma, deps.playbook, workspace, week, run.now) : null;
  const target = summary ? await monthTargetProgress(deps.prisma, workspace, run.now) : null;
  const charts = new Map();
  for (const r of pending) {
    const reply = summary ? await withWeeklyExtras(renderWeeklySummary(summary, deps.playbook, r, workspace), summary, deps.playbook, r.locale, target, charts) : null;
    const added = await enqueue(deps.prisma, { workspaceId: workspace.id, job: WEEKLY_SUMMARY, period: week.period, platform: workspace.platform, target: r.target, reply }, deps.now());
    if (!added) result.alreadyDone++;
    else if (reply) result.queued++;
    else result.nothingToSend++;
  }
}

export const weeklySummaryJob: JobDefinition = {
  name: WEEKLY_SUMMARY,
  schedule: (settings) => ({ cron: settings.weeklyCron, perTimeZone: true }),
  run: (deps, run) => runWeeklySummary(deps, run),
};
