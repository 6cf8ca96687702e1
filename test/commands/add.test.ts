import { describe, expect, it } from "vitest";
import { addAs, useCrm } from "../support/crm-fixture.ts";

const t = useCrm();

describe("add", () => {
  it("creates a potential D customer owned by the caller, numbered per workspace, listing what filing still needs", async () => {
    const boss = t.person("boss");
    const reply = await boss.run('/prospect add "Foshan Tuoxin" contact=Li mobile=13800138000');
    expect(reply.ok).toBe(true);
    expect(reply.text).toBe("Added #1 Foshan Tuoxin.");
    const card = reply.cards[0]!;
    expect(card.title).toBe("#1 Foshan Tuoxin");
    expect(card.subtitle).toBe("Potential · D");
    expect(card.fields).toContainEqual({ label: "Mobile", value: "13800138000" });
    const missing = card.sections.find((s) => s.title === "Missing for filing")!;
    expect(missing.items.slice(0, 3)).toEqual(["Province", "Position", "Address"]);
    const customer = await t.db.prisma.customer.findFirstOrThrow({ where: { number: 1 } });
    expect(customer).toMatchObject({ stage: "potential", grade: "D", company: "Foshan Tuoxin", filingStatus: "none" });
    // Potential D: a call and an SMS every ~20 days (DOMAIN.md §3).
    // Potential D: 20 days on is Sun 13 Dec, a day off on the mainland calendar: due Monday.
    expect(customer.nextDueAt).toEqual(new Date("2026-12-14T00:00:00+08:00"));
    const history = await t.db.prisma.stageChange.findMany({ where: { customerId: customer.id } });
    expect(history).toMatchObject([{ fromStage: null, toStage: "potential", toGrade: "D" }]);
  });

  it("accepts Chinese keys, a stage and a grade, and records the call log as a call", async () => {
    const rep = t.person("rep-cn", { locale: "zh-CN" });
    const reply = await rep.run("客户 新增 佛山拓鑫电器 负责人=李总 手机=13900139000 阶段=意向 等级=A 通话记录=“聊了二十分钟”");
    expect(reply.ok).toBe(true);
    expect(reply.text).toMatch(/^已新增 #\d+ 佛山拓鑫电器。$/);
    expect(reply.cards[0]!.subtitle).toBe("意向客户 A级");
    const customer = await t.db.prisma.customer.findFirstOrThrow({ where: { company: "佛山拓鑫电器" } });
    const calls = await t.db.prisma.activity.findMany({ where: { customerId: customer.id } });
    expect(calls).toMatchObject([{ channel: "call", content: "聊了二十分钟" }]);
  });

  it("refuses a duplicate mobile or company, showing only its number and owner, unless force=yes", async () => {
    const owner = t.person("dup-owner");
    const other = t.person("dup-other");
    const first = await owner.run('add "Shunde Kitchen Works Co., Ltd." mobile=13700137000 address="1 Secret Rd"');
    const number = Number(/#(\d+)/.exec(first.text)![1]);

    const byMobile = await other.run("add Different mobile=137-0013-7000");
    expect(byMobile.ok).toBe(false);
    expect(byMobile.text).toContain(`#${number} (owner: dup-owner)`);
    expect(byMobile.text).toContain("same mobile number");
    expect(byMobile.text).not.toContain("Secret");

    const byName = await other.run('add "shunde kitchen works"');
    expect(byName.ok).toBe(false);
    expect(byName.text).toContain("same company");

    const forced = await other.run('add "Shunde Kitchen Works" force=yes');
    expect(forced.ok).toBe(true);
  });

  it("says same company when only the company matches, even when a mobile is given", async () => {
    const owner = t.person("dupc-owner", { workspace: "dup-company" });
    const first = await addAs(owner, "add 'Nanhai Steel Co' mobile=13700137001");
    const reply = await t.person("dupc-other", { workspace: "dup-company" }).run("add 'Nanhai Steel' mobile=13700137002");
    expect(reply.ok).toBe(false);
    expect(reply.code).toBe("duplicate");
    expect(reply.text).toBe(
      `Already on record as #${first} (owner: dupc-owner) — same company. Ask dupc-owner or a director, or add force=yes if it really is a different customer.`,
    );
  });

  it("says the duplicate is filed once its filing is approved", async () => {
    const boss = t.person("dupf-boss", { workspace: "dup-filed" });
    await boss.run("help"); // the first person is the admin
    const rep = t.person("dupf-rep", { workspace: "dup-filed" });
    const n = await addAs(rep, 'add "Filed Kitchens" province=广东 contact=李总 title=总经理 mobile=13700137003 address="佛山市顺德区 1 号"');
    await rep.run(`log #${n} call 聊了二十分钟：三个酒店厨房工程，需要商用电磁炉，20 台报价，预算已批，下周三前回复，决策人李总本人`);
    expect((await rep.run(`file #${n}`)).ok).toBe(true);
    expect((await boss.run(`approve #${n}`)).text).toBe(`Filing of #${n} approved.`);
    const reply = await t.person("dupf-other", { workspace: "dup-filed" }).run("add Elsewhere mobile=13700137003");
    expect(reply.text).toMatch(new RegExp(`^Already filed as #${n} \\(owner: dupf-rep\\) — same mobile number\\.`));
  });

  it("names the lowest-numbered customer when the company matches one and the mobile another", async () => {
    const owner = t.person("dupo-owner", { workspace: "dup-order" });
    const alpha = await addAs(owner, "add Alpha mobile=13700137004");
    await addAs(owner, "add Beta mobile=13700137005");
    const reply = await t.person("dupo-other", { workspace: "dup-order" }).run("add Alpha mobile=13700137005");
    expect(reply.text).toMatch(new RegExp(`^Already on record as #${alpha} \\(owner: dupo-owner\\) — same company\\.`));
  });

  it("names every bad field and writes nothing", async () => {
    const rep = t.person("careless");
    const before = await t.db.prisma.customer.count();
    const reply = await rep.run("add Acme mobile=123 email=nope colour=red grade=Z");
    expect(reply.ok).toBe(false);
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toContain('Mobile: "123" is not valid — expected an 11-digit mainland mobile number');
    expect(reply.text).toContain('Email: "nope" is not valid');
    expect(reply.text).toContain('Unknown field "colour"');
    // The bad grade too, in the same reply: one correction fixes the whole command.
    expect(reply.text).toContain('"Z" is not a grade of Potential.');
    expect(Object.keys(reply.fieldErrors!)).toEqual(["mobile", "email", "colour", "grade"]);
    const badGrade = await rep.run("add Acme grade=Z");
    expect(badGrade.text).toBe('"Z" is not a grade of Potential. Grades: A, B, C, D.');
    expect(await t.db.prisma.customer.count()).toBe(before);
  });

  it("offers the filing form when called with nothing", async () => {
    const reply = await t.person("form-user").run("add");
    expect(reply.ok).toBe(true);
    const form = reply.cards[0]!.actions[0]!;
    expect(form.kind).toBe("form");
    if (form.kind !== "form") return;
    expect(form.form.command).toBe("add");
    expect(form.form.inputs.find((i) => i.key === "company")!.required).toBe(true);
    expect(form.form.inputs.find((i) => i.key === "mobile")!.placeholder).toBe("needed for filing");
  });

  it("asks for the company when only pairs are given", async () => {
    const reply = await t.person("no-company").run("add contact=Li");
    expect(reply.ok).toBe(false);
    expect(reply.text).toBe("Company is required.");
    expect(reply.fieldErrors).toHaveProperty("company");
  });

  it("takes the company's words as typed, one space apart, and sets no contact from them", async () => {
    const rep = t.person("words-rep", { workspace: "add-words" });
    expect((await rep.run("add Foshan   Tuoxin Kitchens")).text).toBe("Added #1 Foshan Tuoxin Kitchens.");
    const customer = await t.db.prisma.customer.findFirstOrThrow({ where: { workspace: { externalId: "add-words" }, number: 1 } });
    expect(customer).toMatchObject({ company: "Foshan Tuoxin Kitchens", contact: null });
  });

  it("refuses a company given both first and as company=, in English and Chinese, writing nothing", async () => {
    const rep = t.person("twice-rep", { workspace: "add-twice" });
    const zh = t.person("twice-zh", { workspace: "add-twice", locale: "zh-CN" });
    const twice = await rep.run("add Acme company=Acme2");
    expect([twice.ok, twice.code, twice.text]).toEqual([false, "company_twice", "Give the company either first or as company=…, not both."]);
    expect((await zh.run("新增 甲公司 公司=乙公司")).text).toBe("公司名称请放在最前面，或写成“公司=…”，不要两处都写。");
    expect(await t.db.prisma.customer.count({ where: { workspace: { externalId: "add-twice" } } })).toBe(0);
  });

  it("names a stage the new customer may not start at with the other bad fields, in one reply", async () => {
    const rep = t.person("stage-rep", { workspace: "add-stage" });
    await t.person("stage-admin", { workspace: "add-stage" }).run("help");
    const reply = await rep.run("add Acme mobile=123 stage=selection");
    expect(reply.ok).toBe(false);
    expect(Object.keys(reply.fieldErrors!)).toEqual(["mobile", "stage"]);
    expect(reply.text).toContain('Mobile: "123" is not valid');
    expect(reply.text).toContain("A new customer cannot start as Selection: ");
    expect(await t.db.prisma.customer.count({ where: { workspace: { externalId: "add-stage" } } })).toBe(0);
  });

  it("records the MAN letters given with add", async () => {
    const rep = t.person("man-rep", { workspace: "add-man" });
    await addAs(rep, "add ManCo man=MA");
    const customer = await t.db.prisma.customer.findFirstOrThrow({ where: { workspace: { externalId: "add-man" } } });
    expect([customer.manMoney, customer.manAuthority, customer.manNeed]).toEqual([true, true, false]);
  });

  it("numbers customers per workspace", async () => {
    const elsewhere = t.person("other-ws", { workspace: "ws2" });
    const reply = await elsewhere.run("add Elsewhere");
    expect(reply.text).toBe("Added #1 Elsewhere.");
  });
});
