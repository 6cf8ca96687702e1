import type { Prisma, SqlQuery } from "../db/database.ts";
import type { Workspace } from "../db/types.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import type { OutboundMessenger } from "../ports/outbound.ts";
import { deliverDue, deliverUntilSettled } from "./deliver.ts";
import { finishCadenceRefresh } from "../calendar/refresh-workspace.ts";

export interface JobDeps {
  prisma: Prisma;
  /** The driver beneath Prisma, for the jobs' bulk inserts (Database.query); Prisma when unset. */
  sql?: SqlQuery;
  playbook: Playbook;
  messengers: OutboundMessenger[];
  /** The real clock, for delivery and backoff (the run's `now` is only the business date). */
  now: () => Date;
  logger: { info(message: string): void; warn(message: string): void; error(message: string, detail?: unknown): void };
}

export interface JobRun {
  now: Date;
  /** Only this workspace: its internal id or the platform's id (Slack team, Feishu tenant, "local"). */
  workspace?: string;
  /**
   * The cron passes true: a rep's message waits for their local MORNING_DIGEST_AT. A run from
   * the command line is an explicit request and sends at once.
   */
  respectLocalTime?: boolean;
  /** Wait for retries due within this long before returning (command-line runs). */
  settle?: { maxWaitMs: number };
}

export interface JobResult {
  waiting?: number;
  queued: number;
  nothingToSend: number;
  alreadyDone: number;
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Runs a job's enqueue step for each workspace, then delivers what it queued. A cron job loops
 * tenants with a try/catch per tenant: one workspace's trouble (a bad row, a stage the playbook
 * lost) must not cost the others their message.
 */
export async function forEachWorkspace(
  deps: JobDeps,
  run: JobRun,
  job: string,
  workspaces: Workspace[],
  enqueue: (workspace: Workspace, result: JobResult) => Promise<void>,
): Promise<JobResult> {
  const result: JobResult = { queued: 0, nothingToSend: 0, alreadyDone: 0, sent: 0, retried: 0, failed: 0 };
  for (const workspace of workspaces) {
    try {
      // The lists and figures read the stored due dates: a recomputation left pending (the bot
      // stopped in the middle of a `setup calendar`) is finished first.
      if (workspace.cadenceRefreshAfter !== null) await finishCadenceRefresh(deps.prisma, deps.playbook, workspace.id);
      await enqueue(workspace, result);
    } catch (error) {
      deps.logger.error(`${job} for workspace ${workspace.externalId} failed`, error);
    }
  }
  const delivery = { prisma: deps.prisma, messengers: deps.messengers, now: deps.now, logger: deps.logger };
  const scope = { workspaceIds: workspaces.map((w) => w.id) };
  const stats = await (run.settle ? deliverUntilSettled(delivery, { ...scope, maxWaitMs: run.settle.maxWaitMs }) : deliverDue(delivery, scope));
  return { ...result, ...stats };
}

export async function workspacesFor(prisma: Prisma, wanted: string | undefined) {
  const workspaces = await prisma.workspace.findMany({
    where: wanted ? { OR: [{ id: wanted }, { externalId: wanted }] } : {},
    orderBy: { createdAt: "asc" },
  });
  if (wanted && workspaces.length === 0) throw new UnknownWorkspaceError(wanted);
  return workspaces;
}

export class UnknownWorkspaceError extends Error {
  constructor(readonly workspace: string) {
    super(`no workspace "${workspace}"`);
  }
}
