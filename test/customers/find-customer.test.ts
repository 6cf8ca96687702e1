import { describe, expect, it } from "vitest";
import { addAs, useCrm } from "../support/crm-fixture.ts";

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

describe("finding a customer by number", () => {
  it("asks which customer when none is named", async () => {
    const rep = t.person("ref-asker", { workspace: "find-none" });
    const asked = "Which customer? Give its number like #12, or part of its name.";
    expect((await rep.run("show")).text).toBe(asked);
    expect((await rep.run("show")).code).toBe("missing_ref");
    expect((await rep.run('show ""')).text).toBe(asked);
    expect((await rep.run('show "   "')).text).toBe(asked);
  });

  it("finds the caller's own by number, with or without its workspace, and refuses the rest without details", async () => {
    const boss = t.person("num-boss", { workspace: "find-num" });
    await boss.run("help"); // the first person is the admin
    const rep = t.person("num-rep", { workspace: "find-num" });
    const other = t.person("num-other", { workspace: "find-num" });
    const n = await addAs(rep, "add 'Numbered Kitchens' contact=Zhao");
    expect((await rep.run(`show #${n}`)).cards[0]!.title).toBe(`#${n} Numbered Kitchens`);
    expect((await rep.run(`show #${n}@find-num`)).cards[0]!.title).toBe(`#${n} Numbered Kitchens`);
    const elsewhere = await rep.run(`show #${n}@another-ws`);
    expect(elsewhere.ok).toBe(false);
    expect(elsewhere.text).toBe("This card belongs to another workspace: you can only act on your own workspace's customers.");
    expect(elsewhere.code).toBe("other_workspace");
    const notYours = await other.run(`show #${n}`);
    expect(notYours.text).toBe(`#${n} is not one of your customers: only its owner or a director can see or change it.`);
    expect(notYours.cards).toEqual([]);
    expect(notYours.code).toBe("forbidden");
    expect((await boss.run(`show #${n}`)).cards[0]!.title).toBe(`#${n} Numbered Kitchens`);
    const missing = await rep.run(`show #${n + 1}`);
    expect(missing.text).toBe(`There is no customer #${n + 1}. /prospect list shows yours.`);
    expect(missing.code).toBe("not_found");
  });
});

describe("finding a customer by name", () => {
  it("takes the customer whose company is exactly the name typed, and ignores case", async () => {
    const rep = t.person("exact-rep", { workspace: "find-exact" });
    const acme = await addAs(rep, "add Acme");
    await addAs(rep, "add 'Acme Kitchens'");
    const tools = await addAs(rep, "add 'Acme Tools' contact=Qian");
    expect((await rep.run("show acme")).cards[0]!.title).toBe(`#${acme} Acme`);
    expect((await rep.run("show 'ACME TOOLS'")).cards[0]!.title).toBe(`#${tools} Acme Tools`);
    expect((await rep.run("show QIAN")).cards[0]!.title).toBe(`#${tools} Acme Tools`);
  });

  it("finds by a single letter of the company or the contact, which no loose match takes", async () => {
    const rep = t.person("letter-rep", { workspace: "find-letter" });
    const kitchens = await addAs(rep, "add 'Acme Kitchens' contact=Zhao");
    await addAs(rep, "add 'Beta Tools'");
    expect((await rep.run("show k")).cards[0]!.title).toBe(`#${kitchens} Acme Kitchens`);
    expect((await rep.run("show z")).cards[0]!.title).toBe(`#${kitchens} Acme Kitchens`);
  });

  it("reads the name without the spaces around it, and names it so when nothing matches", async () => {
    const rep = t.person("spaces-rep", { workspace: "find-spaces" });
    const tools = await addAs(rep, "add 'Gamma Tools'");
    expect((await rep.run("show '  gamma tools  '")).cards[0]!.title).toBe(`#${tools} Gamma Tools`);
    const none = await rep.run("show '  nothing-like-it  '");
    expect(none.code).toBe("not_found");
    expect(none.text).toBe('No customer of yours matches "nothing-like-it". Try its number (#12) or /prospect list.');
  });

  it("lists the first eight candidates by number and says how many more match", async () => {
    const rep = t.person("many-rep", { workspace: "find-many" });
    const numbers = [];
    for (let i = 1; i <= 10; i++) numbers.push(await addAs(rep, `add 'Tile Shop ${i}'`));
    const reply = await rep.run("show tile");
    expect(reply.ok).toBe(false);
    expect(reply.code).toBe("ambiguous");
    expect(reply.text).toBe(
      [`"tile" matches several customers; use the number:`, ...numbers.slice(0, 8).map((n, i) => `#${n} Tile Shop ${i + 1}`), "…and 2 more"].join("\n"),
    );
  });

  it("lists the candidates a loose match finds when it finds several", async () => {
    const rep = t.person("loose-rep", { workspace: "find-loose", locale: "zh-CN" });
    const a = await addAs(rep, "新增 深圳市金厨工程有限公司");
    const b = await addAs(rep, "新增 深圳市金厨设备有限公司");
    const reply = await rep.run("查看 szjc");
    expect(reply.ok).toBe(false);
    expect(reply.code).toBe("ambiguous");
    expect(reply.text).toContain(`#${a} 深圳市金厨工程有限公司`);
    expect(reply.text).toContain(`#${b} 深圳市金厨设备有限公司`);
  });
});
