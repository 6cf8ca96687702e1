import { describe, expect, it } from "vitest";
import { complianceByRep, complianceRate } from "../../src/reports/weekly-figures.ts";
import { computeWeeklySummary } from "../../src/reports/weekly-summary.ts";
import { useCrm } from "../support/crm-fixture.ts";

const t = useCrm();

/**
 * Cadence compliance is the share of due touches done on time (issue #10). Potential A in the
 * default playbook: call and SMS every 7 days, overdue 3 days later; a visit counts for both.
 * Shanghai time, the work calendar of the mainland:
 *   Mon 2 Nov   rep adds A1–A4 (grade A): due Mon 9 Nov, overdue Thu 12 Nov
 *   Sat 7 Nov   A4 visited: its next due is Mon 16 Nov (Sat 14 moves to the working day)
 *   Mon 9 Nov   the week starts
 *   Mon 9 Nov   A1 visited on its due day                       → on time
 *   Tue 10 Nov  A4 visited again, nothing due yet               → not a due touch
 *   Fri 13 Nov  A2 visited, a day after it became overdue       → late
 *   —           A3 never touched, overdue since Thu 12 Nov      → owed
 *   Mon 16 Nov 09:00  the summary of the week 9–15 Nov: 1 of 3 on time.
 */
async function buildWeek(workspace: string) {
  const rep = t.person("rep", { workspace });
  const boss = t.person("boss", { workspace });
  await boss.run("help"); // the first person of a workspace is its admin
  const run = async (line: string) => expect((await rep.run(line)).ok, line).toBe(true);
  t.clock.set("2026-11-02T01:00:00Z");
  for (const name of ["A1", "A2", "A3", "A4"]) await run(`add ${name} grade=A`);
  t.clock.set("2026-11-07T03:00:00Z");
  await run("log A4 visit looked at the kitchen");
  t.clock.set("2026-11-09T02:00:00Z");
  await run("log A1 visit measured the kitchen");
  t.clock.set("2026-11-10T02:00:00Z");
  await run("log A4 visit brought the samples");
  t.clock.set("2026-11-13T02:00:00Z");
  await run("log A2 visit late, but went");
  t.clock.set("2026-11-16T01:00:00Z");
}

const WEEK = { start: new Date("2026-11-08T16:00:00Z"), end: new Date("2026-11-15T16:00:00Z") };

describe("cadence compliance: due touches done on time", () => {
  it("counts a touch on its due day as on time, one after the overdue moment as late, an untouched overdue customer as owed, and an early touch not at all", async () => {
    await buildWeek("comp-week");
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "comp-week" } });
    const rep = await t.db.prisma.user.findFirstOrThrow({ where: { workspaceId: ws.id, externalId: "rep" } });
    expect(await complianceByRep(t.db.prisma, ws.id, WEEK, t.clock.now)).toEqual([{ userId: rep.id, onTime: 1, late: 1, owed: 1 }]);
    // One person's: the boss logged nothing and holds nothing.
    const boss = await t.db.prisma.user.findFirstOrThrow({ where: { workspaceId: ws.id, externalId: "boss" } });
    expect(await complianceByRep(t.db.prisma, ws.id, WEEK, t.clock.now, { ownerId: boss.id })).toEqual([]);
    expect(await complianceByRep(t.db.prisma, ws.id, WEEK, t.clock.now, { ownerId: rep.id })).toEqual([{ userId: rep.id, onTime: 1, late: 1, owed: 1 }]);
    // 1 on time of 3 due; nothing due, no share.
    expect(complianceRate({ onTime: 1, late: 1, owed: 1 })).toBeCloseTo(1 / 3);
    expect(complianceRate({ onTime: 2, late: 0, owed: 2 })).toBe(0.5);
    expect(complianceRate({ onTime: 0, late: 0, owed: 0 })).toBeNull();

    const summary = await computeWeeklySummary(t.db.prisma, t.crm.playbook, ws, WEEK, t.clock.now);
    expect(summary.compliance).toEqual([{ owner: "rep", onTime: 1, due: 3 }]);
  });

  it("keeps counting what is still owed in the weeks after, and the touch that settles it as late", async () => {
    await buildWeek("comp-next");
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "comp-next" } });
    const rep = t.person("rep", { workspace: "comp-next" });
    t.clock.set("2026-11-18T02:00:00Z");
    expect((await rep.run("log A3 call finally reached them")).ok).toBe(true);
    t.clock.set("2026-11-23T01:00:00Z");
    const next = { start: new Date("2026-11-15T16:00:00Z"), end: new Date("2026-11-22T16:00:00Z") };
    const summary = await computeWeeklySummary(t.db.prisma, t.crm.playbook, ws, next, t.clock.now);
    // Week 16–22 Nov. A3's call answers the call due since 9 Nov: late; its SMS is still owed (a
    // call does not count for an SMS). A1 (visited 9 Nov) came due on 16 Nov, overdue 19 Nov;
    // A4 (visited 10 Nov) due 17, overdue 20 Nov: both owed. A2 (visited 13 Nov) is overdue
    // only on 23 Nov, after the week. 0 on time of 1 late + 3 owed.
    expect(summary.compliance).toEqual([{ owner: "rep", onTime: 0, due: 4 }]);
  });

  it("says — for a person with nothing due, in the report's table", async () => {
    const rep = t.person("fresh", { workspace: "comp-none" });
    expect((await rep.run("add Z1 grade=A")).ok).toBe(true);
    t.clock.set("2026-11-23T03:00:00Z");
    const reply = await rep.run("report week");
    const reps = reply.cards.find((c) => c.title === "Per rep")!.sections[0]!.items;
    expect(reps).toEqual(["fresh: 1 new · 0 calls · 0 SMS · 0 visits · 0 filings · 0 won · on cadence —"]);
  });
});
