import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverDue, deliverUntilSettled, MAX_ATTEMPTS, type DeliveryDeps } from "../../src/jobs/deliver.ts";
import { enqueueMany, type OutboxEntry } from "../../src/jobs/outbox.ts";
import { takeSlot } from "../../src/jobs/send-pace.ts";
import { SendError, type OutboundMessenger, type PaceLimits } from "../../src/ports/outbound.ts";
import { recordingMessenger } from "../support/recording-messenger.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

// The delivery loop on its own: messages put in the outbox by hand, a messenger that records
// or fails, a clock the test moves. What each outcome of a send does to the message.
let db: TestDatabase;
let T1: string;
let T2: string;
beforeAll(async () => {
  db = await openTestDatabase();
  T1 = (await db.prisma.workspace.create({ data: { platform: "console", externalId: "T1" } })).id;
  T2 = (await db.prisma.workspace.create({ data: { platform: "console", externalId: "T2" } })).id;
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.prisma.outboxMessage.deleteMany({});
  await db.prisma.sendPace.deleteMany({});
});

const NOW = new Date("2026-11-30T01:00:00.000Z");
const entry = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  workspaceId: T1, job: "weekly-summary", period: "2026-W48", platform: "console",
  target: { kind: "user", userId: "U1" }, reply: { text: "hello" } as never, ...over,
});
const messages = () => db.prisma.outboxMessage.findMany({ orderBy: { recipient: "asc" } });

function clock(start = NOW) {
  let now = start;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    set: (at: Date) => {
      now = at;
    },
  };
}

function deps(messenger: OutboundMessenger, c = clock(), over: Partial<DeliveryDeps> = {}): DeliveryDeps {
  return { prisma: db.prisma, messengers: [messenger], now: c.now, sleep: c.sleep, ...over };
}

/** A messenger whose sends throw what it is given (not only SendErrors). */
function throwing(error: unknown): OutboundMessenger {
  return {
    platform: "console",
    sendToUser: async () => Promise.reject(error),
    sendToChannel: async () => Promise.reject(error),
    uploadImage: async () => Promise.reject(error),
  };
}

