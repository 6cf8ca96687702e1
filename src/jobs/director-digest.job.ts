import type { JobDefinition } from "./job-definition.ts";
import type { Workspace } from "../db/types.ts";
import { applyDirectorRules } from "../director/apply-rules.ts";
import { directorList } from "../director/director-list.ts";
import { localDateAndTime } from "../format/dates.ts";
import { isWorkingDayAt, workspaceCalendar } from "../calendar/work-calendar.ts";
import type { JobDeps, JobResult, JobRun } from "./job-deps.ts";
import { forEachWorkspace, workspacesFor } from "./job-deps.ts";
import { alreadyRecorded, enqueue } from "./outbox.ts";

export const DIRECTOR_DIGEST = "director-digest";
const RULES = "director-rules";

/**
 * The director's daily grip: once per workspace per local day the pool and escalation rules
 * run (reclaim notices, reclaims, escalations — each recorded in the outbox as done for the
 * day), then each director gets their morning list at MORNING_DIGEST_AT in their own zone,
 * exactly once (outbox), only when there is something to act on.
 */
export async function runDirectorDigest(deps: JobDeps, run: JobRun & { digestAt: string }): Promise<JobResult> {
  const workspaces = await workspacesFor(deps.prisma, run.workspace);
  return forEachWorkspace(deps, run, DIRECTOR_DIGEST, workspaces, (workspace, result) => enqueueWorkspace(deps, run, workspace, result));
}

async function enqueueWorkspace(deps: JobDeps, run: JobRun & { digestAt: string }, workspace: Workspace, result: JobResult) {
  const local = localDateAndTime(run.now, workspace.timeZone);
  const marker = { kind: "channel" as const, channelId: "rules" };
  if (!(run.respectLocalTime && local.time < run.digestAt) && !(await alreadyRecorded(deps.prisma, workspace.id, RULES, local.date, marker))) {
    // Recorded first: a second replica's tick finds the marker and leaves the rules to this one.
    if (await enqueue(deps.prisma, { workspaceId: workspace.id, job: RULES, period: local.date, platform: workspace.platform, target: marker, reply: null }, deps.now())) {
      const applied = await applyDirectorRules(deps.prisma, deps.playbook, workspace, run.now);
      deps.logger.info(`${RULES} ${workspace.externalId}: ${applied.noticed} notices, ${applied.reclaimed} reclaimed, ${applied.escalated} escalated`);
    }
  }
  const directors = await deps.prisma.user.findMany({ where: { workspaceId: workspace.id, role: { in: ["director", "admin"] } }, orderBy: { createdAt: "asc" } });
  const calendar = workspaceCalendar(workspace);
  for (const director of directors) {
    // Like the reps' list: none on a day off (issue #9).
    if (!isWorkingDayAt(calendar, run.now, director.timeZone)) continue;
    const mine = localDateAndTime(run.now, director.timeZone);
    if (run.respectLocalTime && mine.time < run.digestAt) continue;
    const target = { kind: "user" as const, userId: director.externalId };
    if (await alreadyRecorded(deps.prisma, workspace.id, DIRECTOR_DIGEST, mine.date, target)) {
      result.alreadyDone++;
      continue;
    }
    const reply = await directorList(deps.prisma, deps.playbook, workspace, director, run.now);
    const added = await enqueue(deps.prisma, { workspaceId: workspace.id, job: DIRECTOR_DIGEST, period: mine.date, platform: workspace.platform, target, reply }, deps.now());
    if (!added) result.alreadyDone++;
    else if (reply) result.queued++;
    else result.nothingToSend++;
  }
}

/** Ticks every minute like the reps' list: each director's goes at their own MORNING_DIGEST_AT. */
export const directorDigestJob: JobDefinition = {
  name: DIRECTOR_DIGEST,
  schedule: () => ({ cron: "* * * * *" }),
  run: (deps, run, settings) => runDirectorDigest(deps, { ...run, digestAt: settings.digestAt }),
};
