import { describe, expect, it } from "vitest";
import { useCrm, type Person } from "../support/crm-fixture.ts";

/**
 * `target` (目标) as a director types it: the plan's card, the shares as written, and each
 * refusal in English and Chinese. The planner's arithmetic is in reports/month-target.test.ts and
 * its place in `report month` in reports/report.test.ts; here a small history keeps each run fast.
 */
const t = useCrm();

/**
 * 5 Oct 2026: four leads, 展会 ×2, 推荐, and one with no source; 12 Oct: one of them won at 10万.
 * So on 23 Nov: average deal 10万, conversion 1/4. The clock is back at 23 Nov after.
 */
async function history(workspace: string, options: { locale?: "zh-CN" } = {}) {
  const boss = t.person("boss", { workspace, ...options });
  const rep = t.person("rep", { workspace });
  const start = t.clock.now.toISOString();
  t.clock.set("2026-10-05T02:00:00Z");
  await boss.run("help");
  for (const line of ["add A source=展会", "add B source=展会", "add C source=推荐", "add D"]) expect((await rep.run(line)).ok, line).toBe(true);
  t.clock.set("2026-10-12T02:00:00Z");
  expect((await rep.run("won A 10万")).ok).toBe(true);
  t.clock.set(start);
  return { boss, rep };
}

async function saved(workspace: string) {
  const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: workspace } });
  return t.db.prisma.monthlyTarget.findMany({ where: { workspaceId: ws.id } });
}

function refusal(reply: Awaited<ReturnType<Person["run"]>>) {
  return [reply.ok, reply.code, reply.text];
}

describe("target (目标)", () => {
  it("plans the leads per source from the last three months' shares, and saves the month", async () => {
    const { boss } = await history("tg-plan");
    // 40万 ÷ 10万 = 4 deals ÷ ¼ = 16 leads: 展会 ½ → 8, 推荐 ¼ → 4, no source ¼ → 4.
    const reply = await boss.run("target 2026-12 40万");
    expect(reply.text).toBe("Lead target for 2026-12 saved.");
    expect(reply.cards).toHaveLength(1);
    const card = reply.cards[0]!;
    expect(card.title).toBe("Lead target for 2026-12");
    expect(card.subtitle).toMatch(/average deal ¥100,000, conversion 25\.0%\. 4\.0 deals → 16 leads needed/);
    expect(card.sections).toEqual([{
      title: "Shares by source: the last three months' leads.",
      items: ["展会 (50.0%): need 8, in 0, gap 8", "(no source recorded) (25.0%): need 4, in 0, gap 4", "推荐 (25.0%): need 4, in 0, gap 4"],
    }]);
    expect(card.footer).toBe("Sales target ¥400,000");
    expect((await saved("tg-plan")).map((s) => s.month)).toEqual(["2026-12"]);
  });

  it("takes the shares as given, as percentages or fractions, and counts this month's leads so far", async () => {
    const { boss, rep } = await history("tg-shares");
    expect((await rep.run("add E source=展会")).ok).toBe(true);
    t.clock.set("2026-11-23T03:00:00Z");
    // 30% + 0.5 + 20 ％ : three ways to write a share, adding up to 1.
    const reply = await boss.run("target 2026-11 40 万 展会=30% 推荐=0.5 网络=20％");
    expect(reply.ok, reply.text).toBe(true);
    expect(reply.cards[0]!.sections).toEqual([{
      title: "Shares by source: as given.",
      items: ["展会 (30.0%): need 5, in 1, gap 4", "推荐 (50.0%): need 8, in 0, gap 8", "网络 (20.0%): need 4, in 0, gap 4"],
    }]);
    expect(reply.cards[0]!.footer).toBe("Sales target ¥400,000");
  });

  it("lets the shares miss 100% by half a percent, not more", async () => {
    const { boss } = await history("tg-sum");
    expect((await boss.run("target 2026-12 40万 展会=33.3% 推荐=33.3% 网络=33.3%")).ok).toBe(true);
    expect((await boss.run("target 2026-12 40万 展会=1 推荐=0")).ok).toBe(true);
    expect(refusal(await boss.run("target 2026-12 40万 展会=33% 推荐=33% 网络=33%"))).toEqual([false, "bad_share", "The shares add up to 99.0%; they must add up to 100%."]);
    expect(refusal(await boss.run("target 2026-12 40万 展会=50.6% 推荐=50%"))).toEqual([false, "bad_share", "The shares add up to 100.6%; they must add up to 100%."]);
  });

  it("reads a share as a percentage up to 100, with a space before the sign, or as a fraction from 0 to 1", async () => {
    const { boss } = await history("tg-spell");
    for (const shares of ["展会=100% 推荐=0%", "展会='60 %' 推荐=40%", "展会=.25 推荐=0.75", "展会=1.00 推荐=0", "展会=0.125 推荐=0.875", "展会=33.33% 推荐=33.33% 网络=33.34%"]) {
      const reply = await boss.run(`target 2026-12 40万 ${shares}`);
      expect([shares, reply.ok, reply.cards[0]?.sections[0]?.title]).toEqual([shares, true, "Shares by source: as given."]);
    }
    expect((await boss.run("target 2026-12 40万 展会='60 %' 推荐=40%")).cards[0]!.sections[0]!.items[0]).toBe("展会 (60.0%): need 10, in 0, gap 10");
  });

  it("refuses a share it cannot read as one, naming the source", async () => {
    const { boss } = await history("tg-share");
    for (const bad of ["150%", "1000%", "1.5", "40", "-0.2", "abc%", ".5.5", "x50%", "50%x", "50%%", "x0.5", "0.5x", "1.5.0", "00.5", "1.", "%"]) {
      const reply = await boss.run(`target 2026-12 40万 展会=${bad} 推荐=50%`);
      expect([bad, ...refusal(reply)]).toEqual([bad, false, "bad_share", `The share of "展会", "${bad}", is not a percentage: write it like 40% (or 0.4).`]);
    }
    expect(await saved("tg-share")).toEqual([]);
  });

  it("refuses a month that is over in the workspace's zone, up to its last instant", async () => {
    const { boss } = await history("tg-past");
    // 00:00 on 1 Dec in Shanghai: November is over.
    t.clock.set("2026-11-30T16:00:00Z");
    expect(refusal(await boss.run("target 2026-11 40万"))).toEqual([false, "bad_period", "2026-11 is over: set a target for this month or a later one."]);
    t.clock.set("2026-11-30T15:59:59Z");
    expect((await boss.run("target 2026-11 40万")).ok).toBe(true);
  });

  it("refuses what it cannot read, in English and Chinese", async () => {
    const { boss } = await history("tg-read");
    const zh = t.person("zhboss", { workspace: "tg-read", locale: "zh-CN" });
    await zh.run("help");
    expect((await boss.run("role @zhboss director")).ok).toBe(true);
    const usage = "Usage: target <YYYY-MM> <sales target> [source=share …], e.g. target 2026-12 50万 exhibition=40% referral=60%";
    expect(refusal(await boss.run("target"))).toEqual([false, "usage", usage]);
    expect(refusal(await boss.run("target 2026-12"))).toEqual([false, "usage", usage]);
    expect(refusal(await boss.run("target December 40万"))).toEqual([false, "bad_period", '"December" is not a month: write it like 2026-12.']);
    expect((await zh.run("目标")).text).toBe("用法：客户 目标 <年-月> <销售目标> [来源=占比 …]，例如 客户 目标 2026-12 50万 展会=40% 推荐=60%");
    expect((await zh.run("目标 十二月 40万")).text).toBe("“十二月”不是月份，请写成 2026-12。");
    expect((await zh.run("目标 2026-10 40万")).text).toBe("2026-10 已经过去，请为本月或以后的月份设目标。");
    expect((await zh.run("目标 2026-12 40万 展会=四成")).text).toBe("“展会”的占比“四成”不是百分比，请写成 40%（或 0.4）。");
    expect((await zh.run("目标 2026-12 40万 展会=40%")).text).toBe("各来源占比合计 40.0%，必须等于 100%。");
    const amount = refusal(await zh.run("目标 2026-12 很多"));
    expect(amount[1]).toBe("bad_amount");
    // The refusal quotes the amount as typed.
    expect(amount[2]).toContain("很多");
    expect(await saved("tg-read")).toEqual([]);
  });

  it("is for directors only", async () => {
    const { rep } = await history("tg-rep");
    expect(refusal(await rep.run("target 2026-12 40万"))).toEqual([false, "forbidden", "Only a director can do this."]);
    expect(await saved("tg-rep")).toEqual([]);
  });
});

