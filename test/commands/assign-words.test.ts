import { describe, expect, it } from "vitest";
import { addAs, useCrm } from "../support/crm-fixture.ts";

/**
 * The words of `assign` (转交): one customer, or `all @from @to` with its dry run and confirm
 * words, and each refusal in English and Chinese. The handover itself (history, notices, 200
 * customers in one transaction) is in director.test.ts.
 */
const t = useCrm();

async function team(workspace: string) {
  const boss = t.person("boss", { workspace });
  const zhBoss = t.person("zhboss", { workspace, locale: "zh-CN" });
  const li = t.person("li", { workspace });
  const wang = t.person("wang", { workspace });
  for (const p of [boss, zhBoss, li, wang]) await p.run("help");
  expect((await boss.run("role @zhboss director")).ok).toBe(true);
  return { boss, zhBoss, li, wang };
}

async function owners(workspace: string) {
  const rows = await t.db.prisma.customer.findMany({ where: { workspace: { externalId: workspace } }, include: { owner: true }, orderBy: { number: "asc" } });
  return rows.map((c) => `#${c.number} ${c.owner.externalId}`);
}

describe("assign all (转交 全部)", () => {
  it("counts only what the rep holds, not the pool, and moves it on any of the confirm words", async () => {
    const { boss, zhBoss, li } = await team("as-all");
    await addAs(li, "add One");
    await addAs(li, "add Two");
    await addAs(li, "add Pooled");
    expect((await li.run("release Pooled not for us")).ok).toBe(true);
    const dry = await boss.run("assign ALL @li @wang");
    expect(dry.text).toBe("2 customers of li will go to wang. Nothing has moved yet: press Confirm or type yes.");
    expect(dry.cards).toHaveLength(1);
    expect(dry.cards[0]).toMatchObject({ title: dry.text, actions: [{ kind: "run", label: "Confirm: move 2", command: "assign all @li @wang confirm", style: "primary" }] });
    const zhDry = await zhBoss.run("转交 所有 @li @wang");
    expect(zhDry.text).toBe("li 名下的 2 个客户将转交给 wang。现在还没有转交：请点“确认”或回复“是”。");
    expect(await owners("as-all")).toEqual(["#1 li", "#2 li", "#3 li"]);
    expect((await zhBoss.run("转交 全部 @li @wang 确认")).text).toBe("已把 2 个客户从 li 转交给 wang，已通知双方。");
    expect(await owners("as-all")).toEqual(["#1 wang", "#2 wang", "#3 li"]);
    expect((await boss.run("assign all @wang @li YES")).text).toBe("2 customers moved from wang to li; both are told.");
    expect((await boss.run("assign all @li @wang 是")).ok).toBe(true);
    expect(await owners("as-all")).toEqual(["#1 wang", "#2 wang", "#3 li"]);
  });

  it("says so when the rep holds nothing, and sets nothing to confirm", async () => {
    const { boss, zhBoss } = await team("as-none");
    expect((await boss.run("assign all @li @wang")).text).toBe("li owns no customers to hand over.");
    expect((await zhBoss.run("转交 全部 @li @wang")).text).toBe("li 名下没有可转交的客户。");
    expect((await boss.run("yes")).code).toBe("nothing_pending");
  });

  it("refuses a missing rep and words it does not take, in English and Chinese", async () => {
    const { boss, zhBoss, li } = await team("as-usage");
    await addAs(li, "add Kept");
    const usage = "Usage: /prospect assign #12 @rep [reason] — or /prospect assign all @from @to";
    for (const line of ["assign", "assign #1", "assign all @li"]) {
      const reply = await boss.run(line);
      expect([line, reply.code, reply.text]).toEqual([line, "usage", usage]);
    }
    expect((await zhBoss.run("转交 全部 @li")).text).toBe("用法：客户 转交 #12 @业务员 [原因]，或 客户 转交 全部 @原业务员 @新业务员");
    const later = await boss.run("assign all @li @wang later");
    expect([later.code, later.text]).toEqual(["usage", 'I could not read "later": this command takes nothing there. Check /prospect help.']);
    expect((await boss.run("assign all @li @wang confirm now")).text).toBe('I could not read "confirm now": this command takes nothing there. Check /prospect help.');
    expect((await zhBoss.run("转交 全部 @li @wang 明天")).text).toBe("看不懂“明天”：这个命令在这里不需要其他内容。请发送“客户 帮助”查看用法。");
    expect(await owners("as-usage")).toEqual(["#1 li"]);
  });

  it("is for directors, in English and Chinese", async () => {
    const { li } = await team("as-rep");
    const zhRep = t.person("zhang", { workspace: "as-rep", locale: "zh-CN" });
    await addAs(li, "add Kept");
    expect((await li.run("assign all @li @wang confirm")).text).toBe("Only a director can do this.");
    expect((await zhRep.run("转交 #1 @wang")).text).toBe("只有销售总监可以执行此操作。");
    expect(await owners("as-rep")).toEqual(["#1 li"]);
  });
});

describe("assign one customer", () => {
  it("keeps the words after the rep as the reason", async () => {
    const { boss, li } = await team("as-one");
    const n = await addAs(li, "add Moving");
    expect((await boss.run(`assign #${n} @wang moving to the south region`)).text).toBe(`#${n} now belongs to wang; both reps are told.`);
    const change = await t.db.prisma.ownerChange.findFirstOrThrow({ where: { customer: { workspace: { externalId: "as-one" } } } });
    expect(change.reason).toBe("moving to the south region");
  });
});
