import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  alreadyRecorded, claimNext, enqueue, enqueueMany, markFailed, markRetry, markSent, peekNext, recordedKeys, releaseDeadLocalLeases, requeueUntried,
  type OutboxEntry,
} from "../../src/jobs/outbox.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

// The outbox on its own, one process: the paths that need no second connection (the lease,
// its end, the filters, the insert conflict, a dead sender on this host) run on PGlite too.
// Races between replicas are in replicas.test.ts, on PostgreSQL.
let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.prisma.outboxMessage.deleteMany({});
});

const NOW = new Date("2026-11-30T01:00:00.000Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);
const LEASE = 60_000;
const reply = (text: string) => ({ text });
const entry = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  workspaceId: "w1", job: "morning-digest", period: "2026-11-30", platform: "slack",
  target: { kind: "user", userId: "U1" }, reply: reply("hello") as never, ...over,
});
const row = (id: string) => db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });
/** A message's key as the callers of enqueueMany and recordedKeys match it: its four parts, NUL-separated. */
const key = (workspaceId: string, job: string, period: string, recipient: string) => [workspaceId, job, period, recipient].join("\u0000");

/** A process id that ran on this host and has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid!;
}

describe("who owns a message", () => {
  it("the first to record it; a second record of the same message adds nothing and changes nothing", async () => {
    expect(await enqueue(db.prisma, entry(), NOW)).toBe(true);
    expect(await enqueue(db.prisma, entry({ reply: reply("second writer") as never }), at(5_000))).toBe(false);
    const rows = await db.prisma.outboxMessage.findMany({});
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ payload: { text: "hello" }, status: "pending", nextAttemptAt: NOW, recipient: "user:U1" });
  });

  it("another period, job, recipient or workspace is another message", async () => {
    expect(await enqueue(db.prisma, entry(), NOW)).toBe(true);
    expect(await enqueue(db.prisma, entry({ period: "2026-12-01" }), NOW)).toBe(true);
    expect(await enqueue(db.prisma, entry({ job: "weekly-summary" }), NOW)).toBe(true);
    expect(await enqueue(db.prisma, entry({ target: { kind: "user", userId: "U2" } }), NOW)).toBe(true);
    expect(await enqueue(db.prisma, entry({ target: { kind: "channel", channelId: "U1" } }), NOW)).toBe(true);
    expect(await enqueue(db.prisma, entry({ workspaceId: "w2" }), NOW)).toBe(true);
    expect(await db.prisma.outboxMessage.count()).toBe(6);
  });

  it("a period with nothing to send is recorded as skipped and never sent", async () => {
    expect(await enqueue(db.prisma, entry({ reply: null }), NOW)).toBe(true);
    expect(await db.prisma.outboxMessage.findFirstOrThrow({})).toMatchObject({ status: "skipped", payload: null });
    expect(await alreadyRecorded(db.prisma, "w1", "morning-digest", "2026-11-30", { kind: "user", userId: "U1" })).toBe(true);
    expect(await alreadyRecorded(db.prisma, "w1", "morning-digest", "2026-11-30", { kind: "user", userId: "U2" })).toBe(false);
    expect(await claimNext(db.prisma, at(1), LEASE, { platforms: ["slack"] })).toBeNull();
  });
});

describe("the lease of a message being sent", () => {
  it("holds the message for the lease: nobody takes it again until the lease ends, then it is resumed", async () => {
    await enqueue(db.prisma, entry(), NOW);
    const first = await claimNext(db.prisma, NOW, LEASE, { platforms: ["slack"] });
    expect(first).toMatchObject({ job: "morning-digest", recipient: "user:U1", attempts: 1, resumed: false, payload: { text: "hello" } });
    expect(await row(first!.id)).toMatchObject({ status: "sending", lockedUntil: at(LEASE), lockedBy: `${hostname()}:${process.pid}` });

    expect(await claimNext(db.prisma, at(LEASE - 1), LEASE, { platforms: ["slack"] })).toBeNull();
    expect(await claimNext(db.prisma, at(LEASE), LEASE, { platforms: ["slack"] })).toBeNull();
    const again = await claimNext(db.prisma, at(LEASE + 1), LEASE, { platforms: ["slack"] });
    expect(again).toMatchObject({ id: first!.id, attempts: 2, resumed: true });
    expect(await row(first!.id)).toMatchObject({ lockedUntil: at(2 * LEASE + 1) });
  });

  it("takes a message only once it is due", async () => {
    await enqueue(db.prisma, entry(), at(10_000));
    expect(await claimNext(db.prisma, at(9_999), LEASE, { platforms: ["slack"] })).toBeNull();
    expect(await claimNext(db.prisma, at(10_000), LEASE, { platforms: ["slack"] })).not.toBeNull();
  });

  it("a retried message waits for its next attempt; a sent one is never taken again", async () => {
    await enqueue(db.prisma, entry(), NOW);
    await enqueue(db.prisma, entry({ target: { kind: "user", userId: "U2" } }), NOW);
    const a = (await claimNext(db.prisma, NOW, LEASE, { platforms: ["slack"] }))!;
    const b = (await claimNext(db.prisma, NOW, LEASE, { platforms: ["slack"] }))!;
    expect(new Set([a.recipient, b.recipient])).toEqual(new Set(["user:U1", "user:U2"]));
    await markRetry(db.prisma, a.id, "429", at(30_000));
    await markSent(db.prisma, b.id, "m-1", at(1_000));
    expect(await row(a.id)).toMatchObject({ status: "pending", lockedUntil: null, lockedBy: null, lastError: "429" });
    expect(await row(b.id)).toMatchObject({ status: "sent", messageId: "m-1", lockedUntil: null, lockedBy: null });
    expect(await claimNext(db.prisma, at(29_999), LEASE, { platforms: ["slack"] })).toBeNull();
    expect(await claimNext(db.prisma, at(30_000), LEASE, { platforms: ["slack"] })).toMatchObject({ id: a.id, attempts: 2, resumed: false });
    await markSent(db.prisma, a.id, "m-2", at(31_000));
    expect(await claimNext(db.prisma, at(10 * LEASE), LEASE, { platforms: ["slack"] })).toBeNull();
  });
});

describe("which messages a delivery run takes", () => {
  it("only those of the platforms it can reach", async () => {
    await enqueue(db.prisma, entry({ platform: "feishu" }), NOW);
    expect(await claimNext(db.prisma, NOW, LEASE, { platforms: ["slack"] })).toBeNull();
    expect(await claimNext(db.prisma, NOW, LEASE, { platforms: ["slack", "feishu"] })).toMatchObject({ platform: "feishu" });
  });

  it("only those of the workspaces it was asked for, when it was asked for some", async () => {
    await enqueue(db.prisma, entry({ workspaceId: "w2" }), NOW);
    expect(await claimNext(db.prisma, NOW, LEASE, { platforms: ["slack"], workspaceIds: ["w1"] })).toBeNull();
    expect(await claimNext(db.prisma, NOW, LEASE, { platforms: ["slack"], workspaceIds: [] })).toBeNull();
    expect(await claimNext(db.prisma, NOW, LEASE, { platforms: ["slack"], workspaceIds: ["w1", "w2"] })).toMatchObject({ workspaceId: "w2" });
    await enqueue(db.prisma, entry({ workspaceId: "w3" }), NOW);
    expect(await claimNext(db.prisma, NOW, LEASE, { platforms: ["slack"] })).toMatchObject({ workspaceId: "w3" });
  });

  it("the one due longest first", async () => {
    await enqueue(db.prisma, entry({ target: { kind: "user", userId: "late" } }), at(2_000));
    await enqueue(db.prisma, entry({ target: { kind: "user", userId: "early" } }), at(1_000));
    expect(await claimNext(db.prisma, at(5_000), LEASE, { platforms: ["slack"] })).toMatchObject({ recipient: "user:early" });
  });
});

describe("a sender that crashed on this host", () => {
  async function leasedBy(lockedBy: string) {
    await enqueue(db.prisma, entry({ target: { kind: "user", userId: lockedBy } }), NOW);
    const claimed = (await claimNext(db.prisma, NOW, LEASE, { platforms: ["slack"] }))!;
    await db.prisma.outboxMessage.update({ where: { id: claimed.id }, data: { lockedBy } });
    return claimed.id;
  }

  it("has its lease released at once, and the message is resumed by the next run", async () => {
    const dead = await leasedBy(`${hostname()}:${deadPid()}`);
    const alive = await leasedBy(`${hostname()}:${process.pid}`);
    const parent = await leasedBy(`${hostname()}:${process.ppid}`); // another process of this host, still running
    const elsewhere = await leasedBy(`another-host-${hostname()}:${deadPid()}`);
    const unreadable = await leasedBy(`${hostname()}:not-a-pid`);
    const noProcess = await leasedBy(`${hostname()}:0`); // no process has id 0 (signalling 0 would reach our own group)

    expect(await releaseDeadLocalLeases(db.prisma, at(1_000))).toBe(3);
    expect((await row(dead)).lockedUntil).toEqual(at(1_000));
    expect((await row(unreadable)).lockedUntil).toEqual(at(1_000));
    expect((await row(noProcess)).lockedUntil).toEqual(at(1_000));
    expect((await row(alive)).lockedUntil).toEqual(at(LEASE));
    expect((await row(parent)).lockedUntil).toEqual(at(LEASE));
    expect((await row(elsewhere)).lockedUntil).toEqual(at(LEASE));

    const resumed = await claimNext(db.prisma, at(1_001), LEASE, { platforms: ["slack"] });
    expect(resumed).toMatchObject({ resumed: true, attempts: 2 });
    expect([dead, unreadable, noProcess]).toContain(resumed!.id);
  });

  it("leaves a lease that has already ended, and a message no longer being sent, as they are", async () => {
    const ended = await leasedBy(`${hostname()}:${deadPid()}`);
    expect(await releaseDeadLocalLeases(db.prisma, at(LEASE))).toBe(0);
    expect((await row(ended)).lockedUntil).toEqual(at(LEASE));
    const sent = await leasedBy(`${hostname()}:${deadPid()}`);
    await db.prisma.outboxMessage.update({ where: { id: sent }, data: { status: "sent" } });
    await db.prisma.outboxMessage.update({ where: { id: ended }, data: { lockedUntil: at(10 * LEASE) } });
    expect(await releaseDeadLocalLeases(db.prisma, at(1_000))).toBe(1);
    expect((await row(sent)).status).toBe("sent");
  });
});

describe("many messages recorded at once", () => {
  it("adds those not yet recorded and says which, through Prisma or the bare driver alike", async () => {
    await enqueue(db.prisma, entry(), NOW);
    const added = await enqueueMany(db.prisma, [
      entry({ reply: reply("again") as never }), // recorded already: not added, not changed
      entry({ target: { kind: "user", userId: "U2" } }),
      entry({ target: { kind: "channel", channelId: "C1" }, reply: null }),
      entry({ workspaceId: "w2", period: "2026-12-01", platform: "feishu" }),
    ], at(1_000));
    expect(added).toEqual(new Set([
      key("w1", "morning-digest", "2026-11-30", "user:U2"),
      key("w1", "morning-digest", "2026-11-30", "channel:C1"),
      key("w2", "morning-digest", "2026-12-01", "user:U1"),
    ]));
    const rows = await db.prisma.outboxMessage.findMany({ orderBy: [{ workspaceId: "asc" }, { recipient: "asc" }] });
    expect(rows.map((r) => [r.workspaceId, r.recipient, r.platform, r.status, r.payload, r.target, r.nextAttemptAt])).toEqual([
      ["w1", "channel:C1", "slack", "skipped", null, { kind: "channel", channelId: "C1" }, at(1_000)],
      ["w1", "user:U1", "slack", "pending", { text: "hello" }, { kind: "user", userId: "U1" }, NOW],
      ["w1", "user:U2", "slack", "pending", { text: "hello" }, { kind: "user", userId: "U2" }, at(1_000)],
      ["w2", "user:U1", "feishu", "pending", { text: "hello" }, { kind: "user", userId: "U1" }, at(1_000)],
    ]);

    const viaDriver = await enqueueMany(db.prisma, [entry({ target: { kind: "user", userId: "U2" } }), entry({ target: { kind: "user", userId: "U3" } })], at(2_000), db.query);
    expect(viaDriver).toEqual(new Set([key("w1", "morning-digest", "2026-11-30", "user:U3")]));
    expect(await enqueueMany(db.prisma, [], NOW)).toEqual(new Set());
  });

  it("carries a message's image and its Chinese text, as many at once, back to the sender byte for byte", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x7f]);
    const chart = { text: "本周漏斗 “图” ok", files: [{ name: "funnel.png", mimeType: "image/png", data: png }] };
    await enqueueMany(db.prisma, [entry({ reply: chart as never })], NOW, db.query);
    const claimed = await claimNext(db.prisma, NOW, LEASE, { platforms: ["slack"] });
    expect(claimed?.payload.text).toBe("本周漏斗 “图” ok");
    expect(claimed?.payload.files?.map((f) => [f.name, f.mimeType, [...f.data]])).toEqual([["funnel.png", "image/png", [0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x7f]]]);
  });

  it("which of some messages of a job are recorded, in one workspace", async () => {
    await enqueue(db.prisma, entry(), NOW);
    await enqueue(db.prisma, entry({ period: "2026-12-01", target: { kind: "user", userId: "U2" } }), NOW);
    await enqueue(db.prisma, entry({ job: "weekly-summary", target: { kind: "user", userId: "U3" } }), NOW);
    await enqueue(db.prisma, entry({ workspaceId: "w2", target: { kind: "user", userId: "U3" } }), NOW);
    const u = (userId: string) => ({ kind: "user" as const, userId });
    const found = await recordedKeys(db.prisma, "w1", "morning-digest", [
      { period: "2026-11-30", target: u("U1") },
      { period: "2026-12-01", target: u("U2") },
      { period: "2026-11-30", target: u("U3") }, // only another job's and another workspace's
      { period: "2026-12-02", target: u("U1") },
    ]);
    expect(found).toEqual(new Set([key("w1", "morning-digest", "2026-11-30", "user:U1"), key("w1", "morning-digest", "2026-12-01", "user:U2")]));
    expect(await recordedKeys(db.prisma, "w1", "morning-digest", [])).toEqual(new Set());
  });
});

describe("the next message due, looked at before it is claimed", () => {
  it("names its platform and workspace, and leaves it pending", async () => {
    await enqueue(db.prisma, entry({ workspaceId: "w2", platform: "feishu", target: { kind: "user", userId: "late" } }), at(2_000));
    await enqueue(db.prisma, entry({ workspaceId: "w3", target: { kind: "user", userId: "early" } }), at(1_000));
    await enqueue(db.prisma, entry({ workspaceId: "w4", target: { kind: "user", userId: "not yet" } }), at(9_000));
    expect(await peekNext(db.prisma, at(999), { platforms: ["slack", "feishu"] })).toBeNull();
    expect(await peekNext(db.prisma, at(5_000), { platforms: ["slack", "feishu"] })).toEqual({ platform: "slack", workspaceId: "w3" });
    expect(await peekNext(db.prisma, at(5_000), { platforms: ["feishu"] })).toEqual({ platform: "feishu", workspaceId: "w2" });
    expect(await peekNext(db.prisma, at(5_000), { platforms: ["slack", "feishu"], workspaceIds: ["w2", "w4"] })).toEqual({ platform: "feishu", workspaceId: "w2" });
    expect(await peekNext(db.prisma, at(5_000), { platforms: ["slack", "feishu"], workspaceIds: [] })).toBeNull();
    expect(await db.prisma.outboxMessage.count({ where: { status: "pending" } })).toBe(3);
  });

  it("includes a message whose sender's lease has ended, not one still leased", async () => {
    await enqueue(db.prisma, entry(), NOW);
    await claimNext(db.prisma, NOW, LEASE, { platforms: ["slack"] });
    expect(await peekNext(db.prisma, at(LEASE), { platforms: ["slack"] })).toBeNull();
    expect(await peekNext(db.prisma, at(LEASE + 1), { platforms: ["slack"] })).toEqual({ platform: "slack", workspaceId: "w1" });
  });
});

describe("a message that cannot be sent now", () => {
  it("fails for good with its error, and is never taken again", async () => {
    await enqueue(db.prisma, entry(), NOW);
    const claimed = (await claimNext(db.prisma, NOW, LEASE, { platforms: ["slack"] }))!;
    await markFailed(db.prisma, claimed.id, "channel_not_found");
    expect(await row(claimed.id)).toMatchObject({ status: "failed", lockedUntil: null, lockedBy: null, lastError: "channel_not_found", attempts: 1 });
    expect(await claimNext(db.prisma, at(10 * LEASE), LEASE, { platforms: ["slack"] })).toBeNull();
  });

  it("goes back to the queue for later without using up an attempt, keeping its last error unless given one", async () => {
    await enqueue(db.prisma, entry(), NOW);
    const first = (await claimNext(db.prisma, NOW, LEASE, { platforms: ["slack"] }))!;
    await markRetry(db.prisma, first.id, "timeout", at(1_000));
    const second = (await claimNext(db.prisma, at(1_000), LEASE, { platforms: ["slack"] }))!;
    expect(second.attempts).toBe(2);
    await requeueUntried(db.prisma, second.id, at(30_000));
    expect(await row(second.id)).toMatchObject({ status: "pending", nextAttemptAt: at(30_000), lockedUntil: null, lockedBy: null, attempts: 1, lastError: "timeout" });
    expect(await claimNext(db.prisma, at(29_999), LEASE, { platforms: ["slack"] })).toBeNull();
    const third = (await claimNext(db.prisma, at(30_000), LEASE, { platforms: ["slack"] }))!;
    expect(third.attempts).toBe(2);
    await requeueUntried(db.prisma, third.id, at(40_000), "ratelimited");
    expect(await row(third.id)).toMatchObject({ status: "pending", nextAttemptAt: at(40_000), attempts: 1, lastError: "ratelimited" });
  });
});
