import { describe, expect, it } from "vitest";
import { useCrm, type Person } from "../support/crm-fixture.ts";

/**
 * `pool` (公海) as a rep reads it: which customers, in which order, filtered how, and what a
 * refusal says. The release / claim round trip is in director.test.ts.
 */
const t = useCrm();

/** Puts customers straight into the pool of `person`'s workspace (the pool is only read here). */
async function pooled(person: Person, rows: { number: number; company: string; stage?: string; grade?: string | null; daysAgo: number; province?: string; city?: string }[]) {
  await person.run("help");
  const { workspaceId } = person.identity;
  const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: workspaceId } });
  const owner = await t.db.prisma.user.findFirstOrThrow({ where: { workspaceId: ws.id, externalId: person.identity.userId } });
  await t.db.prisma.customer.createMany({
    data: rows.map((r) => ({
      workspaceId: ws.id, number: r.number, ownerId: owner.id, company: r.company, companyKey: r.company.toLowerCase(),
      stage: r.stage ?? "potential", grade: r.grade === undefined ? "C" : r.grade, classifiedAt: t.clock.now, stageEnteredAt: t.clock.now,
      pooledAt: new Date(t.clock.now.getTime() - r.daysAgo * 86_400_000), province: r.province ?? null, city: r.city ?? null,
    })),
  });
}

describe("pool (公海)", () => {
  it("lists the most recently pooled first, ties by number, and says how many more there are past twenty", async () => {
    const rep = t.person("reader", { workspace: "pool-order" });
    await pooled(rep, [
      ...Array.from({ length: 21 }, (_, i) => ({ number: 100 + i, company: `Old ${100 + i}`, daysAgo: 10 })),
      { number: 300, company: "Fresh", daysAgo: 1 },
    ]);
    const reply = await rep.run("pool");
    expect(reply.text).toBe("Shared pool: 22 customers\n…and 2 more; narrow it down: /prospect pool <stage> <grade>");
    expect(reply.cards.map((c) => c.title)).toEqual(["#300 Fresh", ...Array.from({ length: 19 }, (_, i) => `#${100 + i} Old ${100 + i}`)]);
  });

  it("shows the fields the playbook lets a rep see, and only the date when there are none", async () => {
    const rep = t.person("reader", { workspace: "pool-fields" });
    await pooled(rep, [
      { number: 1, company: "Bare", daysAgo: 2 },
      { number: 2, company: "Placed", daysAgo: 3, province: "广东", city: "佛山" },
      // An empty field is no field: no leading " · ".
      { number: 3, company: "Half", daysAgo: 4, province: "", city: "佛山" },
    ]);
    // A customer someone owns is not in the pool.
    const bare = await t.db.prisma.customer.findFirstOrThrow({ where: { company: "Bare", workspace: { externalId: "pool-fields" } } });
    await t.db.prisma.customer.create({
      data: { workspaceId: bare.workspaceId, number: 4, ownerId: bare.ownerId, company: "Owned", companyKey: "owned", stage: "potential", grade: "C", classifiedAt: t.clock.now, stageEnteredAt: t.clock.now },
    });
    const reply = await rep.run("pool");
    expect(reply.cards.map((c) => c.sections.map((s) => s.title))).toEqual([[""], [""], [""]]);
    expect(reply.cards.map((c) => [c.title, c.subtitle, c.sections[0]!.items])).toEqual([
      ["#1 Bare", "Potential · C", ["in the pool since Sat 21 Nov 2026"]],
      ["#2 Placed", "Potential · C", ["广东 · 佛山", "in the pool since Fri 20 Nov 2026"]],
      ["#3 Half", "Potential · C", ["佛山", "in the pool since Thu 19 Nov 2026"]],
    ]);
  });

  it("filters by stage and by grade in either order, and names the filter in the title", async () => {
    const rep = t.person("reader", { workspace: "pool-filter" });
    await pooled(rep, [
      { number: 1, company: "Pot A", grade: "A", daysAgo: 1 },
      { number: 2, company: "Int A", stage: "intention", grade: "A", daysAgo: 2 },
      { number: 3, company: "Int B", stage: "intention", grade: "B", daysAgo: 3 },
    ]);
    const byStage = await rep.run("pool intention");
    expect(byStage.text).toBe("Shared pool — Intention: 2 customers");
    expect(byStage.cards.map((c) => c.title)).toEqual(["#2 Int A", "#3 Int B"]);
    const byGrade = await rep.run("pool a");
    expect(byGrade.text).toBe("Shared pool — grade A: 2 customers");
    expect(byGrade.cards.map((c) => c.title)).toEqual(["#1 Pot A", "#2 Int A"]);
    const both = await rep.run("pool A 意向");
    expect(both.text).toBe("Shared pool — Intention · A: 1 customer");
    expect(both.cards.map((c) => c.title)).toEqual(["#2 Int A"]);
  });

  it("says the pool is empty, for the filter asked, in English and Chinese", async () => {
    const rep = t.person("reader", { workspace: "pool-empty" });
    const zh = t.person("zhreader", { workspace: "pool-empty", locale: "zh-CN" });
    expect((await rep.run("pool")).text).toBe("The shared pool is empty.");
    expect((await rep.run("pool selection")).text).toBe("The shared pool is empty for Selection.");
    expect((await zh.run("公海")).text).toBe("公海里没有客户。");
    expect((await zh.run("公海 B")).text).toBe("公海里没有符合“B级”的客户。");
  });

  it("refuses a word that is neither a stage nor a grade, in English and Chinese", async () => {
    const rep = t.person("reader", { workspace: "pool-bad" });
    const zh = t.person("zhreader", { workspace: "pool-bad", locale: "zh-CN" });
    const refused = await rep.run("pool intention hot");
    expect([refused.ok, refused.code, refused.text]).toEqual([false, "bad_filter", '"hot" is not a stage or a grade.']);
    expect((await zh.run("公海 热门")).text).toBe("“热门”不是阶段或等级。");
  });
});

