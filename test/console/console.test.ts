import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useBuiltBot } from "../support/built-bot.ts";
import { DataDirLockedError, lockDataDir } from "../../src/db/data-dir-lock.ts";

const built = useBuiltBot("console");
const dataDir = mkdtempSync(join(tmpdir(), "crm-console-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** `npm start` as a new user would run it: the embedded database, no credentials. */
function startBot(env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return built.spawn("main", [], { DATA_DIR: dataDir, CRM_LOCALE: "en", ...env });
}

function collect(child: ChildProcessWithoutNullStreams) {
  const out = { stdout: "", stderr: "" };
  child.stdout.on("data", (d) => (out.stdout += d));
  child.stderr.on("data", (d) => (out.stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { out, exited };
}

async function runScript(lines: string[], env: Record<string, string> = {}) {
  const child = startBot(env);
  const { out, exited } = collect(child);
  child.stdin.end(lines.join("\n") + "\n");
  return { code: await exited, ...out };
}

async function waitFor(predicate: () => boolean, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the console bot (npm start with no credentials)", () => {
  it("reads piped commands, answers each, and exits at end of input", async () => {
    const run = await runScript([
      'add "Foshan Tuoxin" contact=Li mobile=13800138000 grade=A',
      "log #1 call Talked twenty minutes about three hotel kitchens",
      "due",
      "客户 帮助",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("Prospect CRM — local console");
    expect(run.stdout).toContain("Added #1 Foshan Tuoxin.");
    expect(run.stdout).toContain("Call logged on #1.");
    expect(run.stdout).toContain("Nothing is due today.");
    expect(run.stdout).toContain("/prospect add <company> key=value… — add a prospect");
    expect(run.stdout).toContain("[Log call: log #1 call …]");
  }, 60_000);

  it("keeps the data across restarts", async () => {
    const run = await runScript(["show #1"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("┌ #1 Foshan Tuoxin");
    expect(run.stdout).toContain("Talked twenty minutes about three hotel kitchens");
  }, 60_000);

  it("refuses a second process on the same embedded database, and the first keeps working", async () => {
    const first = startBot();
    const one = collect(first);
    await waitFor(() => one.out.stderr.includes("local console"));

    const second = await runScript(["add ShouldNotExist"]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already open in another process \(pid \d+\)/);
    expect(second.stderr).toContain("set DATABASE_URL");
    expect(second.stderr).not.toMatch(/\n\s+at /);
    expect(second.stdout).toBe("");

    first.stdin.write("list\n");
    await waitFor(() => one.out.stdout.includes("#1 Foshan Tuoxin"));
    expect(one.out.stdout).not.toContain("ShouldNotExist");
    first.kill("SIGTERM");
    expect(await one.exited).toBe(0);
    expect(existsSync(join(dataDir, "crm.lock"))).toBe(false);
  }, 60_000);

  it("stops with a message naming the problem when the configuration is wrong", async () => {
    const badPlaybook = await runScript(["help"], { PLAYBOOK: "nonexistent" });
    expect(badPlaybook.code).toBe(1);
    expect(badPlaybook.stderr).toContain("available presets: dealer-4s, default, opportunity-pipeline");
    const badZone = await runScript(["help"], { CRM_TIME_ZONE: "Mars/Olympus" });
    expect(badZone.code).toBe(1);
    expect(badZone.stderr).toContain("CRM_TIME_ZONE must be an IANA time zone");
  }, 60_000);
});

describe("the data-dir lock", () => {
  it("takes over a lock left by a process that no longer runs", () => {
    const dir = mkdtempSync(join(tmpdir(), "crm-lock-"));
    writeFileSync(join(dir, "crm.lock"), "2147483646");
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    lock.release();
    lockDataDir(dir).release();
    rmSync(dir, { recursive: true, force: true });
  });

  it("takes over a lock that holds its own pid (a container restarted after a crash reuses pids)", () => {
    const dir = mkdtempSync(join(tmpdir(), "crm-lock-"));
    writeFileSync(join(dir, "crm.lock"), String(process.pid));
    const lock = lockDataDir(dir);
    // …but one process still cannot open the same directory twice.
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    lock.release();
    rmSync(dir, { recursive: true, force: true });
  });
});
