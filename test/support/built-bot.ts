import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * What `npm start` and `npm run job` run: the bot and the job command built by scripts/build.mjs,
 * on bare node. Each test file builds its own copy once (esbuild, about a second) instead of
 * transpiling every module again with tsx at each start, which cost several seconds per process.
 */
export function useBuiltBot(label: string) {
  const name = `test-${label}-${process.pid}`;
  const dir = join(ROOT, "dist", name);
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, "scripts/build.mjs"), name]);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    /** Starts `main` (the bot) or `job` (the job command) with the test's environment, never the suite's DATABASE_URL. */
    spawn(entry: "main" | "job", args: string[], env: Record<string, string>): ChildProcessWithoutNullStreams {
      const { DATABASE_URL: _ignored, ...parent } = process.env;
      return spawn(process.execPath, [join(dir, `${entry}.mjs`), ...args], { cwd: ROOT, env: { ...parent, ...env } });
    },
  };
}
