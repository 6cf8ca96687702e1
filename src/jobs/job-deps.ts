import type { Prisma } from "../db/database.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import type { OutboundMessenger } from "../ports/outbound.ts";

export interface JobDeps {
  prisma: Prisma;
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
