import { coversYear, localDateOf, workspaceCalendar } from "../calendar/work-calendar.ts";
import type { Workspace } from "../db/types.ts";
import type { Locale } from "../domain/localized.ts";
import { messagesFor } from "../i18n/messages.ts";
import type { JobDefinition } from "./job-definition.ts";
import type { JobDeps, JobResult, JobRun } from "./job-deps.ts";
import { forEachWorkspace, workspacesFor } from "./job-deps.ts";
import { enqueue } from "./outbox.ts";

export const CALENDAR_NOTICE = "calendar-notice";

/**
 * The year whose holidays the mainland calendar lacks and a team will soon need: the current
 * one at any time, the next one from December on (the State Council publishes a year's
 * holidays in November, and chinese-days follows). Null when nothing is missing yet.
 */
export function missingCalendarYear(today: string): number | null {
  const year = Number(today.slice(0, 4));
  if (!coversYear(year)) return year;
  if (today.slice(5, 7) === "12" && !coversYear(year + 1)) return year + 1;
  return null;
}

/**
 * Tells the admins of each workspace on the `cn` calendar, once per missing year (the outbox
 * key is the year), that due dates fall back to skipping weekends only until the data is updated.
 */
export async function runCalendarNotice(deps: JobDeps, run: JobRun): Promise<JobResult> {
  const workspaces = (await workspacesFor(deps.prisma, run.workspace)).filter((w) => workspaceCalendar(w).kind === "cn");
  return forEachWorkspace(deps, run, CALENDAR_NOTICE, workspaces, (workspace, result) => enqueueWorkspace(deps, run, workspace, result));
}

async function enqueueWorkspace(deps: JobDeps, run: JobRun, workspace: Workspace, result: JobResult) {
  const year = missingCalendarYear(localDateOf(run.now, workspace.timeZone));
  if (year === null) return;
  const admins = await deps.prisma.user.findMany({ where: { workspaceId: workspace.id, role: "admin" }, orderBy: { createdAt: "asc" } });
  for (const admin of admins) {
    const locale = admin.locale as Locale;
    const reply = { ok: true, ephemeral: false, locale, text: messagesFor(locale).calendar.missingYear(year), cards: [] };
    const target = { kind: "user" as const, userId: admin.externalId };
    const added = await enqueue(deps.prisma, { workspaceId: workspace.id, job: CALENDAR_NOTICE, period: String(year), platform: workspace.platform, target, reply }, deps.now());
    if (added) result.queued++;
    else result.alreadyDone++;
  }
}

/** Daily, in the morning in China (02:07 UTC): the outbox makes every run after the first a no-op. */
export const calendarNoticeJob: JobDefinition = {
  name: CALENDAR_NOTICE,
  schedule: () => ({ cron: "7 2 * * *" }),
  run: (deps, run) => runCalendarNotice(deps, run),
};
