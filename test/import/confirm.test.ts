import { describe, expect, it } from "vitest";
import { useCrm, type Person } from "../support/crm-fixture.ts";
import type { InputFile, Reply } from "../../src/reply.ts";
import { csv } from "./files.ts";

const t = useCrm();

function send(person: Person, file: InputFile) {
  return t.crm.execute(person.identity, "import", { files: [file] });
}

describe("import: the confirm", () => {
  const admin = t.person("cf-admin", { workspace: "imp-cf" });
  const rep = t.person("cf-rep", { workspace: "imp-cf" });

  it("creates exactly the rows the dry run listed, with stage history, call log and cadence, as add does", async () => {
    const dry = await send(admin, csv([
      ["Company", "Contact", "Mobile", "Grade", "Call log"],
      ["Delta Kitchens", "Zhou", "13500135000", "A", "Talked twenty minutes about three hotel kitchen projects"],
      ["Delta Kitchens Co., Ltd.", "", "", "", ""],
      ["Epsilon", "", "bad", "", ""],
      ["Zeta Steel", "", "", "", ""],
    ]));
    expect(dry.text).toContain("2 to create, 1 duplicates, 1 with mistakes");
    // Added between the dry run and the confirm: not in the dry run, so not in the import.
    const confirm = await admin.run(dry.confirm!);
    expect(confirm.text).toBe("Imported 2 customers (#1–#2). They are due on their grade's cadence from today.");
    const rows = await t.db.prisma.customer.findMany({ where: { workspace: { externalId: "imp-cf" } }, orderBy: { number: "asc" }, include: { changes: true, activities: true } });
    expect(rows.map((r) => [r.number, r.company, r.grade, r.stage])).toEqual([[1, "Delta Kitchens", "A", "potential"], [2, "Zeta Steel", "D", "potential"]]);
    expect(rows[0]!.changes).toHaveLength(1);
    expect(rows[0]!.activities.map((a) => a.channel)).toEqual(["call"]);
    expect(rows.every((r) => r.nextDueAt !== null)).toBe(true);
    // The same cadence `add` gives a customer with the same call log.
    const added = await admin.run("add 'Control Co' grade=A calllog='Talked twenty minutes about three hotel kitchen projects'");
    expect(added.ok).toBe(true);
    const control = await t.db.prisma.customer.findFirstOrThrow({ where: { company: "Control Co" } });
    expect([control.nextDueAt, control.nextDueChannel, control.overdueAt]).toEqual([rows[0]!.nextDueAt, rows[0]!.nextDueChannel, rows[0]!.overdueAt]);
    expect((await admin.run(dry.confirm!)).text).toBe("That import was already carried out.");
  });

  it("is confirmed by a plain yes too, like every dry run; a small import tells no progress", async () => {
    const told: string[] = [];
    const onProgress = (update: Reply) => void told.push(update.text);
    const dry = await t.crm.execute(admin.identity, "import", { files: [csv([["Company"], ["Yes Confirmed Co"]])], onProgress });
    expect(dry.ok).toBe(true);
    expect((await t.crm.execute(admin.identity, "yes", { onProgress })).text).toMatch(/^Imported 1 customer \(/);
    expect(told).toEqual([]);
    expect(await t.db.prisma.customer.count({ where: { company: "Yes Confirmed Co" } })).toBe(1);
  });

  it("imports a won customer as add does (entered, then won with its first order) and refuses one added as lost", async () => {
    const dry = await send(admin, csv([["Company", "Stage"], ["Won Import Co", "won"], ["Lost Import Co", "lost"]]));
    expect(dry.text).toContain("1 to create, 0 duplicates, 1 with mistakes");
    expect((await admin.run(dry.confirm!)).ok).toBe(true);
    const won = await t.db.prisma.customer.findFirstOrThrow({ where: { company: "Won Import Co" }, include: { orders: true, changes: { orderBy: { at: "asc" } } } });
    expect(won.stage).toBe("won");
    expect(won.orders.map((o) => [o.kind, o.amount])).toEqual([["win", null]]);
    expect(won.changes.map((c) => c.toStage)).toEqual(["potential", "won"]);
  });

  it("writes nothing when a listed row became a duplicate since the dry run", async () => {
    const dry = await send(admin, csv([["Company"], ["Eta One"], ["Eta Two"], ["Eta Three"]]));
    await admin.run("add 'Eta Three'");
    const before = await t.db.prisma.customer.count();
    const reply = await admin.run(dry.confirm!);
    expect(reply.ok).toBe(false);
    expect(reply.text).toMatch(/^Line 4: .*#\d+/);
    expect(await t.db.prisma.customer.count()).toBe(before);
    // The failed confirm left the dry run waiting; a fresh file is the way on.
    expect(await t.db.prisma.pendingImport.count({ where: { confirmedAt: { not: null }, fileName: "customers.csv", rows: { not: [] } } })).toBeGreaterThan(0);
  });

  it("writes nothing when the database fails midway, after customers were inserted, and the dry run still waits", async () => {
    const dry = await send(admin, csv([["Company", "Call log"], ["Midway One", ""], ["Midway Two", "explode: the call log insert fails on this one"]]));
    // A failure the checks cannot foresee: the call-log insert fails after the customers are in.
    await t.db.prisma.$executeRawUnsafe(`CREATE FUNCTION explode() RETURNS trigger AS $$ BEGIN IF NEW.content LIKE 'explode%' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await t.db.prisma.$executeRawUnsafe(`CREATE TRIGGER explode BEFORE INSERT ON "Activity" FOR EACH ROW EXECUTE FUNCTION explode()`);
    try {
      const failed = await admin.run(dry.confirm!);
      expect(failed.text).toMatch(/^Something went wrong on our side and nothing was saved/);
    } finally {
      await t.db.prisma.$executeRawUnsafe(`DROP TRIGGER explode ON "Activity"`);
      await t.db.prisma.$executeRawUnsafe(`DROP FUNCTION explode()`);
    }
    expect(await t.db.prisma.customer.count({ where: { company: { startsWith: "Midway" } } })).toBe(0);
    expect(await t.db.prisma.stageChange.count({ where: { customer: { company: { startsWith: "Midway" } } } })).toBe(0);
    expect((await admin.run(dry.confirm!)).text).toMatch(/^Imported 2 customers/);
  });

  it("is confirmed only by the person who sent the file, before it expires, and can be cancelled", async () => {
    await rep.run("help");
    const dry = await send(admin, csv([["Company"], ["Theta"]]));
    const kept = await t.db.prisma.pendingImport.findUniqueOrThrow({ where: { id: dry.confirm!.split(" ")[2]! } });
    expect([kept.createdAt, kept.expiresAt, kept.confirmedAt]).toEqual([t.clock.now, new Date(t.clock.now.getTime() + 24 * 3_600_000), null]);
    expect(kept.rows).toMatchObject([{ line: 2, customer: { fields: { company: "Theta" } } }]);
    expect((await rep.run(dry.confirm!)).text).toBe("That import was started by someone else: only they can confirm it.");
    t.clock.advanceDays(2);
    expect((await admin.run(dry.confirm!)).text).toMatch(/^That dry run has expired/);
    const again = await send(admin, csv([["Company"], ["Theta"]]));
    const cancel = again.cards[0]!.actions.find((a) => a.kind === "run" && a.command.startsWith("import cancel"));
    expect((await admin.run((cancel as { command: string }).command)).text).toBe("Import cancelled; nothing was written.");
    expect((await admin.run(again.confirm!)).text).toMatch(/^That import is not waiting any more/);
    expect((await admin.run("import confirm nonsense")).text).toMatch(/^That import is not waiting any more/);
    expect(await t.db.prisma.customer.count({ where: { company: "Theta" } })).toBe(0);
  });
});

describe("import: reps and directors", () => {
  const director = t.person("rd-boss", { workspace: "imp-rd" });
  const ann = t.person("rd-ann", { workspace: "imp-rd" });
  const ben = t.person("rd-ben", { workspace: "imp-rd" });

  it("lets a director assign rows to reps by name and reports names that are nobody", async () => {
    await director.run("help");
    await ann.run("help");
    await ben.run("help");
    const dry = await send(director, csv([
      ["公司名称", "负责业务员"],
      ["Iota", "rd-ann"],
      ["Kappa", "RD-BEN"],
      ["Lambda", ""],
      ["Mu", "Nobody Here"],
    ]));
    expect(dry.text).toContain("3 to create, 0 duplicates, 1 with mistakes");
    expect(dry.cards[0]!.sections.find((s) => s.title.startsWith("Names in"))!.items).toEqual(["Nobody Here"]);
    expect((await director.run(dry.confirm!)).ok).toBe(true);
    const rows = await t.db.prisma.customer.findMany({ where: { workspace: { externalId: "imp-rd" } }, include: { owner: true }, orderBy: { number: "asc" } });
    expect(rows.map((r) => [r.company, r.owner.externalId])).toEqual([["Iota", "rd-ann"], ["Kappa", "rd-ben"], ["Lambda", "rd-boss"]]);
  });

  it("makes a rep import for themself: a row for someone else is a mistake", async () => {
    const dry = await send(ann, csv([["Company", "Owner"], ["Nu", "rd-ann"], ["Xi", ""], ["Omicron", "rd-ben"]]));
    expect(dry.text).toContain("2 to create, 0 duplicates, 1 with mistakes");
    expect(dry.cards[0]!.sections.find((s) => s.title.startsWith("Mistakes"))!.items[0]).toBe("line 4: only a director can import customers for another rep; leave 负责业务员 empty or put your own name.");
    await ann.run(dry.confirm!);
    const owners = await t.db.prisma.customer.findMany({ where: { company: { in: ["Nu", "Xi"] } }, include: { owner: true } });
    expect(owners.map((c) => c.owner.externalId)).toEqual(["rd-ann", "rd-ann"]);
  });
});

describe("import: a director who stops being one", () => {
  const admin = t.person("nd-admin", { workspace: "imp-nd" });
  const director = t.person("nd-boss", { workspace: "imp-nd" });
  const rep = t.person("nd-rep", { workspace: "imp-nd" });

  it("cannot confirm the rows their dry run gave to other reps", async () => {
    await admin.run("help");
    await rep.run("help");
    await director.run("help");
    expect((await admin.run("role nd-boss director")).ok).toBe(true);
    const dry = await send(director, csv([["公司名称", "负责业务员"], ["Demoted Co", "nd-rep"]]));
    expect(dry.text).toContain("1 to create");
    expect((await admin.run("role nd-boss rep")).ok).toBe(true);
    const refused = await director.run(dry.confirm!);
    expect([refused.code, refused.text]).toEqual(["forbidden", "This import assigns customers to other reps, and only a director may: ask a director to import it."]);
    expect(await t.db.prisma.customer.count({ where: { company: "Demoted Co" } })).toBe(0);
  });
});

describe("import: a 10,000-row file", () => {
  const admin = t.person("big-admin", { workspace: "imp-big" });

  it("dry-runs and imports every row in one go, telling its progress as it goes", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`Big Customer ${i}`, `Contact ${i}`, `1${String(3_000_000_000 + i)}`, ["A", "B", "C", "D"][i % 4]!, "广东"]);
    const told: string[] = [];
    const listen = (update: Reply) => void told.push(update.text);
    const dry = await t.crm.execute(admin.identity, "import", { files: [csv([["公司名称", "负责人", "手机", "等级", "省份"], ...rows])], onProgress: listen });
    expect(dry.text).toContain("10,000 rows — 10,000 to create, 0 duplicates, 0 with mistakes");
    expect(told).toEqual(["customers.csv: 10,000 rows read; checking them against the workspace…"]);
    told.length = 0;
    const done = await t.crm.execute(admin.identity, dry.confirm!, { onProgress: listen });
    expect(told).toEqual([2_500, 5_000, 7_500].map((n) => `Importing: ${n.toLocaleString("en-US")} of 10,000 rows… (they are saved together at the end)`));
    expect(done.text).toBe("Imported 10,000 customers (#1–#10000). They are due on their grade's cadence from today.");
    expect(await t.db.prisma.customer.count({ where: { workspace: { externalId: "imp-big" } } })).toBe(10_000);
    expect(await t.db.prisma.stageChange.count({ where: { customer: { workspace: { externalId: "imp-big" } } } })).toBe(10_000);
  }, 120_000);
});
