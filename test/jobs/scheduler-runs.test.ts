import { afterEach, describe, expect, it, vi } from "vitest";
import { RECEIPT_TTL_MS, startScheduler } from "../../src/jobs/scheduler.ts";
import { useCrm } from "../support/crm-fixture.ts";
import { recordingMessenger } from "../support/recording-messenger.ts";
import { openTestDatabase } from "../support/test-database.ts";

// What the scheduler does between and around its ticks: a failed run is logged under its job's
// name, a per-zone job runs for its zone only, and the time zones are looked up again every hour.
const t = useCrm();

function started(prisma = t.db.prisma) {
  const errors: string[] = [];
  const scheduler = startScheduler(
    { prisma, playbook: t.crm.playbook, messengers: [recordingMessenger().messenger], now: () => t.clock.now, logger: { info() {}, warn() {}, error: (message) => errors.push(message) } },
    { digestAt: "09:00", weeklyCron: "0 9 * * 1" },
  );
  return { scheduler, errors, task: (name: string) => scheduler.tasks().find((task) => task.name === name) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the scheduler's runs", () => {
  it("logs a run that fails under its job's name, and the other tasks still run", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const gone = await openTestDatabase();
    await gone.close();
    const { scheduler, errors, task } = started(gone.prisma);
    try {
      await scheduler.ready;
      expect(errors).toEqual(["scheduled time zones failed"]);
      await task("receipts")!.execute();
      await task("outbox")!.execute();
      await task("morning-digest")!.execute();
      expect(errors).toEqual(["scheduled time zones failed", "scheduled receipt purge failed", "scheduled outbox retries failed", "scheduled morning-digest failed"]);
      // The hourly look-up of the time zones fails the same way, and is named the same.
      await vi.advanceTimersByTimeAsync(60 * 60_000);
      for (let i = 0; i < 200 && errors.length < 5; i++) await settle();
      expect(errors.slice(4)).toEqual(["scheduled time zones failed"]);
    } finally {
      await scheduler.stop();
    }
  });

  it("runs a zone's weekly summary for the workspaces of that zone only, for the week before its clock", async () => {
    for (const [externalId, timeZone] of [["runs-ny", "America/New_York"], ["runs-sh", "Asia/Shanghai"]] as const) {
      await t.db.prisma.workspace.create({ data: { platform: "console", externalId, timeZone } });
      expect((await t.person(`boss-${externalId}`, { workspace: externalId }).run("help")).ok).toBe(true);
    }
    const { scheduler, errors, task } = started();
    try {
      await scheduler.ready;
      t.clock.set("2026-11-30T14:00:00Z"); // Monday 09:00 in New York
      await task("weekly-summary America/New_York")!.execute();
      expect(errors).toEqual([]);
      const ny = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "runs-ny" } });
      const rows = await t.db.prisma.outboxMessage.findMany({ where: { job: "weekly-summary" } });
      expect(rows.map((row) => [row.workspaceId, row.period])).toEqual([[ny.id, "2026-W48"]]);
    } finally {
      await scheduler.stop();
    }
  });

  it("sets up a new workspace's time zone within the hour, once", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    await t.db.prisma.workspace.create({ data: { platform: "console", externalId: "refresh-old", timeZone: "Europe/London" } });
    const { scheduler, task } = started();
    try {
      await scheduler.ready;
      const london = task("weekly-summary Europe/London");
      expect(london).toBeDefined();
      await t.db.prisma.workspace.create({ data: { platform: "console", externalId: "refresh-new", timeZone: "Europe/Berlin" } });
      await vi.advanceTimersByTimeAsync(59 * 60_000);
      await settle();
      expect(task("weekly-summary Europe/Berlin")).toBeUndefined();
      await vi.advanceTimersByTimeAsync(60_000);
      for (let i = 0; i < 200 && !task("weekly-summary Europe/Berlin"); i++) await settle();
      expect(task("weekly-summary Europe/Berlin")).toBeDefined();
      // The hour's lookup leaves a zone it already knows alone: a second cron would send twice.
      expect(task("weekly-summary Europe/London")).toBe(london);
      expect(scheduler.tasks().filter((x) => x.name === "weekly-summary Europe/London")).toHaveLength(1);
    } finally {
      await scheduler.stop();
    }
  });

  it("keeps the replies of the last two days at the daily purge", async () => {
    const rep = t.person("ttl-rep", { workspace: "ttl" });
    await rep.run("add TtlCo", "delivery-ttl");
    const { scheduler, task } = started();
    try {
      await scheduler.ready;
      t.clock.set(new Date(t.clock.now.getTime() + 47 * 3_600_000).toISOString());
      await task("receipts")!.execute();
      expect(await t.db.prisma.commandReceipt.count({ where: { key: "delivery-ttl" } })).toBe(1);
      expect(RECEIPT_TTL_MS).toBe(48 * 3_600_000);
    } finally {
      await scheduler.stop();
    }
  });
});

/** Lets the database answer a query started by a timer. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
