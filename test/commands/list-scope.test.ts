import { describe, expect, it } from "vitest";
import { useCrm, type Person } from "../support/crm-fixture.ts";

/**
 * `list` (列表): whose customers a rep and a director see by default and on request, the owner
 * column, the order and the page. Stage and grade filters are in classify.test.ts.
 */
const t = useCrm();

async function team(workspace: string) {
  const boss = t.person("boss", { workspace });
  const li = t.person("li", { workspace });
  const zhRep = t.person("zhang", { workspace, locale: "zh-CN" });
  await boss.run("help");
  await li.run("help");
  await zhRep.run("help");
  return { boss, li, zhRep };
}

async function items(person: Person, line: string) {
  const reply = await person.run(line);
  expect(reply.ok, reply.text).toBe(true);
  return { title: reply.cards[0]?.title, items: reply.cards[0]?.sections[0]?.items ?? [], footer: reply.cards[0]?.footer };
}

describe("list: whose customers", () => {
  it("a rep sees their own, without an owner column; a director the team's, with the owner", async () => {
    const { boss, li } = await team("ls-scope");
    expect((await li.run("add Lico grade=A")).ok).toBe(true);
    expect((await boss.run("add Bossco grade=A")).ok).toBe(true);
    expect(await items(li, "list")).toEqual({ title: "Your customers (1)", items: ["#1 Lico · Potential · A · next Mon 30 Nov 2026"], footer: undefined });
    expect(await items(li, "list 我的")).toEqual({ title: "Your customers (1)", items: ["#1 Lico · Potential · A · next Mon 30 Nov 2026"], footer: undefined });
    expect(await items(boss, "list")).toEqual({
      title: "Team customers (2)",
      items: ["#1 Lico · Potential · A · li · next Mon 30 Nov 2026", "#2 Bossco · Potential · A · boss · next Mon 30 Nov 2026"],
      footer: undefined,
    });
    expect(await items(boss, "list 全部")).toMatchObject({ title: "Team customers (2)" });
    expect(await items(boss, "list my")).toEqual({ title: "Your customers (1)", items: ["#2 Bossco · Potential · A · next Mon 30 Nov 2026"], footer: undefined });
  });

  it("a director names one rep with @, and sees neither the others' nor that rep's pooled customers", async () => {
    const { boss, li } = await team("ls-rep");
    expect((await li.run("add Kept grade=A")).ok).toBe(true);
    expect((await li.run("add Released")).ok).toBe(true);
    expect((await li.run("release Released no budget")).ok).toBe(true);
    expect((await boss.run("add Bossco grade=A")).ok).toBe(true);
    expect(await items(boss, "list @li")).toEqual({ title: "li's customers (1)", items: ["#1 Kept · Potential · A · li · next Mon 30 Nov 2026"], footer: undefined });
    expect((await items(boss, "list intention @li")).title).toBeUndefined();
    expect((await boss.run("list @nobody")).text).toBe("I don't know @nobody yet: they must send the bot a command first.");
  });

  it("refuses a rep the team or another rep, in English and Chinese", async () => {
    const { li, zhRep } = await team("ls-refuse");
    for (const line of ["list team", "list all", "list @boss"]) {
      const reply = await li.run(line);
      expect([line, reply.code, reply.text]).toEqual([line, "forbidden", "Only directors see the whole team's customers."]);
    }
    expect((await zhRep.run("列表 团队")).text).toBe("只有销售总监可以查看整个团队的客户。");
    expect((await zhRep.run("列表 @boss")).text).toBe("只有销售总监可以查看整个团队的客户。");
    const purple = await zhRep.run("列表 紫色");
    expect([purple.code, purple.text]).toEqual(["bad_filter", "“紫色”既不是阶段、等级，也不是“我的”或“团队”。"]);
    expect((await zhRep.run("列表")).text).toBe("没有符合条件的客户。");
  });

  it("shows the soonest due first, those without a due date last, thirty at most with how many more", async () => {
    const { boss } = await team("ls-page");
    const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: "ls-page" } });
    const owner = await t.db.prisma.user.findFirstOrThrow({ where: { workspaceId: ws.id, externalId: "boss" } });
    const day = (d: number) => new Date(Date.UTC(2026, 11, d, 2));
    await t.db.prisma.customer.createMany({
      data: Array.from({ length: 32 }, (_, i) => ({
        workspaceId: ws.id, number: i + 1, ownerId: owner.id, company: `C${i + 1}`, companyKey: `c${i + 1}`, stage: "potential", grade: "C",
        classifiedAt: t.clock.now, stageEnteredAt: t.clock.now,
        // #1 and #2 have no due date; #3… are due on days counting down, so #32 is the soonest.
        nextDueAt: i < 2 ? null : day(40 - i),
      })),
    });
    const listed = await items(boss, "list mine");
    expect(listed.title).toBe("Your customers (32)");
    expect(listed.items.map((i) => i.split(" · ")[0])).toEqual(Array.from({ length: 30 }, (_, i) => `#${32 - i} C${32 - i}`));
    expect(listed.footer).toBe("…and 2 more. Narrow it down: /prospect list <stage> <grade>");
    expect(listed.items[0]).toBe("#32 C32 · Potential · C · next Wed 9 Dec 2026");
  });

  it("shows no due mark on a customer with nothing due", async () => {
    const { li } = await team("ls-nodue");
    const n = (await li.run("add Closed")).text.match(/#(\d+)/)![1];
    expect((await li.run(`lost #${n} price`)).ok).toBe(true);
    expect(await items(li, "list lost")).toEqual({ title: "Your customers · Lost (1)", items: [`#${n} Closed · Lost`], footer: undefined });
  });

  it("names the filter in the Chinese title too", async () => {
    const zhBoss = t.person("zhboss", { workspace: "ls-zh", locale: "zh-CN" });
    expect((await zhBoss.run("新增 甲公司 等级=A")).ok).toBe(true);
    expect((await items(zhBoss, "列表 潜在 a")).title).toBe("团队客户 · 潜在客户 A级（1）");
    expect((await items(zhBoss, "列表 我的 a")).title).toBe("我的客户 · A级（1）");
  });
});
