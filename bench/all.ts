/**
 * `npm run bench`: every benchmark, one after another — the core cases against their floors
 * (bench/run.ts, which takes the flags given to `npm run bench -- …`), the load test, the reports
 * and the 10,000-row import. Each runs as its own process so one's memory does not weigh on the
 * next one's figures; the first failure stops the run with its exit code.
 */
import { spawnSync } from "node:child_process";
import { START_FLAGS } from "./start-flags.ts";

const steps: [string, string[]][] = [
  ["bench/run.ts", process.argv.slice(2)],
  ["bench/load.ts", []],
  ["bench/reports.ts", []],
  ["bench/import.ts", []],
];
for (const [script, args] of steps) {
  const { status } = spawnSync(process.execPath, [...START_FLAGS, "--import", "tsx", script, ...args], { stdio: "inherit" });
  if (status !== 0) process.exit(status ?? 1);
}