describe("delivering the outbox", () => {
  it("sends each message to its person or channel in the platform's workspace, keyed by job, period and recipient", async () => {
    await enqueueMany(db.prisma, [entry(), entry({ target: { kind: "channel", channelId: "C1" } }), entry({ workspaceId: T2, target: { kind: "user", userId: "U9" } })], NOW);
    const out = recordingMessenger();
    expect(await deliverDue(deps(out.messenger))).toEqual({ sent: 3, retried: 0, failed: 0 });
    expect(out.delivered.map((d) => [d.to, d.key, d.options]).sort()).toEqual([
      ["channel:T1:C1", "weekly-summary:2026-W48:channel:C1", { resumed: false }],
      ["user:T1:U1", "weekly-summary:2026-W48:user:U1", { resumed: false }],
      ["user:T2:U9", "weekly-summary:2026-W48:user:U9", { resumed: false }],
    ]);
    expect(out.delivered.every((d) => d.reply.text === "hello")).toBe(true);
    expect((await messages()).map((m) => [m.status, m.attempts, m.messageId !== null])).toEqual([
      ["sent", 1, true], ["sent", 1, true], ["sent", 1, true],
    ]);
  });

  it("only the messengers' platforms, only the workspaces asked for, and nothing once stopped", async () => {
    await enqueueMany(db.prisma, [entry(), entry({ workspaceId: T2 }), entry({ platform: "slack", target: { kind: "user", userId: "U2" } })], NOW);
    const out = recordingMessenger();
    expect(await deliverDue(deps(out.messenger), { stopped: () => true })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await deliverDue(deps(out.messenger), { workspaceIds: [T2] })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(out.delivered.map((d) => d.to)).toEqual(["user:T2:U1"]);
    // No worker asked for is still one worker.
    expect(await deliverDue(deps(out.messenger, clock(), { concurrency: 0 }))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect((await messages()).map((m) => [m.platform, m.status])).toEqual([["console", "sent"], ["console", "sent"], ["slack", "pending"]]);
  });

  it("retries a failure worth retrying later, with backoff, and gives up after the last attempt", async () => {
    await enqueueMany(db.prisma, [entry()], NOW);
    const out = recordingMessenger();
    out.failNext(new SendError("timeout", true));
    expect(await deliverDue(deps(out.messenger))).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [retry] = await messages();
    expect(retry).toMatchObject({ status: "pending", attempts: 1, lastError: "timeout" });
    // The first backoff: 5 s, give or take 20 %.
    const wait = retry!.nextAttemptAt.getTime() - NOW.getTime();
    expect(wait).toBeGreaterThanOrEqual(4_000);
    expect(wait).toBeLessThanOrEqual(6_000);

    // One attempt before the last fails: retried; the last one: failed.
    await db.prisma.outboxMessage.updateMany({ data: { attempts: MAX_ATTEMPTS - 2, nextAttemptAt: NOW } });
    out.failNext(new SendError("timeout", true));
    expect(await deliverDue(deps(out.messenger))).toEqual({ sent: 0, retried: 1, failed: 0 });
    await db.prisma.outboxMessage.updateMany({ data: { nextAttemptAt: NOW } });
    const warnings: string[] = [];
    out.failNext(new SendError("timeout", true));
    expect(await deliverDue(deps(out.messenger, clock(), { logger: { warn: (m) => warnings.push(m) } }))).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await messages()).toMatchObject([{ status: "failed", attempts: MAX_ATTEMPTS, lastError: "timeout" }]);
    expect(warnings).toEqual(["outbox weekly-summary 2026-W48 user:U1: timeout"]);
  });

  it("marks a message that cannot succeed failed at once, with the platform's error", async () => {
    await enqueueMany(db.prisma, [entry({ target: { kind: "channel", channelId: "C1" } })], NOW);
    const out = recordingMessenger();
    out.failNext(new SendError("channel_not_found", false));
    const warnings: string[] = [];
    expect(await deliverDue(deps(out.messenger, clock(), { logger: { warn: (m) => warnings.push(m) } }))).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await messages()).toMatchObject([{ status: "failed", attempts: 1, lastError: "channel_not_found" }]);
    expect(warnings).toEqual(["outbox weekly-summary 2026-W48 channel:C1: channel_not_found"]);
  });

  it("hands each message to its own platform's messenger", async () => {
    await enqueueMany(db.prisma, [entry(), entry({ platform: "slack", target: { kind: "user", userId: "U2" } })], NOW);
    const console_ = recordingMessenger("console");
    const slack = recordingMessenger("slack");
    expect(await deliverDue({ ...deps(console_.messenger), messengers: [console_.messenger, slack.messenger] })).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(console_.delivered.map((d) => d.to)).toEqual(["user:T1:U1"]);
    expect(slack.delivered.map((d) => d.to)).toEqual(["user:T1:U2"]);
  });

  it("marks a message failed with no logger to tell", async () => {
    await enqueueMany(db.prisma, [entry()], NOW);
    const out = recordingMessenger();
    out.failNext(new SendError("not_authed", false));
    expect(await deliverDue(deps(out.messenger))).toEqual({ sent: 0, retried: 0, failed: 1 });
  });

  it("retries an unknown failure (a network error, a bug) with its message, or what was thrown", async () => {
    await enqueueMany(db.prisma, [entry()], NOW);
    expect(await deliverDue(deps(throwing(new Error("socket hang up"))))).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await messages()).toMatchObject([{ status: "pending", attempts: 1, lastError: "socket hang up" }]);
    await db.prisma.outboxMessage.updateMany({ data: { nextAttemptAt: NOW } });
    expect(await deliverDue(deps(throwing("boom")))).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await messages()).toMatchObject([{ status: "pending", attempts: 2, lastError: "boom" }]);
  });

  it("honours a Retry-After longer than the backoff", async () => {
    await enqueueMany(db.prisma, [entry()], NOW);
    const out = recordingMessenger();
    out.failNext(new SendError("ratelimited", true, 30_000, true));
    // Without a pace, a 429 is a failure like another: it counts, and waits its Retry-After.
    expect(await deliverDue(deps(out.messenger))).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await messages()).toMatchObject([{ status: "pending", attempts: 1, lastError: "ratelimited", nextAttemptAt: new Date(NOW.getTime() + 30_000) }]);
  });
});

