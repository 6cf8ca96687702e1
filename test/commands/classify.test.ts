import { describe, expect, it } from "vitest";
import { addAs, useCrm } from "../support/crm-fixture.ts";

const t = useCrm();

async function history(number: number) {
  const customer = await t.db.prisma.customer.findFirstOrThrow({ where: { number }, orderBy: { createdAt: "desc" } });
  const changes = await t.db.prisma.stageChange.findMany({ where: { customerId: customer.id }, orderBy: { at: "asc" } });
  return { customer, changes: changes.map((c) => [c.fromStage, c.fromGrade, c.toStage, c.toGrade]) };
}

describe("grade, stage, won and lost", () => {
  it("regrades and records the move; a bad grade names the valid ones", async () => {
    const rep = t.person("grader");
    const n = await addAs(rep, "add GradeCo");
    expect((await rep.run(`grade #${n} a`)).text).toBe(`#${n} is now Potential · A.`);
    expect((await rep.run(`grade #${n} Z`)).text).toBe('"Z" is not a grade of Potential. Grades: A, B, C, D.');
    expect((await rep.run(`grade #${n}`)).text).toBe("Which grade? e.g. /prospect grade #12 A");
    expect((await history(n)).changes).toEqual([
      [null, null, "potential", "D"],
      ["potential", "D", "potential", "A"],
    ]);
  });

  it("moves between stages by id or Chinese name, taking the new stage's default grade when the old one does not exist", async () => {
    const rep = t.person("stager");
    const n = await addAs(rep, "add StageCo grade=C");
    expect((await rep.run(`stage #${n} 意向`)).text).toBe(`#${n} is now Intention · B.`);
    expect((await rep.run(`stage #${n} intention A`)).text).toBe(`#${n} is now Intention · A.`);
    // Selection also needs an approved filing (the default playbook's prerequisites).
    expect((await rep.run(`stage #${n} selection`)).code).toBe("prerequisites");
    await t.db.prisma.customer.updateMany({ where: { number: n, workspace: { externalId: "ws1" } }, data: { filingStatus: "approved" } });
    expect((await rep.run(`stage #${n} selection`)).text).toBe(`#${n} is now Selection.`);
    const bad = await rep.run(`stage #${n} heaven`);
    expect(bad.text).toMatch(/^"heaven" is not a stage\. Stages: potential \(Potential\), intention/);
    expect((await rep.run(`stage #${n} lost`)).text).toBe(`To mark #${n} lost, give the reason: /prospect lost #${n} <reason>`);
    const { customer } = await history(n);
    expect(customer).toMatchObject({ stage: "selection", grade: null });
  });

  it("marks won with an amount in 万, and lost needs a reason, normalised to the playbook's list", async () => {
    const rep = t.person("closer");
    const won = await addAs(rep, "add WonCo stage=intention grade=A");
    expect((await rep.run(`won #${won} 5万`)).text).toBe(`#${won} is now Won.`);
    const wonRow = (await history(won)).customer;
    expect(wonRow.wonAt?.toISOString()).toBe(t.clock.now.toISOString());
    const orders = await t.db.prisma.order.findMany({ where: { customerId: wonRow.id } });
    expect(orders.map((o) => [o.kind, o.amount?.toString()])).toEqual([["win", "50000"]]);
    expect((await rep.run(`won #${won} 6万`)).text).toBe(`#${won} is already won. Record a repeat order with /prospect order #${won} <amount>.`);
    expect((await rep.run(`won #${won} lots`)).text).toContain('I could not read "lots" as an amount');

    const lost = await addAs(rep, "add LostCo");
    const noReason = await rep.run(`lost #${lost}`);
    expect(noReason.ok).toBe(false);
    expect(noReason.text).toMatch(/^Why was it lost\? Give a reason, e\.g\. /);
    expect((await rep.run(`lost #${lost} 太贵了，选了别家`)).ok).toBe(true);
    const lostRow = (await history(lost)).customer;
    expect(lostRow).toMatchObject({ stage: "lost", grade: null, lostReason: "price", nextDueAt: null });
    const note = await t.db.prisma.activity.findFirstOrThrow({ where: { customerId: lostRow.id, channel: "note" } });
    expect(note.content).toBe("太贵了，选了别家");

    // Reactivation: back to an open stage clears the reason and restarts the cadence.
    expect((await rep.run(`stage #${lost} potential`)).text).toBe(`#${lost} is now Potential · D.`);
    const back = (await history(lost)).customer;
    expect(back.lostReason).toBeNull();
    expect(back.nextDueAt).not.toBeNull();
  });

  it("asks which grade or stage when none is given, in English and Chinese, and moves nothing", async () => {
    const rep = t.person("asker", { workspace: "classify-ask" });
    const zh = t.person("asker-zh", { workspace: "classify-ask", locale: "zh-CN" });
    const n = await addAs(rep, "add AskCo");
    const m = await addAs(zh, "新增 问公司");
    const grade = await rep.run(`grade #${n}`);
    expect([grade.ok, grade.code, grade.text]).toEqual([false, "missing_grade", "Which grade? e.g. /prospect grade #12 A"]);
    const stage = await rep.run(`stage #${n}`);
    expect([stage.ok, stage.code, stage.text]).toEqual([false, "missing_stage", "Which stage? e.g. /prospect stage #12 intention"]);
    expect((await zh.run(`定级 #${m}`)).text).toBe("调整为哪个等级？例：客户 定级 #12 A");
    expect((await zh.run(`阶段 #${m}`)).text).toBe("调整到哪个阶段？例：客户 阶段 #12 意向");
    const moves = await t.db.prisma.stageChange.count({ where: { customer: { workspace: { externalId: "classify-ask" } } } });
    expect(moves).toBe(2); // the two adds
  });

  it("lets a director force a stage past its prerequisites with force=yes, recorded as forced", async () => {
    const boss = t.person("forcer", { workspace: "classify-force" });
    const n = await addAs(boss, "add ForceCo");
    expect((await boss.run(`stage #${n} selection`)).code).toBe("prerequisites");
    t.clock.advanceDays(1);
    expect((await boss.run(`stage #${n} selection force=yes`)).text).toBe(`#${n} is now Selection.`);
    const { id } = await t.db.prisma.customer.findFirstOrThrow({ where: { workspace: { externalId: "classify-force" }, number: n } });
    const changes = await t.db.prisma.stageChange.findMany({ where: { customerId: id }, orderBy: { at: "asc" } });
    expect(changes.map((c) => [c.toStage, c.forced])).toEqual([["potential", false], ["selection", true]]);
  });

  it("keeps an unknown lost reason in the rep's words", async () => {
    const rep = t.person("closer2");
    const n = await addAs(rep, "add OddCo");
    await rep.run(`lost #${n} the owner emigrated`);
    expect((await history(n)).customer.lostReason).toBe("the owner emigrated");
  });
});

