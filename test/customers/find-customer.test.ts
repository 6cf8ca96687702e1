import { describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";

const t = useCrm();

describe("finding customers the way reps type them", () => {
  it("finds by characters in order, by pinyin initials, never across reps, and lists candidates when ambiguous", async () => {
    const boss = t.person("find-boss", { workspace: "find", locale: "zh-CN" });
    await boss.run("帮助"); // the first person is the admin
    const wu = t.person("find-wu", { workspace: "find", locale: "zh-CN" });
    const li = t.person("find-li", { workspace: "find", locale: "zh-CN" });
    expect((await wu.run("新增 深圳市金厨工程有限公司 负责人=吴经理")).ok).toBe(true);
    expect((await li.run("新增 深圳市金厨设备有限公司")).ok).toBe(true);

    const logged = await wu.run("跟进 深圳金厨 电话 吴经理确认选型：要5台大锅灶、2台煲仔炉，问价格和交货期，下周定。");
    expect(logged.ok, logged.text).toBe(true);
    expect(logged.text).toMatch(/^已记录 #\d+ 的电话跟进。$/);
    expect((await wu.run("查看 szjc")).cards[0]!.title).toMatch(/深圳市金厨工程有限公司$/);
    expect((await wu.run("查看 wjl")).cards[0]!.title).toMatch(/深圳市金厨工程有限公司$/);

    // Li's customer matches too, but Wu may not see it: nothing of it shows.
    const other = await wu.run("查看 金厨设备");
    expect(other.ok).toBe(false);
    expect(other.text).toBe("你的客户中没有与“金厨设备”匹配的。请用编号（如 #12），或发送“客户 列表”查看。");

    // The director sees both: a candidate list, by number.
    const both = await boss.run("查看 深圳金厨");
    expect(both.ok).toBe(false);
    expect(both.text).toContain("“深圳金厨”匹配到多个客户，请用编号指定：");
    expect(both.text).toContain("深圳市金厨工程有限公司（吴经理）");
    expect(both.text).toContain("深圳市金厨设备有限公司");
  });
});
