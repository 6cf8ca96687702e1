import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import "../../src/format/dates.ts";
import { purgeReceipts, RECEIPT_TTL_MS, startScheduler } from "../../src/jobs/scheduler.ts";
import { useCrm } from "../support/crm-fixture.ts";
import { recordingMessenger } from "../support/recording-messenger.ts";

const t = useCrm();

describe("the scheduler (node-cron in the running bot)", () => {
  it("ticks the morning digest every minute, and runs the weekly summary at its cron in each workspace's time zone", async () => {
    // sched-sh is sched-a's first person, so its admin: it may add straight into selection, forced.
    expect((await t.person("sched-sh", { workspace: "sched-a" }).run("add SchedSH stage=selection force=yes")).ok).toBe(true);
    await t.db.prisma.workspace.create({ data: { platform: "console", externalId: "sched-ny", timeZone: "America/New_York" } });
    const out = recordingMessenger();
    const scheduler = startScheduler(
      { prisma: t.db.prisma, playbook: t.crm.playbook, messengers: [out.messenger], now: () => t.clock.now, logger: { info() {}, warn() {}, error() {} } },
      { digestAt: "09:00", weeklyCron: "0 9 * * 1" },
    );
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
});
