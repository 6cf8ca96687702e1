import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/commands/parse.ts";
import { isReadOnlyCommand, isReadOnlyName } from "../../src/commands/read-only.ts";
import { findSubcommand, SUBCOMMAND_NAMES } from "../../src/commands/subcommands.ts";
import { refuseUnread } from "../../src/commands/unread.ts";
import { DomainError } from "../../src/errors.ts";
import { en } from "../../src/i18n/en.ts";

describe("the words that reach a subcommand", () => {
  // Every word written out: deleting one from the table must fail here.
  it.each([
    ["新增", "add"], ["添加", "add"], ["新建", "add"],
    ["列表", "list"], ["列出", "list"], ["ls", "list"],
    ["查看", "show"], ["详情", "show"],
    ["修改", "edit"], ["编辑", "edit"],
    ["跟进", "log"], ["记录", "log"],
    ["定级", "grade"], ["等级", "grade"], ["分级", "grade"],
    ["阶段", "stage"],
    ["成交", "won"],
    ["订单", "order"], ["下单", "order"], ["复购", "order"],
    ["战败", "lost"], ["流失", "lost"],
    ["推迟", "snooze"], ["延后", "snooze"],
    ["今日", "due"], ["待办", "due"], ["到期", "due"],
    ["备案", "file"],
    ["批准", "approve"], ["通过", "approve"],
    ["驳回", "reject"],
    ["角色", "role"],
    ["语言", "lang"], ["language", "lang"],
    ["设置", "setup"],
    ["报表", "report"], ["报告", "report"],
    ["目标", "target"],
    ["帮助", "help"], ["?", "help"], ["？", "help"],
    ["转交", "assign"], ["分配", "assign"],
    ["释放", "release"], ["放回公海", "release"],
    ["公海", "pool"],
    ["领取", "claim"], ["认领", "claim"],
    ["是", "yes"], ["确认", "yes"], ["confirm", "yes"], ["y", "yes"],
    ["催办", "nudge"], ["提醒", "nudge"],
    ["导入", "import"],
    ["导出", "export"],
  ])("%s reaches %s", (word, name) => {
    expect(findSubcommand(word)).toBe(name);
  });

  it("knows each subcommand by its own name, in any case", () => {
    expect(SUBCOMMAND_NAMES).toHaveLength(29);
    for (const name of SUBCOMMAND_NAMES) {
      expect(findSubcommand(name)).toBe(name);
      expect(findSubcommand(name.toUpperCase())).toBe(name);
    }
    expect(findSubcommand("LS")).toBe("list");
    expect(findSubcommand("Confirm")).toBe("yes");
  });

  it("knows no other words", () => {
    for (const word of ["", "frobnicate", "adds", "constructor", "prospect"]) expect(findSubcommand(word)).toBeUndefined();
  });
});

describe("read-only commands", () => {
  it("are show, list, due, help and report, by any of their words", () => {
    for (const line of ["show #1", "list", "due", "help", "report week", "查看 #1", "/prospect 列表", "今日", "", "报表"]) {
      expect(isReadOnlyCommand(line), line).toBe(true);
    }
  });

  it("are no other command, and no line that does not parse", () => {
    for (const line of ["add Acme", "log #1 call", "edit #1 note=x", "yes", "frobnicate", 'show "#1']) {
      expect(isReadOnlyCommand(line), line).toBe(false);
    }
    expect(isReadOnlyName("edit")).toBe(false);
    expect(isReadOnlyName("show")).toBe(true);
  });
});

describe("words a command has no place for", () => {
  const refused = (line: string, used: number, options?: { pairs?: boolean }) => {
    try {
      refuseUnread(parseCommand(line), used, options);
    } catch (error) {
      if (error instanceof DomainError) return [error.code, error.render(en)];
      throw error;
    }
    return null;
  };

  it("are refused, naming them all", () => {
    expect(refused("show #12 please", 1)).toEqual(["usage", 'I could not read "please": this command takes nothing there. Check /prospect help.']);
    expect(refused("show #12 a b x=y", 1)?.[1]).toContain('"a b x=y"');
    expect(refused("claim #12 force=yes", 1)?.[1]).toContain('"force=yes"');
  });

  it("are none when every word is used and pairs are allowed", () => {
    expect(refused("show #12", 1)).toBeNull();
    expect(refused("log #12 call", 2)).toBeNull();
    expect(refused("edit #12 note=x", 1, { pairs: true })).toBeNull();
    expect(refused("edit #12 more note=x", 1, { pairs: true })?.[1]).toContain('"more"');
  });
});
