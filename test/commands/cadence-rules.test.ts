import { describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";
import { csv } from "../import/files.ts";

// Mon 23 Nov 2026, 10:00 in Shanghai.
const t = useCrm();
const DAY = 86_400_000;

async function numberOf(reply: { ok: boolean; text: string }): Promise<number> {
  expect(reply.ok, reply.text).toBe(true);
  return Number(/#(\d+)/.exec(reply.text)![1]);
}

const nextTouches = (reply: { cards: { sections: { title: string; items: string[] }[] }[] }) =>
  reply.cards[0]!.sections.find((s) => s.title === "下次跟进")?.items ?? [];

describe("due and overdue, the same on every day (issue #9)", () => {
  it("says 今天到期 only on the due day, then 已到期 N 天, then 已逾期 N 天", async () => {
    const rep = t.person("label-rep", { workspace: "labels", locale: "zh-CN" });
    const n = await numberOf(await rep.run("新增 标签公司 等级=A"));
    const start = t.clock.now.getTime();
    const on = async (days: number) => {
      t.clock.set(new Date(start + days * DAY).toISOString());
      return nextTouches(await rep.run(`查看 #${n}`));
    };
    expect(await on(7)).toContain("电话：今天到期"); // Mon 30 Nov
    expect(await on(8)).toContain("电话：已到期 1 天");
    expect(await on(9)).toContain("电话：已到期 2 天");
    expect(await on(10)).toContain("电话：已逾期 3 天"); // overdue from Thu 3 Dec
    expect(await on(12)).toContain("电话：已逾期 5 天");
  });

  it("marks overdue customers in a director's filtered list, under a title naming the filter", async () => {
    const boss = t.person("list-boss", { workspace: "list-marks", locale: "zh-CN" });
    await numberOf(await boss.run("新增 意向一 阶段=意向 等级=A"));
    await numberOf(await boss.run("新增 意向二 阶段=意向 等级=A"));
    await boss.run("跟进 意向二 电话 约了下周见面，确认预算");
    await boss.run("跟进 意向二 短信 发了产品目录");
    t.clock.set(new Date(t.clock.now.getTime() + 10 * DAY).toISOString()); // Thu 3 Dec
    const listed = await boss.run("列表 意向 A");
    expect(listed.text).toBe("");
    expect(listed.cards[0]!.title).toBe("团队客户 · 意向客户 A级（2）");
    expect(listed.cards[0]!.sections[0]!.items.every((line) => line.includes("⚠ 已逾期 3 天"))).toBe(true);
  });
});

describe("no loophole through the commands", () => {
  it("a re-grade leaves an overdue SMS overdue; a WeChat message clears it", async () => {
    const rep = t.person("loophole-rep", { workspace: "loophole", locale: "zh-CN" });
    const n = await numberOf(await rep.run("新增 漏洞公司 等级=A"));
    await rep.run(`跟进 #${n} 短信 发了报价单`);
    t.clock.set(new Date(t.clock.now.getTime() + 14 * DAY).toISOString()); // Mon 7 Dec: SMS due 30 Nov, overdue 3 Dec
    await rep.run(`跟进 #${n} 电话 客户说下个月再谈，先保持联系`);
    const regraded = await rep.run(`阶段 #${n} 潜在 C`);
    expect(regraded.ok, regraded.text).toBe(true);
    expect(nextTouches(regraded)).toContain("短信：已逾期 7 天");
    const due = await rep.run("今日");
    expect(due.text).toBe("今天要联系 1 个客户，其中 1 个已逾期。");
    const wechat = await rep.run(`跟进 #${n} 微信 发了新品资料`);
    expect(nextTouches(wechat)).toEqual(["电话：15 天后（2026-12-22 周二）", "短信：15 天后（2026-12-22 周二）"]);
  });

  it("a visit counts as a call and an SMS", async () => {
    const rep = t.person("visit-rep", { workspace: "visits", locale: "zh-CN" });
    const n = await numberOf(await rep.run("新增 拜访公司 等级=A"));
    t.clock.set(new Date(t.clock.now.getTime() + 8 * DAY).toISOString()); // Tue 1 Dec: both due
    const visited = await rep.run(`跟进 #${n} 拜访 参观了工厂，谈了两个项目`);
    expect(nextTouches(visited)).toEqual(["电话：7 天后（2026-12-08 周二）", "短信：7 天后（2026-12-08 周二）"]);
  });
});

describe("stage prerequisites (default playbook: selection follows an A-grade intention customer, filed)", () => {
  it("refuses with what is missing, lets a director force it, and records the forced move", async () => {
    const boss = t.person("pre-boss", { workspace: "prereq", locale: "zh-CN" });
    await boss.run("帮助");
    const rep = t.person("pre-rep", { workspace: "prereq", locale: "zh-CN" });
    const n = await numberOf(await rep.run("新增 选型公司 等级=C"));
    const refused = await rep.run(`阶段 #${n} 选型`);
    expect(refused.ok).toBe(false);
    expect(refused.code).toBe("prerequisites");
    expect(refused.text).toBe(
      `#${n} 还不能调整为选型客户：须先是意向客户 A级（现在是潜在客户 C级）；备案须经销售总监批准（现在：未备案）。如确需调整，请联系销售总监。`,
    );
    expect((await rep.run(`阶段 #${n} 选型 force=yes`)).code).toBe("prerequisites");
    expect((await rep.run(`阶段 #${n} 选型 colour=red`)).code).toBe("usage");
    const bossRefused = await boss.run(`阶段 #${n} 选型`);
    expect(bossRefused.text).toContain("如确需调整，加上 force=yes，系统会记录为强制调整。");
    const forced = await boss.run(`阶段 #${n} 选型 force=yes`);
    expect(forced.ok, forced.text).toBe(true);
    const change = await t.db.prisma.stageChange.findFirstOrThrow({ where: { toStage: "selection", customer: { number: n, workspace: { externalId: "prereq" } } } });
    expect(change.forced).toBe(true);
  });

  it("lets an A-grade intention customer with an approved filing into selection", async () => {
    const boss = t.person("ok-boss", { workspace: "prereq-ok", locale: "zh-CN" });
    const n = await numberOf(await boss.run(
      "新增 合格公司 负责人=吴经理 职位=采购经理 手机=13800138001 省份=广东 地址=深圳市南山区 阶段=意向 等级=A",
    ));
    await boss.run(`跟进 #${n} 电话 吴经理确认选型：要5台大锅灶、2台煲仔炉，问价格和交货期，下周定。`);
    expect((await boss.run(`备案 #${n}`)).ok).toBe(true);
    expect((await boss.run(`批准 #${n}`)).ok).toBe(true);
    const moved = await boss.run(`阶段 #${n} 选型`);
    expect(moved.ok, moved.text).toBe(true);
    const change = await t.db.prisma.stageChange.findFirstOrThrow({ where: { toStage: "selection", customer: { number: n, workspace: { externalId: "prereq-ok" } } } });
    expect(change.forced).toBe(false);
  });
});

describe("stage prerequisites on every path into a stage", () => {
  it("add, edit and import into selection are checked like 阶段; a director's force=yes is recorded", async () => {
    const boss = t.person("path-boss", { workspace: "prereq-paths", locale: "zh-CN" });
    await boss.run("帮助");
    const rep = t.person("path-rep", { workspace: "prereq-paths", locale: "zh-CN" });
    const before = await t.db.prisma.customer.count();
    const added = await rep.run("新增 直接选型 阶段=选型");
    expect(added.fieldErrors).toHaveProperty("stage");
    expect(added.text).toBe(
      "新客户不能直接新增为选型客户：须先是意向客户 A级；备案须经销售总监批准。请先按更早的阶段新增，条件满足后再调整阶段。如确需直接新增，请联系销售总监。",
    );
    // Reported with the other bad fields, in one reply; a rep's force=yes only skips the duplicate check.
    const both = await rep.run("新增 直接选型 阶段=选型 手机=123");
    expect(both.text.split("\n")).toEqual([expect.stringContaining("手机：“123”无效"), expect.stringContaining("新客户不能直接新增为选型客户")]);
    expect(both.fieldErrors).toHaveProperty("stage");
    expect((await rep.run("新增 直接选型 阶段=选型 force=yes")).text).toContain("新客户不能直接新增为选型客户");
    expect(await t.db.prisma.customer.count()).toBe(before);

    const n = await numberOf(await rep.run("新增 修改选型 等级=C"));
    const edited = await rep.run(`修改 #${n} 阶段=选型 职位=经理`);
    expect(edited.fieldErrors).toHaveProperty("stage");
    expect(edited.text).toContain(`#${n} 还不能调整为选型客户：须先是意向客户 A级（现在是潜在客户 C级）`);
    expect((await t.db.prisma.customer.findFirstOrThrow({ where: { company: "修改选型" } })).title).toBeNull();

    const bossAdded = await boss.run("新增 总监选型 阶段=选型");
    expect(bossAdded.text).toContain("如确需直接新增，加上 force=yes，系统会记录为强制调整。");
    const forced = await numberOf(await boss.run("新增 总监选型 阶段=选型 force=yes"));
    const changes = await t.db.prisma.stageChange.findMany({ where: { customer: { number: forced, workspace: { externalId: "prereq-paths" } } } });
    expect(changes.map((c) => [c.fromStage, c.toStage, c.forced])).toEqual([[null, "selection", true]]);

    // An import has no force=yes: the row is listed among the mistakes, for a director too.
    const dry = await t.crm.execute(boss.identity, "导入", { files: [csv([["公司名称", "阶段"], ["导入选型", "选型"], ["导入意向", "意向"]])] });
    expect(dry.text).toContain("将新建 1 个，重复 0 个，有错误 1 行");
    expect(JSON.stringify(dry.cards)).toContain("第 2 行：新客户不能直接新增为选型客户");
  });
});

describe("Chinese that reads natively (issue #9, item 7)", () => {
  it("a won customer neither shows what filing lacks nor offers to file; its order reads ¥50,000", async () => {
    const rep = t.person("won-rep", { workspace: "won-card", locale: "zh-CN" });
    const n = await numberOf(await rep.run("新增 成交卡片公司"));
    const before = await rep.run(`查看 #${n}`);
    expect(before.cards[0]!.sections.map((s) => s.title)).toContain("备案还缺");
    const won = await rep.run(`成交 #${n} 5万`);
    expect(won.text).toBe(`#${n} 现在是成交客户。`);
    const shown = won.cards[0]!;
    expect(shown.sections.map((s) => s.title)).toEqual(["下次跟进", "订单（1 笔，¥50,000）"]);
    expect(shown.actions.map((a) => a.label)).not.toContain("提交备案");
  });

  it("help says what this playbook counts and requires, with Chinese words first", async () => {
    const rep = t.person("help-rep", { workspace: "help-zh", locale: "zh-CN" });
    const log = (await rep.run("帮助 跟进")).cards[0]!;
    expect(log.subtitle).toBe("跟进 / 记录 / log");
    expect(log.sections[0]!.items).toContain("按本销售手册：拜访也算作电话、短信跟进；微信也算作短信跟进。");
    const stage = (await rep.run("帮助 阶段")).cards[0]!.sections[0]!.items;
    expect(stage.slice(-2)).toEqual(["调整为选型客户：须先是意向客户 A级；备案须经销售总监批准。", "销售总监可加 force=yes 强制调整，并记入历史。"]);
    const all = (await rep.run("帮助")).cards[0]!.sections[0]!.items;
    expect(all[0]).toBe("客户 新增 <公司> 字段=值…：新增客户");
  });
});

describe("the filing call log counts what carries meaning", () => {
  it("passes a call log of substance and refuses 打了电话", async () => {
    const rep = t.person("log-rep", { workspace: "call-logs", locale: "zh-CN" });
    const fields = "负责人=吴经理 职位=采购经理 省份=广东 地址=深圳市南山区";
    const thin = await numberOf(await rep.run(`新增 薄记录公司 ${fields} 手机=13800138002`));
    await rep.run(`跟进 #${thin} 电话 打了电话`);
    const refused = await rep.run(`备案 #${thin}`);
    expect(refused.ok).toBe(false);
    expect(refused.text).toContain("通话记录的有效内容只有 4 字（不计标点和空格），至少需要 24 字");
    const rich = await numberOf(await rep.run(`新增 实记录公司 ${fields} 手机=13800138003`));
    await rep.run(`跟进 #${rich} 电话 吴经理确认选型：要5台大锅灶、2台煲仔炉，问价格和交货期，下周定。`);
    expect((await rep.run(`备案 #${rich}`)).ok).toBe(true);
  });
});

describe("every invalid field in one reply", () => {
  it("add and edit name each bad field, the stage and grade included, at once", async () => {
    const rep = t.person("fields-rep", { workspace: "fields", locale: "zh-CN" });
    const added = await rep.run("新增 字段公司 手机=123 邮箱=nope 等级=Z");
    expect(added.ok).toBe(false);
    expect(added.text.split("\n")).toEqual([
      "手机：“123”无效，应为11 位大陆手机号，例如 13800138000。",
      "邮箱：“nope”无效，应为邮箱地址，例如 li@example.com。",
      "“Z”不是潜在客户的等级。可用等级：A、B、C、D。",
    ]);
    expect(Object.keys(added.fieldErrors ?? {}).sort()).toEqual(["email", "grade", "mobile"]);
    const n = await numberOf(await rep.run("新增 字段公司"));
    const edited = await rep.run(`修改 #${n} 手机=123 阶段=火星`);
    expect(edited.ok).toBe(false);
    expect(edited.text.split("\n")).toHaveLength(2);
    expect(edited.text).toContain("“火星”不是有效阶段");
  });
});
