import { describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";

/**
 * `due` (今日) and the words after it: nothing (one's own day), `team`, `@rep` (directors), and
 * what is refused, in English and Chinese. The order of the lists is in follow-up.test.ts and
 * team-due.test.ts.
 */
const t = useCrm();

async function team(workspace: string) {
  const boss = t.person("boss", { workspace });
  const zhBoss = t.person("zhboss", { workspace, locale: "zh-CN" });
  const li = t.person("li", { workspace });
  const zhRep = t.person("zhang", { workspace, locale: "zh-CN" });
  for (const p of [boss, zhBoss, li, zhRep]) await p.run("help");
  expect((await boss.run("role @zhboss director")).ok).toBe(true);
  return { boss, zhBoss, li, zhRep };
}

/** `count` customers of `owner` due today (Mon 23 Nov), the first `overdue` of them overdue since yesterday. */
async function dueToday(workspace: string, owner: string, first: number, count: number, overdue = 0) {
  const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: workspace } });
  const user = await t.db.prisma.user.findFirstOrThrow({ where: { workspaceId: ws.id, externalId: owner } });
  await t.db.prisma.customer.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      workspaceId: ws.id, number: first + i, ownerId: user.id, company: `${owner}${first + i}`, companyKey: `${owner}${first + i}`,
      stage: "potential", grade: "A", classifiedAt: new Date("2026-11-10T02:00:00Z"), stageEnteredAt: new Date("2026-11-10T02:00:00Z"),
      nextDueAt: new Date("2026-11-16T16:00:00Z"),
      overdueAt: i < overdue ? new Date("2026-11-21T16:00:00Z") : new Date("2026-11-23T16:00:00Z"),
    })),
  });
}

describe("due (今日)", () => {
  it("is one's own list without a word, for a rep and a director alike", async () => {
    const { boss, li, zhRep } = await team("due-own");
    await dueToday("due-own", "li", 1, 2, 1);
    expect((await li.run("due")).text).toBe("2 customers to contact today, 1 overdue.");
    const nothing = await boss.run("due");
    expect([nothing.text, nothing.cards]).toEqual(["Nothing is due today. Good time to find new prospects: /prospect add", []]);
    expect((await zhRep.run("今日")).text).toBe("今天没有要跟进的客户。正好去开发新客户：客户 新增");
  });

  it("shows fifteen and says how many more", async () => {
    const { li } = await team("due-more");
    await dueToday("due-more", "li", 1, 17);
    const reply = await li.run("due");
    expect(reply.text).toBe("17 customers to contact today.\n…and 2 more: work through these, then run /prospect due again.");
    expect(reply.cards).toHaveLength(15);
  });

  it("lets a director read one rep's day, named with @", async () => {
    const { boss, zhBoss } = await team("due-rep");
    const nothing = await boss.run("due @li");
    expect([nothing.text, nothing.cards]).toEqual(["Nothing is due today for li.", []]);
    expect((await zhBoss.run("今日 @li")).text).toBe("li 今天没有要跟进的客户。");
    await dueToday("due-rep", "li", 1, 3, 2);
    await dueToday("due-rep", "zhang", 10, 1);
    const reply = await boss.run("due @li");
    expect(reply.text).toBe("li: 3 customers to contact today, 2 overdue.");
    expect(reply.cards.map((c) => c.title)).toEqual(["#1 li1", "#2 li2", "#3 li3"]);
    expect((await zhBoss.run("今日 @li")).text).toBe("li：今天要联系 3 个客户，其中 2 个已逾期。");
  });

  it("reads team in any case and in Chinese", async () => {
    const { boss, zhBoss } = await team("due-team");
    await dueToday("due-team", "li", 1, 1, 1);
    await dueToday("due-team", "zhang", 5, 2);
    expect((await boss.run("due TEAM")).text).toBe("The team: 3 customers to contact today, 1 overdue, across 2 reps.");
    const zh = await zhBoss.run("今日 团队");
    expect(zh.text).toBe("团队今天要联系 3 个客户，其中 1 个已逾期，涉及 2 位业务员。");
    expect(zh.cards[0]!.title).toBe("各业务员今日待办");
    expect(zh.cards[0]!.fields).toEqual([{ label: "li", value: "1 个待办 · 1 个逾期" }, { label: "zhang", value: "2 个待办" }]);
    expect((await zhBoss.run("今日 全部")).ok).toBe(true);
    expect((await boss.run("due all")).ok).toBe(true);
  });

  it("refuses a rep anyone's day but their own, and a word it cannot read, in English and Chinese", async () => {
    const { zhBoss, li, zhRep } = await team("due-refuse");
    for (const line of ["due team", "due @boss", "due @li", "due everyone"]) {
      const reply = await li.run(line);
      expect([line, reply.code, reply.text]).toEqual([line, "forbidden", "Only a director can do this."]);
    }
    expect((await zhRep.run("今日 团队")).text).toBe("只有销售总监可以执行此操作。");
    const bad = await zhBoss.run("今日 大家");
    expect([bad.code, bad.text]).toEqual(["bad_filter", "“大家”不是“团队”，也不是某位业务员（@姓名）。"]);
    const extra = await zhBoss.run("今日 团队 现在");
    expect([extra.code, extra.text]).toEqual(["usage", "看不懂“现在”：这个命令在这里不需要其他内容。请发送“客户 帮助”查看用法。"]);
    expect((await li.run("due now")).code).toBe("forbidden");
  });
});
