import { describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";

const t = useCrm();
const FULL = 'province=广东 contact=李总 title=总经理 mobile=13800138000 address="佛山市顺德区 1 号"';
const LOG = "聊了二十分钟：三个酒店厨房工程，需要商用电磁炉，20 台报价，预算已批，下周三前回复，决策人李总本人";

async function numberOf(reply: { ok: boolean; text: string }): Promise<number> {
  expect(reply.ok, reply.text).toBe(true);
  return Number(/#(\d+)/.exec(reply.text)![1]);
}

describe("edit keeps the filing rules", () => {
  const boss = t.person("edit-boss");
  const rep = t.person("edit-rep");
  const other = t.person("edit-other");

  it("records calllog= as a call and restarts the call interval", async () => {
    await boss.run("help");
    const n = await numberOf(await rep.run("add EditCallCo grade=A"));
    t.clock.advanceDays(2);
    expect((await rep.run(`edit #${n} calllog="asked for the catalogue"`)).ok).toBe(true);
    const customer = await t.db.prisma.customer.findFirstOrThrow({ where: { number: n } });
    const calls = await t.db.prisma.activity.findMany({ where: { customerId: customer.id, channel: "call" } });
    expect(calls.map((c) => c.content)).toEqual(["asked for the catalogue"]);
    expect(customer.lastTouchAt?.toISOString()).toBe(t.clock.now.toISOString());
  });

  it("runs the duplicate check when the company or mobile changes", async () => {
    await other.run("add 'Taken Kitchens' mobile=13911112222");
    const n = await numberOf(await rep.run("add Mine"));
    const byName = await rep.run(`edit #${n} company="taken kitchens ltd"`);
    expect(byName.ok).toBe(false);
    // Not filed yet: "on record", not "filed".
    expect(byName.text).toMatch(/^Already on record as #\d+ \(owner: edit-other\) — same company/);
    expect((await rep.run(`edit #${n} mobile=13911112222`)).text).toMatch(/same mobile number/);
    expect((await rep.run(`edit #${n} company=Mine2`)).ok).toBe(true);
    expect((await rep.run(`edit #${n} company=Mine2 title=Boss`)).ok).toBe(true); // its own name is no duplicate
  });

  it("sends a filed record back to be filed again when a rep changes its filing fields", async () => {
    const n = await numberOf(await rep.run(`add FiledCo ${FULL}`));
    await rep.run(`log #${n} call ${LOG}`);
    await rep.run(`file #${n}`);
    await boss.run(`approve #${n}`);
    expect((await rep.run(`edit #${n} note=vip`)).text).toBe(`Updated #${n}.`);
    expect((await t.db.prisma.customer.findFirstOrThrow({ where: { number: n } })).filingStatus).toBe("approved");
    const changed = await rep.run(`edit #${n} mobile=13700001111`);
    expect(changed.text).toBe(`Updated #${n}. Its filing details changed, so it must be filed again: /prospect file #${n}`);
    expect((await t.db.prisma.customer.findFirstOrThrow({ where: { number: n } })).filingStatus).toBe("none");
  });
});

describe("edit's words", () => {
  async function row(workspace: string, number: number) {
    return t.db.prisma.customer.findFirstOrThrow({ where: { workspace: { externalId: workspace }, number } });
  }

  it("asks which customer, and for something to change, in English and Chinese", async () => {
    const rep = t.person("ew-rep", { workspace: "edit-words" });
    const zh = t.person("ew-zh", { workspace: "edit-words", locale: "zh-CN" });
    const n = await numberOf(await rep.run("add Wordy"));
    const bare = await rep.run("edit");
    expect([bare.ok, bare.code, bare.text]).toEqual([false, "missing_ref", "Which customer? Give its number like #12, or part of its name."]);
    const nothing = await rep.run(`edit #${n}`);
    expect([nothing.code, nothing.text]).toEqual(["nothing_to_edit", "Nothing to change: add key=value pairs, e.g. /prospect edit #12 title=CEO"]);
    const m = await numberOf(await zh.run("新增 乙公司"));
    expect((await zh.run(`修改 #${m}`)).text).toBe("没有要修改的内容：请写“字段=值”，例如 客户 修改 #12 职位=总经理");
  });

  it("refuses words besides the customer, naming them, and changes nothing", async () => {
    const rep = t.person("ew-rep", { workspace: "edit-unread" });
    const n = await numberOf(await rep.run("add Unread"));
    const refused = await rep.run(`edit #${n} the boss title=CEO`);
    expect([refused.ok, refused.code, refused.text]).toEqual([false, "usage", 'I could not read "the boss": this command takes nothing there. Check /prospect help.']);
    expect((await row("edit-unread", n)).title).toBeNull();
  });

  it("moves the stage and records the MAN letters", async () => {
    const rep = t.person("ew-rep", { workspace: "edit-move" });
    const n = await numberOf(await rep.run("add Mover grade=A"));
    expect((await rep.run(`edit #${n} stage=intention man=MN`)).text).toBe(`Updated #${n}.`);
    expect(await row("edit-move", n)).toMatchObject({ stage: "intention", manMoney: true, manAuthority: false, manNeed: true });
  });

  it("names a stage the customer may not enter with the other bad fields, in one reply, and changes nothing", async () => {
    const rep = t.person("ew-rep", { workspace: "edit-prereq" });
    await t.person("ew-admin", { workspace: "edit-prereq" }).run("help");
    const n = await numberOf(await rep.run("add Early"));
    const refused = await rep.run(`edit #${n} mobile=123 stage=selection title=CEO`);
    expect(refused.ok).toBe(false);
    expect(Object.keys(refused.fieldErrors!)).toEqual(["mobile", "stage"]);
    expect(refused.text).toContain('Mobile: "123" is not valid');
    expect(refused.text).toContain(`#${n} cannot move to Selection yet: `);
    expect(await row("edit-prereq", n)).toMatchObject({ stage: "potential", title: null });
  });
});

describe("calllog= answers the call that is due", () => {
  // Potential A: a call every 7 days, overdue 3 days later. Added Mon 23 Nov 10:00 in Shanghai,
  // the call is due from Mon 30 Nov 00:00 there and overdue from Thu 3 Dec 00:00.
  it("stores on the call the due date and overdue moment it answers, from the due instant on", async () => {
    const rep = t.person("due-rep", { workspace: "edit-due" });
    const n = await numberOf(await rep.run("add EditDueCo grade=A"));
    t.clock.set("2026-11-29T16:00:00.000Z"); // the due instant
    expect((await rep.run(`edit #${n} calllog="asked about the budget"`)).ok).toBe(true);
    const { id } = await t.db.prisma.customer.findFirstOrThrow({ where: { company: "EditDueCo" } });
    const calls = await t.db.prisma.activity.findMany({ where: { customerId: id } });
    expect(calls.map(({ dueAt, overdueAt }) => ({ dueAt, overdueAt }))).toEqual([
      { dueAt: new Date("2026-11-30T00:00:00+08:00"), overdueAt: new Date("2026-12-03T00:00:00+08:00") },
    ]);
  });

  it("stores nothing due on a call made when only the SMS is due", async () => {
    // Potential B: an SMS every 7 days (due Mon 30 Nov), a call every 10 (due Thu 3 Dec).
    const rep = t.person("sms-rep", { workspace: "edit-sms" });
    const n = await numberOf(await rep.run("add EditSmsCo grade=B"));
    t.clock.set("2026-12-01T02:00:00.000Z"); // Tue 1 Dec
    expect((await rep.run(`edit #${n} calllog="asked about the budget"`)).ok).toBe(true);
    const { id } = await t.db.prisma.customer.findFirstOrThrow({ where: { company: "EditSmsCo" } });
    const calls = await t.db.prisma.activity.findMany({ where: { customerId: id } });
    expect(calls.map(({ dueAt, overdueAt }) => ({ dueAt, overdueAt }))).toEqual([{ dueAt: null, overdueAt: null }]);
  });

  it("stores nothing due on a call made before the call is due", async () => {
    const rep = t.person("early-rep", { workspace: "edit-early" });
    const n = await numberOf(await rep.run("add EditEarlyCo grade=A"));
    t.clock.set("2026-11-29T15:59:59.999Z"); // a moment before it is due
    expect((await rep.run(`edit #${n} calllog="asked about the budget"`)).ok).toBe(true);
    const { id } = await t.db.prisma.customer.findFirstOrThrow({ where: { company: "EditEarlyCo" } });
    const calls = await t.db.prisma.activity.findMany({ where: { customerId: id } });
    expect(calls.map(({ dueAt, overdueAt }) => ({ dueAt, overdueAt }))).toEqual([{ dueAt: null, overdueAt: null }]);
  });
});

describe("role with a name two people share", () => {
  it("lists them instead of picking one", async () => {
    const admin = t.person("role-admin", { workspace: "names" });
    await admin.run("help");
    await t.crm.execute({ ...t.person("U1", { workspace: "names" }).identity, displayName: "Li" }, "help");
    await t.crm.execute({ ...t.person("U2", { workspace: "names" }).identity, displayName: "Li" }, "help");
    expect((await admin.run("role @Li director")).text).toBe("Several people are called @Li: Li (U1), Li (U2). Use their id (the part in brackets).");
    expect((await admin.run("role U2 director")).text).toBe("Li is now director.");
  });
});

describe.runIf(process.env.DATABASE_URL)("adding at the same moment (PostgreSQL)", () => {
  it("files one customer when several reps add the same company at once", async () => {
    const reps = [1, 2, 3, 4].map((i) => t.person(`racer${i}`, { workspace: "race" }));
    const replies = await Promise.all(reps.map((r, i) => r.run(`add "Race Kitchen Co" mobile=1360000000${i}`)));
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).every((r) => r.code === "duplicate")).toBe(true);
    expect(await t.db.prisma.customer.count({ where: { company: "Race Kitchen Co" } })).toBe(1);
  });
});
