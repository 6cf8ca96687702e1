import { describe, expect, it } from "vitest";
import { isScopeWord } from "../../src/commands/handlers/report-scope.ts";
import { useCrm } from "../support/crm-fixture.ts";

/**
 * The words of `report` (报表): which period, whose report (mine, team, @someone, a Slack
 * mention), and the refusals, in English and Chinese. The figures are in report.test.ts; the
 * workspace here is empty, so each report is quick to compute.
 */
const t = useCrm();

async function team(workspace: string) {
  const boss = t.person("boss", { workspace });
  const li = t.person("li", { workspace });
  const zhRep = t.person("zhang", { workspace, locale: "zh-CN" });
  for (const p of [boss, li, zhRep]) await p.run("help");
  return { boss, li, zhRep };
}

/** "Report — <whose>, <period>": who the report is about, as its first line says. */
async function whose(person: ReturnType<typeof t.person>, line: string) {
  const reply = await person.run(line);
  expect(reply.ok, reply.text).toBe(true);
  return /^Report — ([^,]+),/.exec(reply.text)?.[1] ?? reply.text;
}

describe("isScopeWord", () => {
  it("knows the words for one's own, the team's, and a person", () => {
    for (const word of ["mine", "MY", "me", "我的", "我", "team", "All", "团队", "全部", "全队", "@li", "＠李", "<@U123>", "<@U123|li>"]) {
      expect([word, isScopeWord(word)]).toEqual([word, true]);
    }
    for (const word of ["li", "week", "x@li", "<@U123", "<@>", "mine2", "teams", "x<@U123>", "<@U123>x"]) expect([word, isScopeWord(word)]).toEqual([word, false]);
  });
});

describe("report: whose", () => {
  it("is the team's for a director and one's own for a rep by default, and one's own on request", async () => {
    const { boss, li } = await team("rw-default");
    expect(await whose(boss, "report")).toBe("team");
    expect(await whose(li, "report")).toBe("li");
    expect(await whose(boss, "report me")).toBe("boss");
    expect(await whose(li, "report 我的")).toBe("li");
    expect(await whose(boss, "report 全队")).toBe("team");
    expect(await whose(li, "report @li")).toBe("li");
  });

  it("finds a person by id, by name in any case, or by a Slack mention", async () => {
    const { boss } = await team("rw-person");
    const named = t.person("U777", { workspace: "rw-person" });
    await t.crm.execute({ ...named.identity, displayName: "Zhao Wei" }, "help");
    expect(await whose(boss, "report @U777")).toBe("Zhao Wei");
    expect(await whose(boss, "report <@U777|zhao>")).toBe("Zhao Wei");
    expect(await whose(boss, "report <@U777>")).toBe("Zhao Wei");
    expect(await whose(boss, "report ＠li")).toBe("li");
    // A mention is the whole word: "@x<@U777>" is a name, and nobody's.
    expect((await boss.run("report @x<@U777>")).code).toBe("no_user");
  });

  it("asks which one when a name is shared, and says who it does not know", async () => {
    const { boss } = await team("rw-who");
    // Met in reverse: the list is by id all the same.
    for (const id of ["U2", "U1"]) await t.crm.execute({ ...t.person(id, { workspace: "rw-who" }).identity, displayName: "Chen" }, "help");
    const twice = await boss.run("report @chen");
    expect([twice.code, twice.text]).toEqual(["ambiguous_user", "Several people are called @chen: Chen (U1), Chen (U2). Use their id (the part in brackets)."]);
    expect(await whose(boss, "report @U2")).toBe("Chen");
    const nobody = await boss.run("report <@U404|ghost>");
    expect([nobody.code, nobody.text]).toEqual(["no_user", "I don't know <@U404|ghost> yet: they must send the bot a command first."]);
  });

  it("takes the person whose id is the word before another who goes by it as a name", async () => {
    const { boss } = await team("rw-id-first");
    await t.crm.execute({ ...t.person("chen", { workspace: "rw-id-first" }).identity, displayName: "Chen Jie" }, "help");
    await t.crm.execute({ ...t.person("U8", { workspace: "rw-id-first" }).identity, displayName: "chen" }, "help");
    expect(await whose(boss, "report @chen")).toBe("Chen Jie");
    expect(await whose(boss, "report @U8")).toBe("chen");
    // By name alone (no id is "CHEN"), in any case.
    expect(await whose(boss, "report @CHEN")).toBe("chen");
  });

  it("refuses a rep the team's or another's, in English and Chinese", async () => {
    const { li, zhRep } = await team("rw-rep");
    for (const line of ["report team", "report all", "report @boss", "report month @boss"]) {
      const reply = await li.run(line);
      expect([line, reply.code, reply.text]).toEqual([line, "forbidden", "A rep sees their own report only: report [week|month|quarter|2026-11] mine."]);
    }
    expect((await zhRep.run("报表 团队")).text).toBe("业务员只能看自己的报表：客户 报表 [本周|本月|本季度|2026-11] 我的");
  });
});

describe("report: which period", () => {
  it("reads one period and one whose in either order, and refuses a second of either or a key=value", async () => {
    const { boss, zhRep } = await team("rw-period");
    expect((await boss.run("report week team")).text).toMatch(/^Report — team, week 2026-W48 /);
    expect((await boss.run("report team 2026-10")).text).toMatch(/^Report — team, 2026-10 \([^)]*\d\)\n/);
    // Without a period: this month, so far.
    expect((await boss.run("report")).text).toMatch(/^Report — team, 2026-11 \([^)]*, to date\)\n/);
    const two = await boss.run("report week 2026-10");
    expect([two.code, two.text]).toEqual(["bad_period", "Give one period only."]);
    expect((await boss.run("report 2026-10 month")).text).toBe("Give one period only.");
    expect((await zhRep.run("报表 本周 本月")).text).toBe("只能给一个期间。");
    const scopes = await boss.run("report team mine");
    expect([scopes.code, scopes.text]).toEqual(["bad_period", '"mine" is not a period (week, month, quarter, 2026-11) or whose (mine, team, @someone).']);
    const pair = await boss.run("report period=week");
    expect(pair.code).toBe("bad_period");
    expect(pair.text).toBe('"period=week" is not a period (week, month, quarter, 2026-11) or whose (mine, team, @someone).');
    const future = await boss.run("report 2026-12");
    expect([future.code, future.text]).toEqual(["bad_period", "2026-12 has not begun: there is nothing to report yet."]);
    expect((await zhRep.run("报表 2026-12")).text).toBe("2026-12 还没开始，没有可报的数据。");
  });
});

describe("report: its charts", () => {
  it("titles them by whose report and which period it is", async () => {
    const { boss } = await team("rw-charts");
    // Nothing recorded, so the figures drawn are the same: only the titles tell the charts apart.
    const funnel = async (line: string) => {
      const reply = await boss.run(line);
      const file = reply.files?.find((f) => f.name === "funnel.png");
      expect(file, line).toBeDefined();
      return Buffer.from(file!.data);
    };
    const teamMonth = await funnel("report");
    expect(teamMonth.equals(await funnel("report team month"))).toBe(true);
    expect(teamMonth.equals(await funnel("report me"))).toBe(false);
    expect(teamMonth.equals(await funnel("report week"))).toBe(false);
  });
});