describe("target without the history to plan from", () => {
  it("says which figure is missing: no leads, no win, no amount", async () => {
    const boss = t.person("boss", { workspace: "tg-none" });
    const zh = t.person("zhboss", { workspace: "tg-none-zh", locale: "zh-CN" });
    await boss.run("help");
    const noLeads = await boss.run("target 2026-12 40万");
    expect(noLeads).toMatchObject({ ok: false, code: "no_history" });
    expect(noLeads.text).toMatch(/^No leads were added in the last three months \(.+\): there is no conversion rate to plan from\.$/);
    expect((await zh.run("目标 2026-12 40万")).text).toMatch(/^近三个月（.+）没有新增客源，没有成交率可以计算目标。$/);

    t.clock.set("2026-10-05T02:00:00Z");
    expect((await boss.run("add Lead1")).ok).toBe(true);
    expect((await boss.run("add Lead2")).ok).toBe(true);
    t.clock.set("2026-11-23T02:00:00Z");
    const noWins = await boss.run("target 2026-12 40万");
    expect([noWins.code, noWins.text]).toEqual(["no_history", expect.stringMatching(/^None of the 2 leads of the last three months \(.+\) was won: there is no conversion rate to plan from\.$/)]);

    expect((await boss.run("won Lead1")).ok).toBe(true);
    t.clock.set("2026-11-23T03:00:00Z");
    const noOrders = await boss.run("target 2026-12 40万");
    expect([noOrders.code, noOrders.text]).toEqual(["no_history", expect.stringMatching(/^No order with an amount in the last three months \(.+\): there is no average deal to plan from\. Record amounts with won\/order\.$/)]);
    expect(await saved("tg-none")).toEqual([]);
  });
});