describe("edit, show and list", () => {
  it("edits fields, clears one with key=, and moves the stage through edit too", async () => {
    const rep = t.person("editor");
    const n = await addAs(rep, "add EditCo email=a@b.cn");
    const reply = await rep.run(`edit #${n} title=CEO email= 省份=广东 grade=B`);
    expect(reply.text).toBe(`Updated #${n}.`);
    const { customer, changes } = await history(n);
    expect(customer).toMatchObject({ title: "CEO", email: null, province: "广东", grade: "B" });
    expect(changes.at(-1)).toEqual(["potential", "D", "potential", "B"]);
    expect((await rep.run(`edit #${n}`)).text).toMatch(/^Nothing to change/);
    expect((await rep.run(`edit #${n} company=`)).text).toBe("Company is required.");
  });

  it("finds customers by name fragment and lists candidates when it is ambiguous", async () => {
    const rep = t.person("finder");
    const a = await addAs(rep, "add 'Guangzhou Alpha Kitchens' contact=Wang");
    const b = await addAs(rep, "add 'Guangzhou Beta Kitchens'");
    expect((await rep.run("show alpha")).cards[0]!.title).toBe(`#${a} Guangzhou Alpha Kitchens`);
    expect((await rep.run("show wang")).cards[0]!.title).toBe(`#${a} Guangzhou Alpha Kitchens`);
    const ambiguous = await rep.run("show kitchens");
    expect(ambiguous.ok).toBe(false);
    expect(ambiguous.text).toContain(`#${a} Guangzhou Alpha Kitchens (Wang)`);
    expect(ambiguous.text).toContain(`#${b} Guangzhou Beta Kitchens`);
    expect((await rep.run("show nothing-like-it")).text).toMatch(/^No customer of yours matches "nothing-like-it"/);
    expect((await rep.run("show #9999")).text).toBe("There is no customer #9999. /prospect list shows yours.");
  });

  it("lists by stage and grade, soonest due first", async () => {
    const rep = t.person("lister", { workspace: "list-ws" });
    await addAs(rep, "add L1 grade=D");
    await addAs(rep, "add L2 grade=A");
    await addAs(rep, "add L3 stage=intention grade=A");
    const all = await rep.run("list");
    expect(all.cards[0]!.title).toBe("Team customers (3)"); // the first person in a workspace is its admin
    expect(all.cards[0]!.sections[0]!.items.map((i) => i.split(" · ")[0])).toEqual(["#2 L2", "#3 L3", "#1 L1"]);
    const filtered = await rep.run("list potential A");
    expect(filtered.cards[0]!.sections[0]!.items).toHaveLength(1);
    expect(filtered.cards[0]!.title).toBe("Team customers · Potential grade A (1)");
    expect((await rep.run("list 意向")).cards[0]!.sections[0]!.items[0]).toMatch(/^#3 L3/);
    expect((await rep.run("list won")).text).toBe("No customers match.");
    expect((await rep.run("list purple")).text).toBe('"purple" is not a stage, a grade, "mine" or "team".');
  });
});
