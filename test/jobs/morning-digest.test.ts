import { describe, expect, it } from "vitest";
import { SendError } from "../../src/ports/outbound.ts";
import { deliverDue, MAX_ATTEMPTS } from "../../src/jobs/deliver.ts";
import type { JobDeps } from "../../src/jobs/job-deps.ts";
import { runMorningDigest } from "../../src/jobs/morning-digest.job.ts";
import { addSelection, useCrm } from "../support/crm-fixture.ts";
import { recordingMessenger } from "../support/recording-messenger.ts";

const DAY = 86_400_000;
const t = useCrm();

function deps(messenger = recordingMessenger()): JobDeps & { out: ReturnType<typeof recordingMessenger> } {
  const logger = { info() {}, warn() {}, error() {} };
  return { prisma: t.db.prisma, sql: t.db.query, playbook: t.crm.playbook, messengers: [messenger.messenger], now: () => t.clock.now, logger, out: messenger };
}

/** A person with selection customers (call due 3 days after, overdue after 5), then whatever `lines` add. */
async function seed(workspace: string, person: string, timeZone: string, lines: string[], selection: string[] = []) {
  const p = t.person(person, { workspace, timeZone });
  for (const name of selection) await addSelection(t, p, `add ${name}`);
  for (const line of lines) expect((await p.run(line)).ok, line).toBe(true);
  return p;
}

