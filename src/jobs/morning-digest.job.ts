import type { JobDefinition } from "./job-definition.ts";
import type { Caller } from "../crm/caller.ts";
import { dueCard, dueToday } from "../customers/due-list.ts";
import type { User, Workspace } from "../db/types.ts";
import type { Locale } from "../domain/localized.ts";
import { messagesFor } from "../i18n/messages.ts";
import { card, type Reply } from "../reply.ts";
import type { JobDeps, JobResult, JobRun } from "./job-deps.ts";
import { forEachWorkspace, workspacesFor } from "./job-deps.ts";
import { alreadyRecorded, enqueue } from "./outbox.ts";
import { localDateAndTime } from "../format/dates.ts";
import { isWorkingDayAt, workspaceCalendar } from "../calendar/work-calendar.ts";
import { playbookForWorkspace } from "../calendar/workspace-playbook.ts";

export const MORNING_DIGEST = "morning-digest";
/** Lines in one message; the rest are counted, with a hint to ask for the full list. */
export const DIGEST_CAP = 10;

/**
 * Every rep's list for their local day, once per rep per day: overdue first, then due today,
 * best stage and grade first, each with the buttons to clear it. Nothing due, no message.
 */
export async function runMorningDigest(deps: JobDeps, run: JobRun & { digestAt: string }): Promise<JobResult> {
  const workspaces = await workspacesFor(deps.prisma, run.workspace);
  return forEachWorkspace(deps, run, MORNING_DIGEST, workspaces, (workspace, result) => enqueueWorkspace(deps, run, workspace, result));
}

async function enqueueWorkspace(deps: JobDeps, run: JobRun & { digestAt: string }, workspace: Workspace, result: JobResult) {
  const users = await deps.prisma.user.findMany({ where: { workspaceId: workspace.id }, orderBy: { createdAt: "asc" } });
  const calendar = workspaceCalendar(workspace);
  for (const user of users) {
    // No list on a day off (a weekend, 国庆节): what is due then is still due on the next working day.
    if (!isWorkingDayAt(calendar, run.now, user.timeZone)) continue;
    const local = localDateAndTime(run.now, user.timeZone);
    if (run.respectLocalTime && local.time < run.digestAt) continue;
    const period = local.date;
    const target = { kind: "user" as const, userId: user.externalId };
    if (await alreadyRecorded(deps.prisma, workspace.id, MORNING_DIGEST, period, target)) {
      result.alreadyDone++;
      continue;
    }
    const reply = await digestFor(deps, workspace, user, run.now);
    const added = await enqueue(deps.prisma, { workspaceId: workspace.id, job: MORNING_DIGEST, period, platform: workspace.platform, target, reply }, deps.now());
    if (!added) result.alreadyDone++;
    else if (reply) result.queued++;
    else result.nothingToSend++;
  }
}

async function digestFor(deps: JobDeps, workspace: Workspace, user: User, now: Date): Promise<Reply | null> {
  const locale = user.locale as Locale;
  const caller: Caller = { user, workspace, locale, timeZone: user.timeZone, m: messagesFor(locale) };
  const playbook = playbookForWorkspace(deps.playbook, workspace);
  const { items, total } = await deps.prisma.$transaction((tx) =>
    dueToday(tx, playbook, { id: user.id, workspaceId: workspace.id, timeZone: user.timeZone }, now, DIGEST_CAP),
  );
  if (total === 0) return null;
  const { m } = caller;
  const overdue = await deps.prisma.customer.count({ where: { ownerId: user.id, workspaceId: workspace.id, overdueAt: { lte: now } } });
  const cards = items.map((item) => dueCard(playbook, caller, item, now));
  if (total > items.length) cards.push(card(m.digest.more(total - items.length)));
  return { ok: true, ephemeral: false, locale, text: m.digest.morning(user.displayName, total, overdue), cards };
}

/** Ticks every minute: each rep's list goes when their own clock reaches MORNING_DIGEST_AT. */
export const morningDigestJob: JobDefinition = {
  name: MORNING_DIGEST,
  schedule: () => ({ cron: "* * * * *" }),
  run: (deps, run, settings) => runMorningDigest(deps, { ...run, digestAt: settings.digestAt }),
};
