import { describe, expect, it } from "vitest";
import { runCalendarNotice, missingCalendarYear } from "../../src/jobs/calendar-notice.job.ts";
import type { JobDeps } from "../../src/jobs/job-deps.ts";
import { runMorningDigest } from "../../src/jobs/morning-digest.job.ts";
import { useCrm } from "../support/crm-fixture.ts";
import { recordingMessenger } from "../support/recording-messenger.ts";

// Mon 28 Sep 2026, 10:00 in Shanghai: 国庆节 (1–7 Oct) is coming.
const t = useCrm({ start: "2026-09-28T02:00:00Z" });

function deps(messenger = recordingMessenger()): JobDeps & { out: ReturnType<typeof recordingMessenger> } {
  const logger = { info() {}, warn() {}, error() {} };
  return { prisma: t.db.prisma, playbook: t.crm.playbook, messengers: [messenger.messenger], now: () => t.clock.now, logger, out: messenger };
}

describe("the morning list on the work calendar", () => {
  it("is not sent on 国庆节 nor on a Sunday, and is sent on the 调休 Saturday", async () => {
    const rep = t.person("holiday-rep", { workspace: "holidays" });
    expect((await rep.run("add Busy stage=selection force=yes")).ok).toBe(true); // the workspace's admin, forcing; Mon 28 Sep: call due Thu 1 Oct, a holiday → Thu 8 Oct
    const d = deps();
    const run = (iso: string) => runMorningDigest(d, { now: new Date(iso), workspace: "holidays", digestAt: "09:00" });
    await run("2026-10-02T01:30:00Z"); // 国庆节
    await run("2026-10-04T01:30:00Z"); // a Sunday inside the holiday
    expect(d.out.delivered).toHaveLength(0);
    await run("2026-10-08T01:30:00Z"); // the first working day: due today
    expect(d.out.delivered.map((x) => x.reply.cards[0]!.sections[0]!.items[0])).toEqual(["Call: due today"]);
    // Saturday 10 Oct, a make-up working day: the list comes, and selection's two days of slack
    // after 8 Oct end on it — overdue.
    await run("2026-10-10T01:30:00Z");
    expect(d.out.delivered).toHaveLength(2);
    expect(d.out.delivered[1]!.reply.cards[0]!.sections[0]!.items[0]).toBe("Call: overdue, due 2 days ago");
  });

  it("is sent every day once the workspace chose no calendar", async () => {
    const admin = t.person("no-cal-admin", { workspace: "no-calendar" });
    expect((await admin.run("add Daily stage=selection force=yes")).ok).toBe(true);
    expect((await admin.run("setup calendar none")).text).toBe("Work calendar off: every day is a working day.");
    const row = await t.db.prisma.customer.findFirstOrThrow({ where: { company: "Daily" } });
    expect(row.nextDueAt).toEqual(new Date("2026-10-01T00:00:00+08:00")); // recomputed without days off
    const d = deps();
    await runMorningDigest(d, { now: new Date("2026-10-02T01:30:00Z"), workspace: "no-calendar", digestAt: "09:00" });
    expect(d.out.delivered).toHaveLength(1);
    expect((await admin.run("setup calendar moon")).text).toContain('"moon" is not a work calendar');
  });
});

describe("the calendar notice", () => {
  it("names the missing year: the current one, or the next from December", () => {
    expect(missingCalendarYear("2026-11-30")).toBeNull();
    expect(missingCalendarYear("2026-12-01")).toBe(2027);
    expect(missingCalendarYear("2027-03-01")).toBe(2027);
  });

  it("tells the admins of a cn workspace once, in their language, and nobody else", async () => {
    const admin = t.person("cal-admin", { workspace: "cal-notice", locale: "zh-CN" });
    await admin.run("帮助");
    const rep = t.person("cal-rep", { workspace: "cal-notice" });
    await rep.run("help");
    const d = deps();
    const first = await runCalendarNotice(d, { now: new Date("2026-12-01T02:07:00Z"), workspace: "cal-notice" });
    expect(first).toMatchObject({ queued: 1, sent: 1 });
    expect(d.out.delivered.map((x) => x.to)).toEqual(["user:cal-notice:cal-admin"]);
    expect(d.out.delivered[0]!.reply.text).toMatch(/^节假日数据还没有 2027 年的安排/);
    const again = await runCalendarNotice(d, { now: new Date("2026-12-02T02:07:00Z"), workspace: "cal-notice" });
    expect(again).toMatchObject({ queued: 0, alreadyDone: 1 });
    expect(d.out.delivered).toHaveLength(1);
  });

  it("tells nobody while the calendar has the year, nor a workspace that chose no calendar; the notice is a plain message", async () => {
    const admin = t.person("cal-quiet", { workspace: "cal-quiet" });
    await admin.run("help");
    const off = t.person("cal-off", { workspace: "cal-off" });
    expect((await off.run("setup calendar none")).ok).toBe(true);
    const d = deps();
    await runCalendarNotice(d, { now: new Date("2026-11-30T02:07:00Z"), workspace: "cal-quiet" });
    await runCalendarNotice(d, { now: new Date("2026-12-01T02:07:00Z"), workspace: "cal-off" });
    expect(d.out.delivered).toEqual([]);
    await runCalendarNotice(d, { now: new Date("2026-12-01T02:07:00Z"), workspace: "cal-quiet" });
    expect(d.out.delivered.map((x) => x.reply)).toMatchObject([{ ok: true, ephemeral: false, cards: [] }]);
  });
});
