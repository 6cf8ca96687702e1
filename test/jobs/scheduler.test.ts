import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import "../../src/format/dates.ts";
import { enqueueMany } from "../../src/jobs/outbox.ts";
import { purgeReceipts, RECEIPT_TTL_MS, startScheduler } from "../../src/jobs/scheduler.ts";
import { useCrm } from "../support/crm-fixture.ts";
import { recordingMessenger } from "../support/recording-messenger.ts";

const t = useCrm();

/** The bot's scheduler on the fixture's database and clock, sending to a recording messenger; lists at 09:00, the summary Mondays 09:00. */
function startedScheduler() {
  const out = recordingMessenger();
  const scheduler = startScheduler(
    { prisma: t.db.prisma, playbook: t.crm.playbook, messengers: [out.messenger], now: () => t.clock.now, logger: { info() {}, warn() {}, error() {} } },
    { digestAt: "09:00", weeklyCron: "0 9 * * 1" },
  );
  return { out, scheduler };
}

describe("the scheduler (node-cron in the running bot)", () => {
  it("ticks the morning digest every minute, and runs the weekly summary at its cron in each workspace's time zone", async () => {
    // sched-sh is sched-a's first person, so its admin: it may add straight into selection, forced.
    expect((await t.person("sched-sh", { workspace: "sched-a" }).run("add SchedSH stage=selection force=yes")).ok).toBe(true);
    await t.db.prisma.workspace.create({ data: { platform: "console", externalId: "sched-ny", timeZone: "America/New_York" } });
    const { out, scheduler } = startedScheduler();
    try {
      await scheduler.ready;
      const byName = new Map(scheduler.tasks().map((task) => [task.name, task]));
      expect([...byName.keys()].sort()).toEqual(["calendar-notice", "director-digest", "morning-digest", "outbox", "receipts", "weekly-summary America/New_York", "weekly-summary Asia/Shanghai"]);
      for (const zone of ["Asia/Shanghai", "America/New_York"]) {
        const next = byName.get(`weekly-summary ${zone}`)!.getNextRun()!;
        expect(dayjs(next).tz(zone).format("ddd HH:mm")).toBe("Mon 09:00");
      }
      expect(byName.get("morning-digest")!.getPattern()).toBe("* * * * *");

      // A tick at 10:00 Shanghai on the day the customer is due sends the rep's list.
      t.clock.set(new Date(t.clock.now.getTime() + 3 * 86_400_000).toISOString());
      await byName.get("morning-digest")!.execute();
      expect(out.delivered.map((d) => d.key)).toEqual(["morning-digest:2026-11-26:user:sched-sh"]);
      await byName.get("morning-digest")!.execute();
      expect(out.delivered).toHaveLength(1);
    } finally {
      await scheduler.stop();
    }
  });

  it("forgets the replies kept for repeated deliveries once no repeat can come", async () => {
    const rep = t.person("purger", { workspace: "purge" });
    await rep.run("add Kept", "delivery-old");
    t.clock.set(new Date(t.clock.now.getTime() + RECEIPT_TTL_MS - 1000).toISOString());
    await rep.run("add Fresh", "delivery-new");
    t.clock.set(new Date(t.clock.now.getTime() + 2000).toISOString());
    expect(await purgeReceipts({ prisma: t.db.prisma, now: () => t.clock.now })).toBe(1);
    expect((await t.db.prisma.commandReceipt.findMany({ where: { key: { startsWith: "delivery-" } } })).map((r) => r.key)).toEqual(["delivery-new"]);
  });

  it("waits for each person's 09:00 on a tick of the morning digest", async () => {
    expect((await t.person("sched-early", { workspace: "sched-c" }).run("add EarlyCo stage=selection force=yes")).ok).toBe(true);
    const { out, scheduler } = startedScheduler();
    try {
      await scheduler.ready;
      const tick = scheduler.tasks().find((task) => task.name === "morning-digest")!;
      const mine = () => out.delivered.map((d) => d.key).filter((key) => key.endsWith(":sched-early"));
      t.clock.set("2026-11-26T00:30:00Z"); // Thursday 08:30 in Shanghai, the day EarlyCo's call is due
      await tick.execute();
      expect(mine()).toEqual([]);
      t.clock.set("2026-11-26T01:00:00Z"); // 09:00
      await tick.execute();
      expect(mine()).toEqual(["morning-digest:2026-11-26:user:sched-early"]);
    } finally {
      await scheduler.stop();
    }
  });

  it("purges the receipts at 03:17 every day, retries the outbox at :30 every minute, and stops every task", async () => {
    const rep = t.person("sched-p", { workspace: "sched-p" });
    await rep.run("add Kept", "delivery-sched-old");
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "sched-p" } });
    const { out, scheduler } = startedScheduler();
    try {
      await scheduler.ready;
      const byName = new Map(scheduler.tasks().map((task) => [task.name, task]));
      expect(byName.get("receipts")!.getPattern()).toBe("17 3 * * *");
      expect(byName.get("outbox")!.getPattern()).toBe("30 * * * * *");
      // Two days (48 hours) and a second later, the receipt is forgotten.
      t.clock.set(new Date(t.clock.now.getTime() + 48 * 3600_000 + 1_000).toISOString());
      await byName.get("receipts")!.execute();
      expect(await t.db.prisma.commandReceipt.count({ where: { key: "delivery-sched-old" } })).toBe(0);
      await enqueueMany(t.db.prisma, [{ workspaceId: ws.id, job: "test-job", period: "p1", platform: "console", target: { kind: "user", userId: "U1" }, reply: { text: "hi" } as never }], t.clock.now);
      await byName.get("outbox")!.execute();
      expect(out.delivered.map((d) => d.key).filter((key) => key.startsWith("test-job:"))).toEqual(["test-job:p1:user:U1"]);
    } finally {
      await scheduler.stop();
    }
    expect(scheduler.tasks().map((task) => task.getStatus())).toEqual(scheduler.tasks().map(() => "destroyed"));
  });
});
