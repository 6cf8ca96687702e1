import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Workspace } from "../../src/db/types.ts";
import { forEachWorkspace, UnknownWorkspaceError, workspacesFor, type JobDeps, type JobResult } from "../../src/jobs/job-deps.ts";
import { enqueueMany } from "../../src/jobs/outbox.ts";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";
import { SendError } from "../../src/ports/outbound.ts";
import { recordingMessenger } from "../support/recording-messenger.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

// What every job shares: which workspaces a run is for, one workspace's trouble kept from the
// others, and the delivery of what the run queued.
let db: TestDatabase;
let workspaces: Workspace[];
beforeAll(async () => {
  db = await openTestDatabase();
  // Created out of order: the later one first.
  await db.prisma.workspace.create({ data: { platform: "console", externalId: "W2", createdAt: new Date("2026-02-01T00:00:00Z") } });
  await db.prisma.workspace.create({ data: { platform: "console", externalId: "W1", createdAt: new Date("2026-01-01T00:00:00Z") } });
  workspaces = await db.prisma.workspace.findMany({ orderBy: { createdAt: "asc" } });
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.prisma.outboxMessage.deleteMany({});
});

const NOW = new Date("2026-11-30T01:00:00.000Z");

function deps(messenger = recordingMessenger()) {
  const errors: string[] = [];
  const d: JobDeps = {
    prisma: db.prisma, playbook: undefined as never, messengers: [messenger.messenger], now: () => NOW,
    logger: { info() {}, warn() {}, error: (message) => errors.push(message) },
  };
  return { d, errors, out: messenger };
}

/** Queues one message to U1 of the workspace, counting it. */
const queueOne = async (w: Workspace, result: JobResult) => {
  await enqueueMany(db.prisma, [{ workspaceId: w.id, job: "test-job", period: "p1", platform: "console", target: { kind: "user", userId: "U1" }, reply: { text: "hi" } as never }], NOW);
  result.queued++;
};

describe("the workspaces a job runs for", () => {
  it("are all of them, oldest first, or the one named by its id or the platform's id", async () => {
    expect((await workspacesFor(db.prisma, undefined)).map((w) => w.externalId)).toEqual(["W1", "W2"]);
    const w2 = workspaces.find((w) => w.externalId === "W2")!;
    expect((await workspacesFor(db.prisma, w2.id)).map((w) => w.externalId)).toEqual(["W2"]);
    expect((await workspacesFor(db.prisma, "W1")).map((w) => w.externalId)).toEqual(["W1"]);
  });

  it("refuses a workspace that does not exist, naming it", async () => {
    const refused = await workspacesFor(db.prisma, "W9").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UnknownWorkspaceError);
    expect(refused).toMatchObject({ workspace: "W9", message: 'no workspace "W9"' });
  });
});

describe("a job over its workspaces", () => {
  it("queues for each, then delivers what they queued, and adds up what happened", async () => {
    const { d, out } = deps();
    const result = await forEachWorkspace(d, { now: NOW }, "test-job", workspaces, queueOne);
    expect(result).toEqual({ queued: 2, nothingToSend: 0, alreadyDone: 0, sent: 2, retried: 0, failed: 0 });
    expect(out.delivered.map((m) => m.to).sort()).toEqual(["user:W1:U1", "user:W2:U1"]);
  });

  it("goes on with the next workspace when one fails, and logs which", async () => {
    const { d, errors, out } = deps();
    const result = await forEachWorkspace(d, { now: NOW }, "test-job", workspaces, async (w, r) => {
      if (w.externalId === "W1") throw new Error("bad row");
      await queueOne(w, r);
    });
    expect(result).toMatchObject({ queued: 1, sent: 1 });
    expect(errors).toEqual(["test-job for workspace W1 failed"]);
    expect(out.delivered.map((m) => m.to)).toEqual(["user:W2:U1"]);
  });

  it("delivers only its own workspaces' messages", async () => {
    const { d, out } = deps();
    const [w1, w2] = workspaces;
    await queueOne(w2!, { queued: 0, nothingToSend: 0, alreadyDone: 0, sent: 0, retried: 0, failed: 0 });
    const result = await forEachWorkspace(d, { now: NOW }, "test-job", [w1!], queueOne);
    expect(result).toMatchObject({ queued: 1, sent: 1 });
    expect(out.delivered.map((m) => m.to)).toEqual(["user:W1:U1"]);
  });

  it("run from the command line, waits for a retry due soon and says how many still wait", async () => {
    const out = recordingMessenger();
    out.failNext(new SendError("ratelimited", true, 60_000));
    const { d } = deps(out);
    const result = await forEachWorkspace(d, { now: NOW, settle: { maxWaitMs: 10_000 } }, "test-job", [workspaces[0]!], queueOne);
    expect(result).toEqual({ queued: 1, nothingToSend: 0, alreadyDone: 0, sent: 0, retried: 1, failed: 0, waiting: 1 });
  });
});

describe("a cadence refresh left pending", () => {
  it("is finished before the workspace's job reads its due dates", async () => {
    const { d } = deps();
    const w1 = workspaces[0]!;
    await db.prisma.workspace.update({ where: { id: w1.id }, data: { cadenceRefreshAfter: 0 } });
    const seen: (number | null)[] = [];
    await forEachWorkspace({ ...d, playbook: await loadPlaybook("default") }, { now: NOW }, "test-job", [{ ...w1, cadenceRefreshAfter: 0 }], async (w) => {
      seen.push((await db.prisma.workspace.findUniqueOrThrow({ where: { id: w.id } })).cadenceRefreshAfter);
    });
    expect(seen).toEqual([null]);
  });
});
