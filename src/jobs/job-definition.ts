import type { JobDeps, JobResult, JobRun } from "./job-deps.ts";

/** What the scheduler and `npm run job` need to know of the deployment's settings. */
export interface JobSettings {
  /** HH:mm, in each recipient's own time zone. */
  digestAt: string;
  /** Cron expression of the weekly summary, in each workspace's time zone. */
  weeklyCron: string;
}

/**
 * A scheduled job declares itself: its name (for `npm run job -- <name>`), when it runs, and
 * how. `perTimeZone` crons run once per workspace time zone, in that zone.
 */
export interface JobDefinition {
  name: string;
  schedule(settings: JobSettings): { cron: string; perTimeZone?: boolean };
  run(deps: JobDeps, run: JobRun & { timeZone?: string }, settings: JobSettings): Promise<JobResult>;
}
