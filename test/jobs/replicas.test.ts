import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { addSelection, useCrm } from "../support/crm-fixture.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = join(ROOT, "node_modules/.bin/tsx");
const REPS = 30;
const t = useCrm();

function runJob(databaseUrl: string, now: string, job = "morning-digest", extra: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(TSX, ["adapters/job.ts", job, "--now", now, ...extra], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, CRM_LOCALE: "en" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

describe.runIf(process.env.DATABASE_URL)("two replicas on one PostgreSQL (separate processes)", () => {
  it("run the morning digest at the same moment and every rep gets exactly one message", async () => {
    for (let i = 0; i < REPS; i++) {
      const rep = t.person(`rep${String(i).padStart(2, "0")}`, { workspace: "local" });
      await addSelection(t, rep, `add Customer${i}`);
    }
    const now = new Date(t.clock.now.getTime() + 4 * 86_400_000).toISOString();
    const [a, b] = await Promise.all([runJob(t.db.url!, now), runJob(t.db.url!, now)]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const recipients = [...(a.stdout + b.stdout).matchAll(/── @(rep\d+) ──/g)].map((m) => m[1]);
    expect(recipients.sort()).toEqual(Array.from({ length: REPS }, (_, i) => `rep${String(i).padStart(2, "0")}`));
    const sent = [a, b].map((r) => Number(/; sent (\d+),/.exec(r.stderr)![1]));
    expect(sent[0]! + sent[1]!).toBe(REPS);
    const rows = await t.db.prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
    expect(rows).toEqual([{ status: "sent", _count: { _all: REPS } }]);
  }, 120_000);

  it("run the director's digest at the same moment: each director gets one list, each rep one escalation", async () => {
    const admin = t.person("boss", { workspace: "dirs" });
    await admin.run("help");
    for (let i = 0; i < 4; i++) {
      const director = t.person(`dir${i}`, { workspace: "dirs" });
      await director.run("help");
      expect((await admin.run(`role dir${i} director`)).ok).toBe(true);
    }
    for (let i = 0; i < 6; i++) {
      await addSelection(t, t.person(`r${i}`, { workspace: "dirs" }), `add Sel${i}`);
    }
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "dirs" } });
    // Overdue 5 days after being added (a working day on the cn calendar), escalated a day later: well past by day 10.
    const now = new Date(t.clock.now.getTime() + 10 * 86_400_000).toISOString();
    const run = () => runJob(t.db.url!, now, "director-digest", ["--workspace", "dirs"]);
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const lists = await t.db.prisma.outboxMessage.findMany({ where: { workspaceId: ws.id, job: "director-digest" } });
    expect(lists.map((l) => [l.recipient, l.status]).sort()).toEqual(["boss", "dir0", "dir1", "dir2", "dir3"].map((d) => [`user:${d}`, "sent"]));
    const escalations = await t.db.prisma.outboxMessage.findMany({ where: { workspaceId: ws.id, job: "notice" } });
    expect(escalations.map((e) => e.recipient).sort()).toEqual(Array.from({ length: 6 }, (_, i) => `user:r${i}`));
    expect(escalations.every((e) => e.status === "sent")).toBe(true);
  }, 120_000);
});
