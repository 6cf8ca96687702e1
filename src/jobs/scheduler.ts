import cron, { type ScheduledTask } from "node-cron";
import { deliverDue } from "./deliver.ts";
import type { JobDeps } from "./job-deps.ts";
import type { JobDefinition } from "./job-definition.ts";
import { JOBS } from "./registry.ts";

export type { JobSettings as SchedulerOptions } from "./job-definition.ts";
import type { JobSettings as SchedulerOptions } from "./job-definition.ts";

const REFRESH_ZONES_MS = 60 * 60_000;
/** Platforms stop redelivering within hours (Feishu's last re-push is ~7 h after the first). */
export const RECEIPT_TTL_MS = 2 * 24 * 60 * 60_000;

/** Forgets the replies kept to answer repeated deliveries, once no repeat can come. */
export async function purgeReceipts(deps: Pick<JobDeps, "prisma" | "now">): Promise<number> {
  const { count } = await deps.prisma.commandReceipt.deleteMany({ where: { createdAt: { lt: new Date(deps.now().getTime() - RECEIPT_TTL_MS) } } });
  return count;
}

/**
 * The one place that wires node-cron, from the job registry. People live in different time
 * zones, so the morning lists tick every minute and pick those whose local time has reached
 * MORNING_DIGEST_AT; the outbox makes every tick after the first a no-op for them. A per-zone
 * job (the weekly summary) gets one cron per workspace time zone. Every 30 s, messages waiting
 * in the outbox (retries, notices) are sent.
 */
export interface Scheduler {
  /** Resolves once the weekly crons for the workspaces' time zones are set up. */
  ready: Promise<void>;
  tasks(): ScheduledTask[];
  stop(): Promise<void>;
}

export function startScheduler(deps: JobDeps, options: SchedulerOptions): Scheduler {
  const tasks: ScheduledTask[] = [];
  const zoned = new Map<string, ScheduledTask>();
  const guard = (name: string, work: () => Promise<unknown>) => async () => {
    try {
      await work();
    } catch (error) {
      deps.logger.error(`scheduled ${name} failed`, error);
    }
  };
  const perZone: JobDefinition[] = [];
  for (const job of JOBS) {
    const { cron: expression, perTimeZone } = job.schedule(options);
    if (perTimeZone) {
      perZone.push(job);
      continue;
    }
    // The cron passes respectLocalTime: each person's message waits for their own MORNING_DIGEST_AT.
    const run = () => job.run(deps, { now: deps.now(), respectLocalTime: true }, options);
    tasks.push(cron.schedule(expression, guard(job.name, run), { name: job.name, noOverlap: true }));
  }
  tasks.push(
    cron.schedule("17 3 * * *", guard("receipt purge", () => purgeReceipts(deps)), { name: "receipts", noOverlap: true }),
    cron.schedule("30 * * * * *", guard("outbox retries", () => deliverDue({ prisma: deps.prisma, messengers: deps.messengers, now: deps.now, logger: deps.logger })), {
      name: "outbox",
      noOverlap: true,
    }),
  );

  const refreshZones = async () => {
    const zones = await deps.prisma.workspace.findMany({ distinct: ["timeZone"], select: { timeZone: true } });
    for (const { timeZone } of zones) {
      for (const job of perZone) {
        const key = `${job.name} ${timeZone}`;
        if (zoned.has(key)) continue;
        const run = () => job.run(deps, { now: deps.now(), timeZone }, options);
        zoned.set(key, cron.schedule(job.schedule(options).cron, guard(job.name, run), { name: key, timezone: timeZone, noOverlap: true }));
      }
    }
  };
  const ready = guard("time zones", refreshZones)();
  const refresher = setInterval(guard("time zones", refreshZones), REFRESH_ZONES_MS);
  refresher.unref();

  return {
    ready,
    tasks: () => [...tasks, ...zoned.values()],
    async stop() {
      clearInterval(refresher);
      for (const task of [...tasks, ...zoned.values()]) await task.destroy();
    },
  };
}
