import { describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";
import { csv } from "./files.ts";

/**
 * `import` (导入) around the file: none, two, a path the console could not open, and the confirm
 * and cancel words, in English and Chinese. Reading the file and the confirm's all-or-nothing
 * write are in import.test.ts and confirm.test.ts.
 */
const t = useCrm();

async function pending(workspace: string) {
  const ws = await t.db.prisma.workspace.findFirstOrThrow({ where: { externalId: workspace } });
  return t.db.prisma.pendingImport.count({ where: { workspaceId: ws.id } });
}

async function people(workspace: string) {
  const admin = t.person("admin", { workspace });
  const zh = t.person("zhang", { workspace, locale: "zh-CN" });
  await admin.run("help");
  await zh.run("help");
  return { admin, zh };
}

describe("import without one file", () => {
  it("explains how to send one, with the limits, in English and Chinese", async () => {
    const { admin, zh } = await people("iw-howto");
    const en = await admin.run("import");
    expect(en.ok).toBe(true);
    expect(en.text).toMatch(/^Send me the customer file \(\.xlsx or \.csv\)/);
    expect(en.cards).toHaveLength(1);
    expect(en.cards[0]!.title).toBe("import customers from an Excel or CSV file");
    expect(en.cards[0]!.sections.map((s) => s.title)).toEqual([""]);
    expect(en.cards[0]!.sections[0]!.items).toHaveLength(3);
    expect(en.cards[0]!.sections[0]!.items[0]).toBe(en.text);
    expect(en.cards[0]!.sections[0]!.items[2]).toBe(
      "First you get a dry run (what will be created, duplicates, rows with mistakes), then a button to confirm. At most 20,000 rows and 10 MB per file; CSV in UTF-8 or GBK.",
    );
    const cn = await zh.run("导入");
    expect(cn.text).toMatch(/^请在与机器人的私聊中发送客户文件/);
    expect(cn.cards[0]!.sections[0]!.items[2]).toBe("先给出预检结果（将新建哪些、哪些重复、哪些有错误），再点按钮确认。每个文件最多 20,000 行、10 MB；CSV 支持 UTF-8 和 GBK。");
  });

  it("names the path it could not open, whole", async () => {
    const { admin, zh } = await people("iw-path");
    const missing = await admin.run("import /tmp/no such/file.xlsx");
    expect([missing.ok, missing.code, missing.text]).toEqual([false, "no_file", 'I could not open the file "/tmp/no such/file.xlsx". Check the path and try again.']);
    expect((await zh.run("导入 客户.xlsx")).text).toBe("无法打开文件“客户.xlsx”。请检查路径后重试。");
    // `confirm` or `cancel` without an id is no command of their own: a path like any other.
    expect((await admin.run("import confirm")).text).toBe('I could not open the file "confirm". Check the path and try again.');
  });

  it("refuses two files at once, naming them, in English and Chinese", async () => {
    const { admin, zh } = await people("iw-two");
    const files = [csv([["Company"], ["A"]], { name: "a.csv" }), csv([["Company"], ["B"]], { name: "b.csv" })];
    const two = await t.crm.execute(admin.identity, "import", { files });
    expect([two.code, two.text]).toEqual(["one_file", "You sent 2 files at once (a.csv, b.csv): send one file per message, each gets its own dry run."]);
    expect((await t.crm.execute(zh.identity, "导入", { files })).text).toBe("一次发送了 2 个文件（a.csv、b.csv）：请每条消息只发一个文件，每个文件单独预检。");
    // Not even with a confirm word: the files come first.
    expect((await t.crm.execute(admin.identity, "import confirm abc", { files })).code).toBe("one_file");
    expect(await pending("iw-two")).toBe(0);
  });
});

describe("import of a big file", () => {
  it("checks it where nobody listens for progress (no messenger to tell)", async () => {
    const { admin } = await people("iw-big");
    const rows = Array.from({ length: 2_000 }, (_, i) => [`Quiet Customer ${i}`]);
    const dry = await t.crm.execute(admin.identity, "import", { files: [csv([["Company"], ...rows])] });
    expect(dry.ok, dry.text).toBe(true);
    expect(dry.text).toContain("2,000 to create");
  }, 60_000);
});

describe("import confirm and cancel words", () => {
  it("confirms with 确认 and cancels with 取消 or CANCEL, each replying with a card of its own", async () => {
    const { admin, zh } = await people("iw-words");
    const dry = await t.crm.execute(zh.identity, "导入", { files: [csv([["公司名称"], ["甲公司"], ["乙公司"]], { name: "名单.csv" })] });
    const id = dry.confirm!.split(" ")[2]!;
    const done = await zh.run(`导入 确认 ${id}`);
    expect(done.text).toBe("已导入 2 个客户（#1–#2），从今天起按各自等级的跟进节奏提醒。");
    expect(done.cards.map((c) => c.title)).toEqual(["已导入：名单.csv"]);
    const second = await t.crm.execute(admin.identity, "import", { files: [csv([["Company"], ["Gamma"]], { name: "more.csv" })] });
    const cancelled = await admin.run(`import CANCEL ${second.confirm!.split(" ")[2]!}`);
    expect(cancelled.text).toBe("Import cancelled; nothing was written.");
    expect(cancelled.cards.map((c) => c.title)).toEqual(["Import cancelled: more.csv"]);
    const third = await t.crm.execute(zh.identity, "导入", { files: [csv([["公司名称"], ["丙公司"]], { name: "c.csv" })] });
    expect((await zh.run(`导入 取消 ${third.confirm!.split(" ")[2]!}`)).text).toBe("已取消导入，没有写入任何数据。");
    expect((await t.db.prisma.customer.findMany({ where: { workspace: { externalId: "iw-words" } }, orderBy: { number: "asc" } })).map((c) => c.company)).toEqual(["甲公司", "乙公司"]);
  });

  it("keeps nothing to confirm when no row is to be created", async () => {
    const { admin } = await people("iw-nothing");
    expect((await admin.run("add Alpha")).ok).toBe(true);
    const dry = await t.crm.execute(admin.identity, "import", { files: [csv([["Company"], ["Alpha"]])] });
    expect(dry.ok).toBe(true);
    expect(dry.confirm).toBeUndefined();
    expect(await pending("iw-nothing")).toBe(0);
    expect((await admin.run("yes")).code).toBe("nothing_pending");
  });
});
