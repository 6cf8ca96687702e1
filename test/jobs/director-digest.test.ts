import { describe, expect, it } from "vitest";
import type { JobDeps } from "../../src/jobs/job-deps.ts";
import { directorDigestJob, runDirectorDigest } from "../../src/jobs/director-digest.job.ts";
import { addAs, addSelection, useCrm } from "../support/crm-fixture.ts";
import { recordingMessenger } from "../support/recording-messenger.ts";

/**
 * The director's daily grip with a pinned clock: escalation exactly once per overdue episode,
 * reclaim to the shared pool with a notice first, and the director's morning list once a day.
 */
const t = useCrm();
const DAY = 86_400_000;

function setup(workspace: string) {
  const out = recordingMessenger();
  const logs: string[] = [];
  const deps: JobDeps = { prisma: t.db.prisma, playbook: t.crm.playbook, messengers: [out.messenger], now: () => t.clock.now, logger: { info: (line: string) => logs.push(line), warn() {}, error() {} } };
  const run = (options: { respectLocalTime?: boolean } = {}) => runDirectorDigest(deps, { now: t.clock.now, workspace, digestAt: "09:00", ...options });
  const boss = t.person("boss", { workspace });
  const rep = t.person("rep", { workspace });
  const texts = (to: string) => out.delivered.filter((d) => d.to === `user:${workspace}:${to}`).map((d) => d.reply.text);
  return { out, run, boss, rep, texts, logs };
}

describe("escalation", () => {
  it("tells the director and the rep once per overdue episode", async () => {
    const { run, boss, rep, texts } = setup("escalate");
    await boss.run("help");
    // Day counting without days off: this test is about episodes, not the work calendar.
    expect((await boss.run("setup calendar none")).ok).toBe(true);
    const n = await addSelection(t, rep, "add Escalate Co"); // call due after 3 days, overdue after 5
    t.clock.advanceDays(5);
    await run();
    expect(texts("rep")).toEqual([]); // overdue today, not yet a day past it
    t.clock.advanceDays(1);
    await run();
    expect(texts("rep")).toEqual([`#${n} Escalate Co is overdue past its threshold: your director has been told. Log a touch to clear it.`]);
    const list = texts("boss");
    expect(list).toHaveLength(2);
    expect(list[1]).toMatch(/^Good morning, boss: 1 tracked overdue\.$/);
    await run();
    t.clock.advanceDays(1);
    await run();
    expect(texts("rep")).toHaveLength(1); // the same episode: told once
    await rep.run(`log #${n} call confirmed the model, sending the quote`);
    t.clock.advanceDays(6); // overdue again, a day past: a new episode
    await run();
    expect(texts("rep")).toHaveLength(2);
  });
});

describe("reclaim to the shared pool", () => {
  it("warns the rep three days before, then returns the customer with the reason; a touch restarts the count", async () => {
    const { run, boss, rep, texts } = setup("reclaim");
    await boss.run("help");
    const kept = await addAs(rep, "add Kept Co");
    const idle = await addAs(rep, "add Idle Co");
    t.clock.advanceDays(27); // not filed within 30 days: warned at 27
    await run();
    expect(texts("rep").sort()).toEqual([
      `#${idle} Idle Co goes back to the shared pool on Wed 23 Dec 2026 unless you log a touch before then.`,
      `#${kept} Kept Co goes back to the shared pool on Wed 23 Dec 2026 unless you log a touch before then.`,
    ].sort());
    // A handover restarts the count for the new owner.
    await t.person("other", { workspace: "reclaim" }).run("help");
    await boss.run(`assign #${kept} @other`);
    t.clock.advanceDays(3);
    await run();
    expect(texts("rep")).toContain(`#${idle} Idle Co went back to the shared pool: not filed within 30 days.`);
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "reclaim" } });
    const rows = await t.db.prisma.customer.findMany({ where: { workspaceId: ws.id }, orderBy: { number: "asc" } });
    expect(rows.map((c) => [c.number, c.pooledAt !== null])).toEqual([[kept, false], [idle, true]]);
    expect((await rep.run(`claim #${idle}`)).code).toBe("cooldown");
    const history = await boss.run(`show #${idle}`);
    expect(history.cards[0]!.sections.find((s) => s.title === "Owner history")!.items).toEqual(["Wed 23 Dec 2026 rep → — (not filed within 30 days)"]);
  });

  it("returns a filed customer nobody touched for the stage's days", async () => {
    const { run, boss, rep, texts } = setup("idle");
    await boss.run("help");
    const n = await addAs(rep, "add Filed Co stage=intention");
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "idle" } });
    await t.db.prisma.customer.update({ where: { workspaceId_number: { workspaceId: ws.id, number: n } }, data: { filingStatus: "approved" } });
    const pool = () => texts("rep").filter((text) => text.includes("shared pool"));
    t.clock.advanceDays(26);
    await run();
    expect(pool()).toEqual([]);
    t.clock.advanceDays(1); // intention: 30 days without a touch, warned at 27
    await run();
    expect(pool()).toHaveLength(1);
    t.clock.advanceDays(3);
    await run();
    expect(pool()[1]).toBe(`#${n} Filed Co went back to the shared pool: no touch for 30 days.`);
  });
});

