import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { START_FLAGS } from "./start-flags.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Resident memory of a process, from /proc (Linux), in MiB. */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/**
 * The bot as users run it (`npm start`: built, then on bare node; console mode), idle after start
 * and then while it answers a stream of commands on its input; on the embedded database when no
 * URL is given.
 */
export async function measureBotRss(options: { databaseUrl?: string; commands: number }): Promise<{ idle: number; load: number }> {
  execFileSync(process.execPath, [join(ROOT, "scripts/build.mjs"), BUILD]);
  const dataDir = mkdtempSync(join(tmpdir(), "crm-bench-rss-"));
  // A bot restarts on the database it already has: create it first, then measure a second start.
  if (!options.databaseUrl) await runBot(dataDir, options, 0).catch(() => undefined);
  try {
    return await runBot(dataDir, options, options.commands);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(join(ROOT, "dist", BUILD), { recursive: true, force: true });
  }
}

const BUILD = "bench-rss";

async function runBot(dataDir: string, options: { databaseUrl?: string }, commands: number): Promise<{ idle: number; load: number }> {
  const { DATABASE_URL: _unset, ...parent } = process.env;
  const bot = spawn(process.execPath, [...START_FLAGS, join(ROOT, "dist", BUILD, "main.mjs")], {
    cwd: ROOT,
    env: { ...parent, DATA_DIR: dataDir, CRM_LOCALE: "en", ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}) },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  bot.stdout!.on("data", (d) => (out += d));
  bot.stderr!.on("data", (d) => (err += d));
  const exited = new Promise<void>((resolve) => bot.on("exit", () => resolve()));
  try {
    const until = Date.now() + 240_000;
    // The banner is written once the database is open and migrated.
    while (err.length === 0 && out.length === 0) {
      if (Date.now() > until || bot.exitCode !== null) throw new Error(`the bot did not start: ${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, commands === 0 ? 0 : 3_000));
    // Should the bot ever run under a launcher (npm, tsx), the largest process of the tree is the bot.
    const pids = [bot.pid!, ...childPids(bot.pid!)];
    const sample = () => Math.max(...pids.map((p) => { try { return rssMiB(p); } catch { return 0; } }));
    const idle = sample();
    let load = idle;
    const sampler = setInterval(() => (load = Math.max(load, sample())), 50);
    for (let i = 0; i < commands; i++) {
      bot.stdin!.write(i % 3 === 0 ? `add Load Co ${i} stage=selection force=yes\n` : i % 3 === 1 ? "due\n" : "pipeline\n");
    }
    // Commands are answered in order: the refusal of this one means every one before it is done.
    bot.stdin!.write("benchendmarker\n");
    const deadline = Date.now() + 300_000;
    while (!out.includes("benchendmarker") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    clearInterval(sampler);
    return { idle, load };
  } finally {
    bot.stdin!.end();
    bot.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
}

function childPids(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return children.flatMap((c) => [c, ...childPids(c)]);
  } catch {
    return [];
  }
}
