import { describe, expect, it } from "vitest";
import { SUBCOMMAND_NAMES } from "../../src/commands/subcommands.ts";
import { useCrm } from "../support/crm-fixture.ts";

/**
 * `help` (帮助): the list, one command's card with its words in the reader's language first,
 * and what the playbook in use adds (the default playbook's counts-as rules and the selection
 * stage's prerequisites).
 */
const t = useCrm();

describe("help (帮助)", () => {
  it("lists every command with its summary, in English and Chinese", async () => {
    const en = t.person("reader", { workspace: "help-list" });
    const zh = t.person("zhreader", { workspace: "help-list", locale: "zh-CN" });
    const all = await en.run("help");
    expect(all.text).toBe("");
    expect(all.cards).toHaveLength(1);
    const card = all.cards[0]!;
    expect(card.title).toBe("Prospect commands");
    expect(card.sections[0]!.items).toHaveLength(SUBCOMMAND_NAMES.length);
    expect(card.sections[0]!.items[0]).toMatch(/^\/prospect add .+ — .+/);
    expect(card.footer).toMatch(/^Refer to a customer as #12/);
    const zhAll = (await zh.run("帮助")).cards[0]!;
    expect(zhAll.sections[0]!.items[0]).toMatch(/^客户 新增 .+：.+/);
    expect(zhAll.sections[0]!.items).toHaveLength(SUBCOMMAND_NAMES.length);
  });

  it("explains one command: its usage as the title, its words with the reader's language first", async () => {
    const en = t.person("reader", { workspace: "help-one" });
    const zh = t.person("zhreader", { workspace: "help-one", locale: "zh-CN" });
    const add = (await en.run("help 新增")).cards[0]!;
    expect(add.subtitle).toBe("add / 新增 / 添加 / 新建");
    expect(add.title).toMatch(/^\/prospect add /);
    const zhAdd = (await zh.run("帮助 add")).cards[0]!;
    expect(zhAdd.subtitle).toBe("新增 / 添加 / 新建 / add");
    // Nothing from the playbook for a command it does not change.
    const topic = (await en.run("help add")).cards[0]!.sections[0]!.items;
    expect(topic.some((line) => line.startsWith("Under this playbook") || line.startsWith("Into "))).toBe(false);
  });

  it("gives one command's card whole: no text beside it, the summary then the details, and no section title", async () => {
    const en = t.person("reader", { workspace: "help-card" });
    const reply = await en.run("help ls");
    expect(reply.text).toBe("");
    expect(reply.cards).toEqual([{
      title: "/prospect list [stage] [grade] [mine|team]",
      subtitle: "list / 列表 / 列出 / ls",
      fields: [],
      sections: [{ title: "", items: ["list customers", "Example: /prospect list intention A"] }],
      actions: [],
    }]);
    expect((await en.run("help")).cards[0]!.sections.map((s) => s.title)).toEqual([""]);
  });

  it("adds which touches count for others to log, and the stages' prerequisites to stage", async () => {
    const en = t.person("reader", { workspace: "help-playbook" });
    const zh = t.person("zhreader", { workspace: "help-playbook", locale: "zh-CN" });
    const log = (await en.run("help log")).cards[0]!.sections[0]!.items;
    expect(log.at(-1)).toBe("Under this playbook a visit also counts as Call, SMS; a wechat also counts as SMS.");
    expect((await zh.run("帮助 跟进")).cards[0]!.sections[0]!.items.at(-1)).toBe("按本销售手册：拜访也算作电话、短信跟进；微信也算作短信跟进。");
    const stage = (await en.run("help stage")).cards[0]!.sections[0]!.items;
    expect(stage.slice(-2)).toEqual([
      "Into Selection: it must be Intention · A first, its filing must be approved by a director.",
      "A director may add force=yes; the move is recorded as forced.",
    ]);
    expect((await zh.run("帮助 阶段")).cards[0]!.sections[0]!.items.slice(-2)).toEqual([
      "调整为选型客户：须先是意向客户 A级；备案须经销售总监批准。",
      "销售总监可加 force=yes 强制调整，并记入历史。",
    ]);
  });

  it("refuses a command it does not know, in English and Chinese", async () => {
    const en = t.person("reader", { workspace: "help-bad" });
    const zh = t.person("zhreader", { workspace: "help-bad", locale: "zh-CN" });
    const bad = await en.run("help frobnicate");
    expect([bad.code, bad.text]).toEqual(["unknown_subcommand", 'I don\'t know the command "frobnicate". Type /prospect help for the list.']);
    expect((await zh.run("帮助 飞")).text).toBe("没有“飞”这个命令。发送“客户 帮助”查看命令列表。");
  });
});