describe("claim (领取) refusals", () => {
  it("wants a number of this workspace's pool, and says which in English and Chinese", async () => {
    const rep = t.person("claimer", { workspace: "claim-refusals" });
    const zh = t.person("zhclaimer", { workspace: "claim-refusals", locale: "zh-CN" });
    await pooled(rep, [{ number: 7, company: "Seven", daysAgo: 1 }]);
    const cases: [string, string, string][] = [
      ["claim", "missing_ref", "Which customer? Give its number like #12, or part of its name."],
      ["claim Seven", "usage", "Claim a pooled customer by its number, e.g. /prospect claim #12 (see /prospect pool)."],
      ["claim #8", "not_found", "There is no customer #8. /prospect list shows yours."],
      ["claim #7@elsewhere", "other_workspace", "This card belongs to another workspace: you can only act on your own workspace's customers."],
    ];
    for (const [line, code, text] of cases) {
      const reply = await rep.run(line);
      expect([line, reply.code, reply.text]).toEqual([line, code, text]);
    }
    expect((await zh.run("领取")).text).toBe("是哪个客户？请给出编号（如 #12）或名称的一部分。");
    expect((await zh.run("领取 Seven")).text).toBe("请用编号领取公海客户，例：客户 领取 #12（查看：客户 公海）。");
    expect((await zh.run("领取 #8")).text).toBe("没有 #8 这个客户。发送“客户 列表”查看你的客户。");
    expect((await zh.run("领取 #7@elsewhere")).text).toBe("这张卡片属于另一个工作区：你只能操作本工作区的客户。");
    // Still pooled after every refusal; the workspace's own suffix is accepted.
    expect((await zh.run("领取 #7@claim-refusals")).text).toBe("已领取 #7 Seven。");
  });
});
