import cron, { type ScheduledTask } from "node-cron";
import { deliverDue } from "./deliver.ts";
import type { JobDeps } from "./job-deps.ts";
import { runMorningDigest } from "./morning-digest.job.ts";
import { runWeeklySummary } from "./weekly-summary.job.ts";

export interface SchedulerOptions {
  /** HH:mm in each rep's own time zone. */
  digestAt: string;
  /** A cron expression evaluated in each workspace's time zone. */
  weeklyCron: string;
}

const REFRESH_ZONES_MS = 60 * 60_000;
/** Platforms stop redelivering within hours (Feishu's last re-push is ~7 h after the first). */
export const RECEIPT_TTL_MS = 2 * 24 * 60 * 60_000;

/** Forgets the replies kept to answer repeated deliveries, once no repeat can come. */
export async function purgeReceipts(deps: Pick<JobDeps, "prisma" | "now">): Promise<number> {
  const { count } = await deps.prisma.commandReceipt.deleteMany({ where: { createdAt: { lt: new Date(deps.now().getTime() - RECEIPT_TTL_MS) } } });
  return count;
}

/**
 * The one place that wires node-cron. Reps live in different time zones, so the morning job
 * ticks every minute and picks the reps whose local time has reached MORNING_DIGEST_AT; the
 * outbox makes every tick after the first a no-op for them. The weekly summary gets one cron
 * per workspace time zone. Every minute, messages waiting for a retry are sent.
 */
export interface Scheduler {
  /** Resolves once the weekly crons for the workspaces' time zones are set up. */
  ready: Promise<void>;
  tasks(): ScheduledTask[];
  stop(): Promise<void>;
}

export function startScheduler(deps: JobDeps, options: SchedulerOptions): Scheduler {
  const tasks: ScheduledTask[] = [];
  const weeklyZones = new Map<string, ScheduledTask>();
  const guard = (name: string, work: () => Promise<unknown>) => async () => {
    try {
      await work();
    } catch (error) {
      deps.logger.error(`scheduled ${name} failed`, error);
    }
  };

  tasks.push(
    cron.schedule("* * * * *", guard("morning-digest", () => runMorningDigest(deps, { now: deps.now(), respectLocalTime: true, digestAt: options.digestAt })), {
      name: "morning-digest",
      noOverlap: true,
    }),
    cron.schedule("17 3 * * *", guard("receipt purge", () => purgeReceipts(deps)), { name: "receipts", noOverlap: true }),
    cron.schedule("30 * * * * *", guard("outbox retries", () => deliverDue({ prisma: deps.prisma, messengers: deps.messengers, now: deps.now, logger: deps.logger })), {
      name: "outbox",
      noOverlap: true,
    }),
  );

  const refreshZones = async () => {
    const zones = await deps.prisma.workspace.findMany({ distinct: ["timeZone"], select: { timeZone: true } });
    for (const { timeZone } of zones) {
      if (weeklyZones.has(timeZone)) continue;
      weeklyZones.set(
        timeZone,
        cron.schedule(options.weeklyCron, guard("weekly-summary", () => runWeeklySummary(deps, { now: deps.now(), timeZone })), {
          name: `weekly-summary ${timeZone}`,
          timezone: timeZone,
          noOverlap: true,
        }),
      );
    }
  };
  const ready = guard("time zones", refreshZones)();
  const refresher = setInterval(guard("time zones", refreshZones), REFRESH_ZONES_MS);
  refresher.unref();

  return {
    ready,
    tasks: () => [...tasks, ...weeklyZones.values()],
    async stop() {
      clearInterval(refresher);
      for (const task of [...tasks, ...weeklyZones.values()]) await task.destroy();
    },
  };
}