describe("the morning digest", () => {
  it("goes to each rep at 09:00 in their own time zone, once per local day, only when something is due", async () => {
    // Added Mon 23 Nov 10:00 Shanghai; selection customers are due 3 days later.
    await seed("tz", "sh-boss", "Asia/Shanghai", ["add SH-D"], ["SH-Sel"]);
    await seed("tz", "ny-rep", "America/New_York", [], ["NY-Sel"]);
    await seed("tz", "idle-rep", "Asia/Shanghai", ["help"]);
    const d = deps();

    // Thu 26 Nov 12:05 UTC: 20:05 in Shanghai (past 09:00: catch up), 07:05 in New York (not yet).
    t.clock.set("2026-11-26T12:05:00Z");
    const first = await runMorningDigest(d, { now: t.clock.now, workspace: "tz", respectLocalTime: true, digestAt: "09:00" });
    expect(d.out.delivered.map((x) => x.to)).toEqual(["user:tz:sh-boss"]);
    expect(first).toMatchObject({ queued: 1, nothingToSend: 1, sent: 1, failed: 0 });

    // 14:05 UTC = 09:05 in New York: now the New York rep; Shanghai is already done for the 26th.
    t.clock.set("2026-11-26T14:05:00Z");
    const second = await runMorningDigest(d, { now: t.clock.now, workspace: "tz", respectLocalTime: true, digestAt: "09:00" });
    expect(d.out.delivered.map((x) => x.to)).toEqual(["user:tz:sh-boss", "user:tz:ny-rep"]);
    expect(second).toMatchObject({ queued: 1, alreadyDone: 2, sent: 1 });

    // Running it again for the same day sends nothing new.
    await runMorningDigest(d, { now: t.clock.now, workspace: "tz", respectLocalTime: true, digestAt: "09:00" });
    expect(d.out.delivered).toHaveLength(2);

    const shanghai = d.out.delivered[0]!;
    expect(shanghai.key).toBe("morning-digest:2026-11-26:user:sh-boss");
    expect(shanghai.reply.text).toBe("Good morning, sh-boss: 1 customer to contact today.");
    // A message for the channel, not an answer only its asker sees; one customer, so one card and no "more".
    expect(shanghai.reply).toMatchObject({ ok: true, ephemeral: false, locale: "en" });
    expect(shanghai.reply.cards).toHaveLength(1);
    expect(shanghai.reply.cards[0]!.title).toMatch(/ SH-Sel$/);
    expect(shanghai.reply.cards[0]!.sections[0]!.items).toEqual(["Call: due today", "Not contacted yet"]);
    expect(shanghai.reply.cards[0]!.actions.map((a) => a.label)).toEqual(["Log call", "Log SMS", "Snooze 1 day", "Open"]);
  });

  it("lists overdue first, then A before D, capped with a count of the rest and a /prospect due hint", async () => {
    const lines = [...Array.from({ length: 12 }, (_, i) => `add Cap${String(i).padStart(2, "0")} grade=${i < 6 ? "D" : "A"}`)];
    await seed("cap", "capper", "Asia/Shanghai", lines, ["Late"]);
    const d = deps();
    // Mon 21 Dec: everything overdue. D was due on day 20 (Sun 13 Dec, a day off: Mon 14 Dec) and
    // overdue 5 days later (Sat 19 Dec, a day off: Mon 21 Dec) on the work calendar.
    t.clock.set(new Date(t.clock.now.getTime() + 28 * DAY).toISOString());
    await runMorningDigest(d, { now: t.clock.now, workspace: "cap", digestAt: "09:00" });
    const { reply } = d.out.delivered[0]!;
    expect(reply.text).toBe("Good morning, capper: 13 customers to contact today, 13 overdue.");
    expect(reply.cards).toHaveLength(11);
    const titles = reply.cards.slice(0, 10).map((c) => c.title.split(" ")[1]);
    expect(titles[0]).toBe("Late");
    expect(titles.slice(1, 7).every((x) => /^Cap(0[6-9]|1[01])$/.test(x!))).toBe(true);
    expect(reply.cards[10]!.title).toBe("…and 3 more. Send /prospect due for the full list.");
  });

  it("composes a big team's lists in chunks: every rep gets their own list once, the idle ones none", async () => {
    // 110 reps (more than two chunks of the job's 50); the even ones own one selection customer each, the odd ones only said hello.
    for (let i = 0; i < 110; i++) await seed("many", `many-${i}`, "Asia/Shanghai", i % 2 === 0 ? [] : ["help"], i % 2 === 0 ? [`Many-${i}`] : []);
    const d = deps();
    t.clock.set("2026-11-26T12:05:00Z"); // Thu 20:05 in Shanghai: the selection calls fell due at 10:00
    const first = await runMorningDigest(d, { now: t.clock.now, workspace: "many", respectLocalTime: true, digestAt: "09:00" });
    expect(first).toMatchObject({ queued: 55, nothingToSend: 55, alreadyDone: 0, sent: 55, failed: 0 });
    const got = d.out.delivered.map((x) => [x.to, x.reply.cards[0]!.title.split(" ")[1]]);
    const wanted = Array.from({ length: 55 }, (_, k) => [`user:many:many-${2 * k}`, `Many-${2 * k}`]);
    expect(got.sort()).toEqual(wanted.sort());

    const again = await runMorningDigest(d, { now: t.clock.now, workspace: "many", respectLocalTime: true, digestAt: "09:00" });
    expect(again).toMatchObject({ queued: 0, nothingToSend: 0, alreadyDone: 110, sent: 0 });
    expect(d.out.delivered).toHaveLength(55);
  });

  it("counts a list another run queued first as already done, when two runs meet", async () => {
    await seed("race", "race-rep", "Asia/Shanghai", [], ["Race"]);
    const d = deps();
    t.clock.set(new Date(t.clock.now.getTime() + 3 * DAY).toISOString());
    const run = () => runMorningDigest(d, { now: t.clock.now, workspace: "race", digestAt: "09:00" });
    const [a, b] = await Promise.all([run(), run()]);
    expect([a.queued + b.queued, a.alreadyDone + b.alreadyDone, a.nothingToSend + b.nothingToSend]).toEqual([1, 1, 0]);
    expect(d.out.delivered.map((x) => x.to)).toEqual(["user:race:race-rep"]);
  });

  it("answers in each rep's language", async () => {
    const zh = t.person("zh-rep", { workspace: "lang-digest", locale: "zh-CN" });
    await addSelection(t, zh, "add 中文客户");
    const d = deps();
    t.clock.set(new Date(t.clock.now.getTime() + 3 * DAY).toISOString());
    await runMorningDigest(d, { now: t.clock.now, workspace: "lang-digest", digestAt: "09:00" });
    expect(d.out.delivered[0]!.reply.text).toBe("zh-rep，早上好！今天要联系 1 个客户。");
    expect(d.out.delivered[0]!.reply.cards[0]!.sections[0]!.items[0]).toBe("电话：今天到期");
  });
});

