import { calendarNoticeJob } from "./calendar-notice.job.ts";
import { directorDigestJob } from "./director-digest.job.ts";
import type { JobDefinition } from "./job-definition.ts";
import { morningDigestJob } from "./morning-digest.job.ts";
import { weeklySummaryJob } from "./weekly-summary.job.ts";

/** Every scheduled job: the scheduler wires each to node-cron, `npm run job` runs one by name. */
export const JOBS: readonly JobDefinition[] = [morningDigestJob, directorDigestJob, weeklySummaryJob, calendarNoticeJob];

export function findJob(name: string): JobDefinition | undefined {
  return JOBS.find((job) => job.name === name);
}