describe("the director's morning list", () => {
  it("goes once per day per director, and not at all when there is nothing to act on", async () => {
    const { run, boss, rep, texts, out } = setup("daily");
    await boss.run("help");
    await run();
    expect(texts("boss")).toEqual([]);
    const n = await addAs(rep, `add "Daily Co" stage=intention grade=A`);
    t.clock.advanceDays(11); // intention A: weekly; overdue after 10
    await run();
    await run();
    const lists = out.delivered.filter((d) => d.to === "user:daily:boss");
    expect(lists).toHaveLength(1);
    const [list] = lists;
    expect(list!.reply.cards.map((c) => c.title)).toEqual(["A-grade intention and selection customers overdue (1)", `#${n} Daily Co · rep`]);
    expect(list!.reply.cards[1]!.actions.map((a) => [a.label, a.kind === "prompt" || a.kind === "run" ? a.command : ""])).toEqual([
      ["Nudge the rep", `nudge #${n}@daily`], ["Reassign", `assign #${n}@daily`], ["Open", `show #${n}@daily`],
    ]);
    expect((await boss.run(`nudge #${n}@daily call before Friday`)).text).toBe(`rep was reminded about #${n} Daily Co.`);
    await run(); // the notice goes out with the next delivery
    expect(texts("rep")).toContain(`boss asks you to follow up #${n} Daily Co: call before Friday.`);
  });
});

describe("the daily run's clock", () => {
  it("waits for 09:00 in the workspace's zone before applying the rules, and in the director's zone before the list, and counts each list once", async () => {
    const { run, boss, rep, texts, logs } = setup("timed");
    await boss.run("help");
    expect((await boss.run("setup calendar none")).ok).toBe(true);
    const n = await addSelection(t, rep, "add Timed Co"); // Mon 23 Nov: overdue after 5 days, escalated a day past that
    t.clock.set("2026-11-30T00:30:00Z"); // Mon 30 Nov, 08:30 in Shanghai
    expect(await run({ respectLocalTime: true })).toMatchObject({ queued: 0, alreadyDone: 0, nothingToSend: 0 });
    expect([texts("rep"), texts("boss"), logs]).toEqual([[], [], []]);

    t.clock.set("2026-11-30T01:00:00Z"); // 09:00
    expect(await run({ respectLocalTime: true })).toMatchObject({ queued: 1, alreadyDone: 0, nothingToSend: 0 });
    expect(texts("rep")).toEqual([`#${n} Timed Co is overdue past its threshold: your director has been told. Log a touch to clear it.`]);
    expect(texts("boss")).toEqual(["Good morning, boss: 1 tracked overdue."]);
    expect(logs).toEqual(["director-rules timed: 0 notices, 0 reclaimed, 1 escalated"]);

    // Later the same day: the rules ran and the list went.
    t.clock.set("2026-11-30T05:00:00Z");
    expect(await run({ respectLocalTime: true })).toMatchObject({ queued: 0, alreadyDone: 1, nothingToSend: 0 });
    expect(texts("rep")).toHaveLength(1);
    expect(texts("boss")).toHaveLength(1);
    expect(logs).toHaveLength(1);
  });

  it("counts a director with nothing to act on, and sends no list on the director's day off", async () => {
    const { run, boss, rep, texts } = setup("dayoff");
    await boss.run("help");
    expect(await run()).toMatchObject({ queued: 0, alreadyDone: 0, nothingToSend: 1 });
    await addAs(rep, `add "Sunday Co" stage=intention grade=A`); // Mon 23 Nov; intention A: weekly, overdue after 10
    t.clock.set("2026-12-06T02:00:00Z"); // Sunday 6 Dec, 10:00 in Shanghai: overdue, but a day off
    expect(await run()).toMatchObject({ queued: 0, alreadyDone: 0, nothingToSend: 0 });
    expect(texts("boss")).toEqual([]);
    t.clock.set("2026-12-07T02:00:00Z"); // Monday
    expect(await run()).toMatchObject({ queued: 1, alreadyDone: 0, nothingToSend: 0 });
    expect(texts("boss")).toHaveLength(1);
  });

  it("counts a list another run queued first as already done, when two runs meet", async () => {
    const { run, boss, rep, texts } = setup("race");
    await boss.run("help");
    await addAs(rep, `add "Race Co" stage=intention grade=A`);
    t.clock.set("2026-12-07T02:00:00Z"); // Monday: overdue since Thu 3 Dec
    const [a, b] = await Promise.all([run(), run()]);
    expect([a.queued + b.queued, a.alreadyDone + b.alreadyDone, a.nothingToSend + b.nothingToSend]).toEqual([1, 1, 0]);
    expect(texts("boss")).toHaveLength(1);
  });

  it("as scheduled, at the deployment's hour, lists for every director and admin, not for a rep", async () => {
    const { boss, rep } = setup("scheduled");
    await boss.run("help");
    await rep.run("help");
    const second = t.person("deputy", { workspace: "scheduled" });
    await second.run("help");
    expect((await boss.run("role @deputy director")).ok).toBe(true);
    const out = recordingMessenger();
    const deps: JobDeps = { prisma: t.db.prisma, playbook: t.crm.playbook, messengers: [out.messenger], now: () => t.clock.now, logger: { info() {}, warn() {}, error() {} } };
    const settings = { digestAt: "11:00", weeklyCron: "0 17 * * 5" };
    // Mon 23 Nov, 10:00 in Shanghai: before the deployment's 11:00.
    expect(await directorDigestJob.run(deps, { now: t.clock.now, workspace: "scheduled", respectLocalTime: true }, settings)).toMatchObject({ queued: 0, nothingToSend: 0 });
    t.clock.set("2026-11-23T03:00:00Z"); // 11:00: the admin and the director, nothing to act on yet
    expect(await directorDigestJob.run(deps, { now: t.clock.now, workspace: "scheduled", respectLocalTime: true }, settings)).toMatchObject({ queued: 0, nothingToSend: 2, alreadyDone: 0 });
  });
});
