import { parseArgs } from "node:util";
import { localeFromTag, messagesFor } from "../src/i18n/messages.ts";
import { findJob, JOBS } from "../src/jobs/registry.ts";
import { bootstrap, type Runtime } from "./bootstrap.ts";
import { explainStartupError } from "./startup-errors.ts";

/** Retries due within this long are waited for, so a run ends with its messages delivered or failed. */
const SETTLE_MS = 5 * 60_000;

/**
 * `npm run job -- <job> [--now <ISO>] [--workspace <id>]`: runs one job once against the
 * configured database and messengers, then exits (0 when every message went out).
 */
async function main(argv: string[]): Promise<number> {
  let m = messagesFor(localeFromTag(process.env.CRM_LOCALE ?? process.env.LANG));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { now: { type: "string" }, workspace: { type: "string" } } });
  } catch {
    process.stderr.write(`${m.console.jobUsage()}\n`);
    return 2;
  }
  if (parsed.positionals.length === 0) {
    // `npm run job` alone lists what can be run.
    process.stdout.write(`${m.console.jobList(JOBS.map((j) => j.name))}\n`);
    return 0;
  }
  const job = findJob(parsed.positionals[0]!);
  if (parsed.positionals.length !== 1 || !job) {
    process.stderr.write(`${m.console.jobUsage()}\n`);
    return 2;
  }
  const now = parsed.values.now === undefined ? new Date() : new Date(parsed.values.now);
  if (Number.isNaN(now.getTime())) {
    process.stderr.write(`${m.console.badNow(parsed.values.now!)}\n`);
    return 2;
  }
  let runtime: Runtime | undefined;
  try {
    runtime = await bootstrap(process.env, process.stdout);
    m = runtime.m;
    const run = { now, settle: { maxWaitMs: SETTLE_MS }, ...(parsed.values.workspace ? { workspace: parsed.values.workspace } : {}) };
    const settings = { digestAt: runtime.config.jobs.morningDigestAt, weeklyCron: runtime.config.jobs.weeklySummaryCron };
    const result = await job.run(runtime.jobs, run, settings);
    process.stderr.write(`${m.console.jobDone(job.name, { ...result, waiting: result.waiting ?? 0 })}\n`);
    if (result.failed > 0) {
      process.stderr.write(`${m.console.jobFailed(result.failed)}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    process.stderr.write(`${explainStartupError(error, m)}\n`);
    return 1;
  } finally {
    await runtime?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