describe("delivery", () => {
  it("obeys Retry-After on a 429, retries with backoff, and counts attempts", async () => {
    await seed("retry", "retry-rep", "Asia/Shanghai", [], ["R"]);
    const d = deps();
    d.out.failNext(new SendError("ratelimited", true, 30_000));
    t.clock.set(new Date(t.clock.now.getTime() + 3 * DAY).toISOString());
    const first = await runMorningDigest(d, { now: t.clock.now, workspace: "retry", digestAt: "09:00" });
    expect(first).toMatchObject({ queued: 1, sent: 0, retried: 1 });
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { job: "morning-digest", recipient: "user:retry-rep" } });
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "ratelimited" });
    expect(row.nextAttemptAt.getTime() - t.clock.now.getTime()).toBe(30_000);

    // Not before the platform said so…
    t.clock.set(new Date(t.clock.now.getTime() + 29_000).toISOString());
    expect(await deliverDue(d)).toEqual({ sent: 0, retried: 0, failed: 0 });
    // …and then it goes.
    t.clock.set(new Date(t.clock.now.getTime() + 1_000).toISOString());
    expect(await deliverDue(d)).toEqual({ sent: 1, retried: 0, failed: 0 });
    const sent = await t.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent).toMatchObject({ status: "sent", attempts: 2, messageId: "m1" });
  });

  it("marks a message failed after repeated failures or a permanent error, and still sends the others", async () => {
    await seed("fail", "fail-a", "Asia/Shanghai", [], ["FA"]);
    await seed("fail", "fail-b", "Asia/Shanghai", [], ["FB"]);
    await seed("fail", "fail-c", "Asia/Shanghai", [], ["FC"]);
    const d = deps();
    t.clock.set(new Date(t.clock.now.getTime() + 3 * DAY).toISOString());
    d.out.failNext(new SendError("not_allowed_token_type", false), new SendError("timeout", true));
    const run = await runMorningDigest(d, { now: t.clock.now, workspace: "fail", digestAt: "09:00" });
    expect(run).toMatchObject({ queued: 3, sent: 1, retried: 1, failed: 1 });
    const failed = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { job: "morning-digest", status: "failed" } });
    expect(failed.lastError).toBe("not_allowed_token_type");

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      d.out.failNext(new SendError("timeout", true));
      t.clock.set(new Date(t.clock.now.getTime() + 60 * 60_000).toISOString());
      await deliverDue(d);
    }
    const gaveUp = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { job: "morning-digest", status: "failed", lastError: "timeout" } });
    expect(gaveUp.attempts).toBe(MAX_ATTEMPTS);
    expect(d.out.delivered).toHaveLength(1);
  });

  it("resumes a message whose sender died mid-send, telling the messenger it may have arrived", async () => {
    await seed("crash", "crash-rep", "Asia/Shanghai", [], ["CR"]);
    const d = deps();
    t.clock.set(new Date(t.clock.now.getTime() + 3 * DAY).toISOString());
    // A process that enqueued, claimed and died: the row is left "sending" with a lease.
    await runMorningDigest({ ...d, messengers: [] }, { now: t.clock.now, workspace: "crash", digestAt: "09:00" });
    await t.db.prisma.outboxMessage.updateMany({ where: { recipient: "user:crash-rep" }, data: { status: "sending", lockedUntil: new Date(t.clock.now.getTime() + 120_000) } });
    expect(await deliverDue(d)).toEqual({ sent: 0, retried: 0, failed: 0 }); // lease still held
    t.clock.set(new Date(t.clock.now.getTime() + 121_000).toISOString());
    expect(await deliverDue(d)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(d.out.delivered[0]!.options).toEqual({ resumed: true });
  });

  it("paces sends to the messenger's rate, one slot after the other in the budget kept in the database", async () => {
    await seed("pace", "pace-a", "Asia/Shanghai", [], ["PA"]);
    await seed("pace", "pace-b", "Asia/Shanghai", [], ["PB"]);
    await seed("pace", "pace-c", "Asia/Shanghai", [], ["PC"]);
    const d = deps(recordingMessenger("console", { scope: "workspace", initialPerSecond: 1, maxPerSecond: 1, minPerSecond: 1 }));
    t.clock.set(new Date(t.clock.now.getTime() + 3 * DAY).toISOString());
    await runMorningDigest({ ...d, messengers: [] }, { now: t.clock.now, workspace: "pace", digestAt: "09:00" });
    const sleeps: number[] = [];
    const sleep = async (ms: number) => {
      sleeps.push(ms);
      t.clock.set(new Date(t.clock.now.getTime() + ms).toISOString());
    };
    const stats = await deliverDue({ ...d, sleep, concurrency: 1 });
    expect(stats.sent).toBe(3);
    expect(sleeps).toEqual([1_000, 1_000]);
  });
});
