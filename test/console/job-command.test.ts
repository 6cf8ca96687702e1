import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useBuiltBot } from "../support/built-bot.ts";

const built = useBuiltBot("job");
const dataDir = mkdtempSync(join(tmpdir(), "crm-job-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(entry: "main" | "job", args: string[], input = ""): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = built.spawn(entry, args, { DATA_DIR: dataDir, CRM_LOCALE: "en" });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  child.stdin.end(input);
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

describe("npm run job", () => {
  it("runs the morning digest once for a fixed clock, and a rerun sends nothing new", async () => {
    // The console user is the workspace's admin: it may add straight into selection, forced.
    // Every day a working day, so the real clock's weekday (or a holiday six days on) cannot move
    // the due dates nor skip the list: this test is about the job command, not the calendar.
    await run("main", [], "setup calendar none\nadd Acme stage=selection force=yes\nadd Quiet\n");
    const now = new Date(Date.now() + 6 * 86_400_000).toISOString(); // selection: due after 3 days, overdue after 5
    const first = await run("job", ["morning-digest", "--now", now]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("── @local ──\nGood morning, local: 1 customer to contact today, 1 overdue.");
    expect(first.stdout).toContain("Acme");
    expect(first.stderr).toContain("morning-digest: 1 new message(s), 0 with nothing to send, 0 already done; sent 1, failed 0");
    const again = await run("job", ["morning-digest", "--now", now]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("");
    expect(again.stderr).toContain("0 new message(s), 0 with nothing to send, 1 already done; sent 0");
  }, 120_000);

  it("sends the weekly summary to the console's director, for one workspace", async () => {
    const result = await run("job", ["weekly-summary", "--workspace", "local", "--now", new Date(Date.now() + 7 * 86_400_000).toISOString()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/── @local ──\nWeekly summary, /);
    expect(result.stdout).toContain("A-grade digest (1)");
  }, 120_000);

  it("explains bad arguments, an unknown workspace, and a database in use", async () => {
    const usage = await run("job", ["coffee"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Usage: npm run job -- <morning-digest|director-digest|weekly-summary|calendar-notice>");
    const list = await run("job", []);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain("Jobs: morning-digest, director-digest, weekly-summary");
    const badNow = await run("job", ["morning-digest", "--now", "yesterday"]);
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toContain('--now "yesterday" is not a time');
    const unknown = await run("job", ["morning-digest", "--workspace", "T-NOPE"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no workspace "T-NOPE"');

    const bot = built.spawn("main", [], { DATA_DIR: dataDir, CRM_LOCALE: "en" });
    let banner = "";
    bot.stderr.on("data", (d) => (banner += d));
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => banner.includes("local console") && (clearInterval(timer), resolve()), 50);
    });
    const locked = await run("job", ["morning-digest"]);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/already open in another process \(pid \d+\).*Stop that process first/s);
    bot.stdin.end();
    await new Promise((resolve) => bot.on("exit", resolve));
  }, 120_000);
});