describe("delivering at a pace", () => {
  const perWorkspace: PaceLimits = { scope: "workspace", initialPerSecond: 2, maxPerSecond: 2, minPerSecond: 1 };
  const perApp: PaceLimits = { scope: "app", initialPerSecond: 1, maxPerSecond: 1, minPerSecond: 1 };

  it("takes a slot in the workspace's budget for each send and waits for it", async () => {
    await enqueueMany(db.prisma, [entry(), entry({ target: { kind: "user", userId: "U2" } }), entry({ target: { kind: "user", userId: "U3" } })], NOW);
    const c = clock();
    const sleeps: number[] = [];
    const out = recordingMessenger("console", perWorkspace);
    expect(await deliverDue(deps(out.messenger, c, { concurrency: 1, sleep: async (ms) => (sleeps.push(ms), c.sleep(ms)) }))).toEqual({ sent: 3, retried: 0, failed: 0 });
    // 2 a second: now, then 500 ms apart.
    expect(sleeps).toEqual([500, 500]);
    expect((await db.prisma.sendPace.findMany()).map((p) => p.key)).toEqual(["console:T1"]);
  });

  it("shares one budget for the whole app when the platform limits the app", async () => {
    await enqueueMany(db.prisma, [entry(), entry({ workspaceId: T2 })], NOW);
    const out = recordingMessenger("console", perApp);
    expect(await deliverDue(deps(out.messenger, clock(), { concurrency: 1 }))).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect((await db.prisma.sendPace.findMany()).map((p) => p.key)).toEqual(["console:app"]);
  });

  it("does not spend a workspace's slot on another workspace's message when its own was taken meanwhile", async () => {
    await enqueueMany(db.prisma, [entry()], NOW);
    await enqueueMany(db.prisma, [entry({ workspaceId: T2 })], new Date(NOW.getTime() + 1));
    await takeSlot(db.prisma, "console:T1", perWorkspace, NOW); // the next slot of T1: in 500 ms
    const c = clock();
    let taken = false;
    // While this sender waits for its slot, another replica sends T1's message.
    const sleep = async (ms: number) => {
      if (!taken) await db.prisma.outboxMessage.updateMany({ where: { workspaceId: T1 }, data: { status: "sent" } });
      taken = true;
      await c.sleep(ms);
    };
    const out = recordingMessenger("console", perWorkspace);
    expect(await deliverDue(deps(out.messenger, c, { concurrency: 1, sleep }))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(out.delivered.map((d) => d.to)).toEqual(["user:T2:U1"]);
    // T2's message took a slot of its own workspace.
    expect((await db.prisma.sendPace.findMany({ orderBy: { key: "asc" } })).map((p) => p.key)).toEqual(["console:T1", "console:T2"]);
  });

  it("spends an app's slot on the next message of any workspace when the one it waited for was taken meanwhile", async () => {
    await enqueueMany(db.prisma, [entry()], NOW);
    await enqueueMany(db.prisma, [entry({ workspaceId: T2 })], new Date(NOW.getTime() + 1));
    await takeSlot(db.prisma, "console:app", perApp, NOW); // the next slot: in 1 s
    const c = clock();
    const sleeps: number[] = [];
    const sleep = async (ms: number) => {
      if (sleeps.length === 0) await db.prisma.outboxMessage.updateMany({ where: { workspaceId: T1 }, data: { status: "sent" } });
      sleeps.push(ms);
      await c.sleep(ms);
    };
    const out = recordingMessenger("console", perApp);
    expect(await deliverDue(deps(out.messenger, c, { concurrency: 1, sleep }))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(out.delivered.map((d) => d.to)).toEqual(["user:T2:U1"]);
    expect(sleeps).toEqual([1_000]);
  });

  it("waits for its slot in real time when no sleep is given", async () => {
    await enqueueMany(db.prisma, [entry()], new Date(Date.now() - 1_000));
    const started = Date.now();
    await takeSlot(db.prisma, "console:T1", perWorkspace, new Date()); // the next slot: in 500 ms
    const out = recordingMessenger("console", perWorkspace);
    expect(await deliverDue({ prisma: db.prisma, messengers: [out.messenger], now: () => new Date(), concurrency: 1 })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(490);
  });

  it("on a 429: pauses everyone for the Retry-After (1 s when none is given), cuts the rate, and keeps the attempt", async () => {
    await enqueueMany(db.prisma, [entry()], NOW);
    const out = recordingMessenger("console", perWorkspace);
    out.failNext(new SendError("ratelimited", true, 3_000, true));
    expect(await deliverDue(deps(out.messenger, clock(), { concurrency: 1 }))).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await messages()).toMatchObject([{ status: "pending", attempts: 0, lastError: "ratelimited", nextAttemptAt: new Date(NOW.getTime() + 3_000) }]);
    // The slot was taken at NOW (rate 2 → 2, capped); the cut: 2 × 0.8.
    expect(await db.prisma.sendPace.findUniqueOrThrow({ where: { key: "console:T1" } })).toMatchObject({ perSecond: 1.6, pausedUntil: new Date(NOW.getTime() + 3_000) });

    const later = new Date(NOW.getTime() + 3_000);
    out.failNext(new SendError("ratelimited", true, undefined, true));
    expect(await deliverDue(deps(out.messenger, clock(later), { concurrency: 1 }))).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await messages()).toMatchObject([{ status: "pending", attempts: 0, nextAttemptAt: new Date(later.getTime() + 1_000) }]);
  });
});

describe("delivering until settled (a run from the command line)", () => {
  it("waits for retries due within the wait, then returns with nothing waiting", async () => {
    await enqueueMany(db.prisma, [entry()], NOW);
    const out = recordingMessenger();
    out.failNext(new SendError("ratelimited", true, 30_000));
    const c = clock();
    const sleeps: number[] = [];
    const result = await deliverUntilSettled(deps(out.messenger, c, { sleep: async (ms) => (sleeps.push(ms), c.sleep(ms)) }), { maxWaitMs: 30_000 });
    expect(result).toEqual({ sent: 1, retried: 1, failed: 0, waiting: 0 });
    expect(sleeps).toEqual([30_000]);
  });

  it("leaves a retry due after the wait, and counts what is waiting in its workspaces and platforms only", async () => {
    await enqueueMany(db.prisma, [entry(), entry({ workspaceId: T2 }), entry({ platform: "slack", target: { kind: "user", userId: "U2" } })], NOW);
    const out = recordingMessenger();
    out.failNext(new SendError("ratelimited", true, 30_001));
    const result = await deliverUntilSettled(deps(out.messenger), { workspaceIds: [T1], maxWaitMs: 30_000 });
    expect(result).toEqual({ sent: 0, retried: 1, failed: 0, waiting: 1 });
    expect(out.delivered).toEqual([]);
  });

  it("counts the messages that failed, and waits for the earliest retry first", async () => {
    await enqueueMany(db.prisma, [entry({ target: { kind: "user", userId: "U1" } }), entry({ target: { kind: "user", userId: "U2" } }), entry({ target: { kind: "user", userId: "U3" } })], NOW);
    // U1 (recorded first) is due long after the wait, U2 within it; U3 fails for good now.
    await db.prisma.outboxMessage.updateMany({ where: { recipient: "user:U1" }, data: { nextAttemptAt: new Date(NOW.getTime() + 100_000) } });
    await db.prisma.outboxMessage.updateMany({ where: { recipient: "user:U2" }, data: { nextAttemptAt: new Date(NOW.getTime() + 5_000) } });
    const out = recordingMessenger();
    out.failNext(new SendError("user_not_found", false));
    const result = await deliverUntilSettled(deps(out.messenger), { maxWaitMs: 30_000 });
    expect(result).toEqual({ sent: 1, retried: 0, failed: 1, waiting: 1 });
    expect(out.delivered.map((d) => d.to)).toEqual(["user:T1:U2"]);
  });

  it("stops waiting when stopped, and returns at once when nothing is left", async () => {
    await enqueueMany(db.prisma, [entry()], NOW);
    const out = recordingMessenger();
    out.failNext(new SendError("timeout", true));
    let stop = false;
    const c = clock();
    const stopping = deps(out.messenger, c, { sleep: async () => { throw new Error("should not sleep"); } });
    const first = deliverUntilSettled({ ...stopping, messengers: [{ ...out.messenger, sendToUser: async (...a) => { stop = true; return out.messenger.sendToUser(...a); } }] }, { maxWaitMs: 60_000, stopped: () => stop });
    expect(await first).toEqual({ sent: 0, retried: 1, failed: 0, waiting: 1 });
    await db.prisma.outboxMessage.updateMany({ data: { nextAttemptAt: NOW } });
    expect(await deliverUntilSettled(deps(out.messenger), { maxWaitMs: 60_000 })).toEqual({ sent: 1, retried: 0, failed: 0, waiting: 0 });
  });
});
