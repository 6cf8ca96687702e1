import { describe, expect, it } from "vitest";
import { addAs, useCrm } from "../support/crm-fixture.ts";

// Mon 23 Nov 2026, 10:00 in Shanghai. Default playbook: a potential A customer is due 7 days
// after it is added (Mon 30 Nov) and overdue 3 days later (Thu 3 Dec).
const t = useCrm();

describe("home: the pipeline a person is responsible for", () => {
  it("counts per stage and grade only the customers the person may see", async () => {
    const boss = t.person("pipe-boss", { workspace: "pipe" });
    await boss.run("help"); // the first person is the admin
    const rep = t.person("pipe-rep", { workspace: "pipe" });
    await addAs(rep, "add PipeA grade=A");
    await addAs(rep, "add PipeB1 grade=B");
    await addAs(rep, "add PipeB2 grade=B");
    await addAs(boss, "add PipeIntA stage=intention grade=A");
    await addAs(boss, "add PipeIntB stage=intention grade=B");
    await addAs(t.person("pipe-elsewhere", { workspace: "pipe-other" }), "add ElsewhereA grade=A");

    const mine = await t.crm.homeView(rep.identity);
    expect(mine.text).toBe("pipe-rep's pipeline");
    expect(mine.cards[0]!.title).toBe("Pipeline");
    expect(mine.cards[0]!.fields).toEqual([
      { label: "Potential", value: "3 (A 1 · B 2 · C 0 · D 0)" },
      { label: "Intention", value: "0" },
      { label: "Selection", value: "0" },
      { label: "Won", value: "0" },
      { label: "Lost", value: "0" },
    ]);

    // The admin sees the whole team of the workspace, and nothing of another.
    const team = await t.crm.homeView(boss.identity);
    expect(team.cards[0]!.fields).toEqual([
      { label: "Potential", value: "3 (A 1 · B 2 · C 0 · D 0)" },
      { label: "Intention", value: "2 (A 1 · B 1)" },
      { label: "Selection", value: "0" },
      { label: "Won", value: "0" },
      { label: "Lost", value: "0" },
    ]);
  });
});

describe("home: today's list", () => {
  it("says nothing is due when nothing is", async () => {
    const rep = t.person("calm-rep", { workspace: "calm" });
    await addAs(rep, "add CalmCo grade=A");
    const view = await t.crm.homeView(rep.identity);
    expect(view.ok).toBe(true);
    expect(view.ephemeral).toBe(false);
    expect(view.cards.map((c) => c.title)).toEqual(["Pipeline", "Nothing is due today. Good time to find new prospects: /prospect add"]);
    expect(view.cards[1]!.footer).toBeUndefined();
  });

  it("shows the first ten due, counts the overdue among them, and says how many more there are", async () => {
    const rep = t.person("busy-rep", { workspace: "busy" });
    for (let i = 1; i <= 6; i++) await addAs(rep, `add Early${i} grade=A`); // overdue on Thu 3 Dec
    t.clock.set("2026-11-26T02:00:00Z"); // Thu 26 Nov
    for (let i = 1; i <= 5; i++) await addAs(rep, `add Late${i} grade=A`); // due on Thu 3 Dec, not overdue yet
    t.clock.set("2026-12-03T02:00:00Z"); // Thu 3 Dec, 10:00
    const view = await t.crm.homeView(rep.identity);
    expect(view.cards[1]!.title).toBe("11 customers to contact today, 6 overdue.");
    expect(view.cards[1]!.footer).toBe("…and 1 more: work through these, then run /prospect due again.");
    expect(view.cards).toHaveLength(2 + 10);
    // Overdue first.
    expect(view.cards.slice(2, 8).map((c) => c.title.replace(/^#\d+ /, ""))).toEqual(["Early1", "Early2", "Early3", "Early4", "Early5", "Early6"]);
  });

  it("has no footer when every due customer is shown", async () => {
    const rep = t.person("few-rep", { workspace: "few" });
    await addAs(rep, "add FewCo grade=A");
    t.clock.set("2026-11-30T02:00:00Z"); // Mon 30 Nov: due today, not overdue
    const view = await t.crm.homeView(rep.identity);
    expect(view.cards[1]!.title).toBe("1 customer to contact today.");
    expect(view.cards[1]!.footer).toBeUndefined();
    expect(view.cards[2]!.title).toMatch(/FewCo$/);
  });
});
