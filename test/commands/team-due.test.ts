import { describe, expect, it } from "vitest";
import { addAs, useCrm } from "../support/crm-fixture.ts";

// Mon 23 Nov 2026, 10:00 in Shanghai. Default playbook: a potential A customer is due (call and
// SMS) 7 days after it is added and overdue 3 days later; a potential B one is due an SMS after 7
// days and a call after 10.
const t = useCrm();

describe("due team: what the whole team must do today", () => {
  it("counts per rep (most overdue, then most due, then by name), lists the most urgent first, and leaves out the pool and tomorrow", async () => {
    const boss = t.person("boss", { workspace: "team-due" });
    await boss.run("help"); // the first person is the admin
    const [li, wang, zhao, chen] = ["li", "wang", "zhao", "chen"].map((name) => t.person(name, { workspace: "team-due" }));
    // Mon 23 Nov: due Mon 30 Nov, overdue from Thu 3 Dec.
    const liOld = await addAs(li!, "add LiOld grade=A");
    const zhaoOld = await addAs(zhao!, "add ZhaoOld grade=A");
    const pooled = await addAs(zhao!, "add ZhaoPooled grade=A");
    expect((await zhao!.run(`release #${pooled} no budget this year`)).ok).toBe(true);
    // Thu 26 Nov: due Thu 3 Dec, not overdue that day.
    t.clock.set("2026-11-26T02:00:00Z");
    const liNew = await addAs(li!, "add LiNew grade=A");
    const wang1 = await addAs(wang!, "add WangNew1 grade=A");
    const wang2 = await addAs(wang!, "add WangNew2 grade=B"); // only its SMS is due on Thu 3 Dec
    const chen1 = await addAs(chen!, "add ChenNew1 grade=A");
    const chen2 = await addAs(chen!, "add ChenNew2 grade=A");
    // Fri 27 Nov: due Fri 4 Dec, the day after.
    t.clock.set("2026-11-27T02:00:00Z");
    await addAs(li!, "add LiLater grade=A");

    t.clock.set("2026-12-03T02:00:00Z"); // Thu 3 Dec, 10:00
    const reply = await boss.run("due team");
    expect(reply.text).toBe("The team: 7 customers to contact today, 2 overdue, across 4 reps.");
    expect(reply.cards[0]!.title).toBe("Due today, per rep");
    expect(reply.cards[0]!.fields).toEqual([
      { label: "li", value: "2 due · 1 overdue" },
      { label: "zhao", value: "1 due · 1 overdue" },
      { label: "chen", value: "2 due" },
      { label: "wang", value: "2 due" },
    ]);
    expect(reply.cards.slice(1).map((c) => c.title)).toEqual([
      `#${liOld} LiOld · li`,
      `#${zhaoOld} ZhaoOld · zhao`,
      `#${liNew} LiNew · li`,
      `#${wang1} WangNew1 · wang`,
      `#${wang2} WangNew2 · wang`,
      `#${chen1} ChenNew1 · chen`,
      `#${chen2} ChenNew2 · chen`,
    ]);
    const lines = (n: number) => reply.cards.find((c) => c.title.startsWith(`#${n} `))!.sections[0]!.items;
    expect(lines(liOld)).toEqual(["Call: overdue, due 3 days ago", "SMS: overdue, due 3 days ago", "Not contacted yet"]);
    expect(lines(liNew)).toEqual(["Call: due today", "SMS: due today", "Not contacted yet"]);
    // The call of WangNew2 is not due until Mon 7 Dec: not on today's list.
    expect(lines(wang2)).toEqual(["SMS: due today", "Not contacted yet"]);
  });

  it("says so when nothing is due for anyone", async () => {
    const boss = t.person("calm-boss", { workspace: "team-calm" });
    await boss.run("help");
    await addAs(t.person("calm-rep", { workspace: "team-calm" }), "add CalmCo grade=A");
    const reply = await boss.run("due team");
    expect(reply.text).toBe("Nothing is due today for anyone in the team.");
    expect(reply.cards).toEqual([]);
  });
});

describe("due team: the order of the list and of the reps", () => {
  it("puts the overdue first even when due later, then the soonest due, then by number; the reps by overdue, due, name", async () => {
    const boss = t.person("boss", { workspace: "team-order" });
    await boss.run("help");
    const names = ["eve", "dan", "cat", "bob", "ann"];
    for (const name of names) await t.person(name, { workspace: "team-order" }).run("help");
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "team-order" } });
    const users = await t.db.prisma.user.findMany({ where: { workspaceId: ws.id } });
    const id = (name: string) => users.find((u) => u.externalId === name)!.id;
    // Thu 3 Dec 2026, 10:00 in Shanghai; every customer below is due by the end of the day.
    t.clock.set("2026-12-03T02:00:00Z");
    const at = (day: number) => new Date(Date.UTC(2026, 10, day, 16)); // 00:00 in Shanghai on the next day
    const rows: [number, string, Date, Date][] = [
      // number, owner, next due, overdue from
      [6, "eve", at(32), at(36)], // written before #5: the tie of #5 and #6 is the number's to break
      [5, "ann", at(32), at(36)],
      [1, "ann", at(30), at(33)], // due first of all, but not overdue yet
      [2, "bob", at(31), at(31)], // overdue since 2 Dec, though due after #1
      [3, "cat", at(32), at(35)],
      [4, "dan", at(29), at(35)], // overdue from the same moment as #3, due earlier
    ];
    await t.db.prisma.customer.createMany({
      data: rows.map(([number, owner, nextDueAt, overdueAt]) => ({
        workspaceId: ws.id, number, ownerId: id(owner), company: `Co${number}`, companyKey: `co${number}`, stage: "potential", grade: "A",
        classifiedAt: new Date("2026-11-20T02:00:00Z"), stageEnteredAt: new Date("2026-11-20T02:00:00Z"), nextDueAt, overdueAt,
      })),
    });
    const reply = await boss.run("due team");
    expect(reply.text).toBe("The team: 6 customers to contact today, 1 overdue, across 5 reps.");
    expect(reply.cards[0]!.fields).toEqual([
      { label: "bob", value: "1 due · 1 overdue" },
      { label: "ann", value: "2 due" },
      { label: "cat", value: "1 due" },
      { label: "dan", value: "1 due" },
      { label: "eve", value: "1 due" },
    ]);
    expect(reply.cards.slice(1).map((c) => c.title)).toEqual(["#2 Co2 · bob", "#1 Co1 · ann", "#4 Co4 · dan", "#3 Co3 · cat", "#5 Co5 · ann", "#6 Co6 · eve"]);
  });
});
