import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSelection, useCrm } from "../support/crm-fixture.ts";
import { FakeSlackApi } from "../support/fake-slack-api.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = join(ROOT, "node_modules/.bin/tsx");
const REPS = 5;
const t = useCrm();
let slack: FakeSlackApi;
beforeAll(async () => {
  slack = await new FakeSlackApi().start();
});
afterAll(() => slack.stop());

/** `npm run job` against the test database and the fake Slack, in its own process group (so a kill reaches node under tsx). */
function startJob(now: string) {
  const child = spawn(TSX, ["adapters/job.ts", "morning-digest", "--now", now], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, DATABASE_URL: t.db.url!, SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: "secret", SLACK_API_URL: slack.apiUrl, CRM_LOCALE: "en" },
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

async function waitFor(predicate: () => boolean, ms = 30_000) {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.runIf(process.env.DATABASE_URL)("a job process killed mid-run (PostgreSQL)", () => {
  it("resumes on restart: the rest get their message and nobody gets two", async () => {
    for (let i = 0; i < REPS; i++) {
      await addSelection(t, t.person(`U_CR${i}`, { workspace: "TCRASH", platform: "slack" }), `add Crash${i}`);
    }
    const now = new Date(t.clock.now.getTime() + 4 * 86_400_000).toISOString();
    // The third message reaches Slack, but the answer never comes back before the process dies.
    let posts = 0;
    slack.script("chat.postMessage", () => (++posts === 3 ? { delayMs: 60_000 } : undefined));

    const first = startJob(now);
    await waitFor(() => slack.callsTo("chat.postMessage").length === 3);
    process.kill(-first.child.pid!, "SIGKILL");
    await first.exited;
    // The sender (node under tsx) is gone only once the system has reaped it.
    const sender = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { status: "sending" } });
    const pid = Number(sender.lockedBy!.split(":").pop());
    await waitFor(() => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    });
    const midway = await t.db.prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true }, orderBy: { status: "asc" } });
    expect(midway).toEqual([
      { status: "pending", _count: { _all: 2 } },
      { status: "sending", _count: { _all: 1 } },
      { status: "sent", _count: { _all: 2 } },
    ]);

    const second = startJob(now);
    expect(await second.exited, second.stderr()).toBe(0);
    const channels = slack.callsTo("chat.postMessage").map((c) => c.body.channel as string);
    expect(channels.sort()).toEqual(Array.from({ length: REPS }, (_, i) => `DU_CR${i}`));
    // The interrupted one was looked up (message metadata) rather than posted again.
    expect(slack.callsTo("conversations.history")).toHaveLength(1);
    const rows = await t.db.prisma.outboxMessage.findMany({ where: { job: "morning-digest" }, orderBy: { recipient: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(Array(REPS).fill("sent"));
    expect(rows.filter((r) => r.attempts === 2)).toHaveLength(1);
  }, 120_000);
});
