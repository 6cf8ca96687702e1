import { describe, expect, it } from "vitest";
import { cadenceOf } from "../../src/customers/cadence-store.ts";
import { playbookForWorkspace } from "../../src/calendar/workspace-playbook.ts";
import { runMorningDigest } from "../../src/jobs/morning-digest.job.ts";
import { useCrm } from "../support/crm-fixture.ts";
import { recordingMessenger } from "../support/recording-messenger.ts";

// Mon 28 Sep 2026, 10:00 in Shanghai: 国庆节 (1–7 Oct) is near, so the calendar moves due dates.
// Three customers per transaction, so ten customers take four chunks.
const t = useCrm({ start: "2026-09-28T02:00:00Z", refreshChunk: 3 });

/** The stored due dates of every customer of the workspace, against the engine's, one at a time. */
async function mismatches(workspace: string) {
  const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: workspace } });
  const rules = playbookForWorkspace(t.crm.playbook, ws);
  const customers = await t.db.prisma.customer.findMany({ where: { workspaceId: ws.id }, orderBy: { number: "asc" } });
  const wrong: number[] = [];
  for (const c of customers) {
    const engine = await cadenceOf(t.db.prisma, rules, c);
    const same = engine.nextDueAt?.getTime() === c.nextDueAt?.getTime() && engine.overdueAt?.getTime() === c.overdueAt?.getTime() && engine.nextDueChannel === c.nextDueChannel;
    if (!same) wrong.push(c.number);
  }
  return { wrong, pending: ws.cadenceRefreshAfter, count: customers.length };
}

async function team(workspace: string) {
  const admin = t.person(`${workspace}-admin`, { workspace });
  const grades = ["A", "B", "C", "D"];
  for (let i = 0; i < 9; i++) expect((await admin.run(`add Refresh${i} grade=${grades[i % 4]}`)).ok).toBe(true);
  expect((await admin.run("log Refresh1 call talked about the second kitchen")).ok).toBe(true);
  expect((await admin.run("add Gone")).ok).toBe(true);
  expect((await admin.run("lost Gone price")).ok).toBe(true); // no due date: left alone
  return admin;
}

describe("setup calendar recomputes every due date, chunk by chunk", () => {
  it("does the first chunk in the command and the rest after it, each what the engine computes", async () => {
    const admin = await team("chunks");
    const reply = await admin.run("setup calendar none");
    expect(reply.text).toBe(
      "Work calendar off: every day is a working day.\nThe due dates of 6 more customers are being recomputed in the background; lists follow within a minute or two.",
    );
    await t.crm.idle();
    expect(await mismatches("chunks")).toEqual({ wrong: [], pending: null, count: 10 });
    // The dates did move: Refresh0 (potential A, call every 7 days) is due on 国庆节 now.
    const first = await t.db.prisma.customer.findFirstOrThrow({ where: { company: "Refresh0", workspace: { externalId: "chunks" } } });
    expect(first.nextDueAt).toEqual(new Date("2026-10-05T00:00:00+08:00"));
  });

  it("a newer setting wins for every customer, even while the older one is still being applied", async () => {
    const admin = await team("twice");
    await admin.run("setup calendar none");
    await admin.run("setup calendar cn");
    await t.crm.idle();
    expect(await mismatches("twice")).toEqual({ wrong: [], pending: null, count: 10 });
    const first = await t.db.prisma.customer.findFirstOrThrow({ where: { company: "Refresh0", workspace: { externalId: "twice" } } });
    expect(first.nextDueAt).toEqual(new Date("2026-10-08T00:00:00+08:00")); // the first working day after 国庆节
  });

  it("left half done (the bot stopped), it is finished before a job reads the due dates", async () => {
    const admin = await team("resume");
    await admin.run("setup calendar none");
    await t.crm.idle();
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "resume" } });
    // As a stopped bot leaves it: customers up to #4 recomputed, the rest still as they were.
    await t.db.prisma.workspace.update({ where: { id: ws.id }, data: { cadenceRefreshAfter: 4 } });
    await t.db.prisma.customer.updateMany({ where: { workspaceId: ws.id, number: { gt: 4 }, nextDueAt: { not: null } }, data: { nextDueAt: new Date("2030-01-01T00:00:00Z") } });
    expect((await mismatches("resume")).wrong).toEqual([5, 6, 7, 8, 9]);
    const logger = { info() {}, warn() {}, error() {} };
    await runMorningDigest(
      { prisma: t.db.prisma, playbook: t.crm.playbook, messengers: [recordingMessenger().messenger], now: () => t.clock.now, logger },
      { now: t.clock.now, workspace: "resume", digestAt: "09:00" },
    );
    expect(await mismatches("resume")).toEqual({ wrong: [], pending: null, count: 10 });
  });
});
