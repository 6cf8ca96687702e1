import { describe, expect, it } from "vitest";
import { useCrm, type Person } from "../support/crm-fixture.ts";
import type { InputFile } from "../../src/reply.ts";
import { csv, xlsx } from "./files.ts";

const t = useCrm();

function send(person: Person, file: InputFile, line = "import") {
  return t.crm.execute(person.identity, line, { files: [file] });
}

const ZH_HEADER = ["公司名称", "负责人", "职位", "手机", "省份", "城市", "地址", "等级", "阶段", "来源", "备注", "通话记录"];

describe("import: reading the file", () => {
  const admin = t.person("imp-admin", { workspace: "imp-read", locale: "zh-CN" });

  it("reads Chinese headers from a GBK CSV saved by Chinese Excel", async () => {
    const file = csv([ZH_HEADER, ["佛山拓鑫电器有限公司", "李总", "总经理", "13800138000", "广东", "佛山", "顺德区大良街道", "B", "潜在客户", "展会", "重点", "聊了二十分钟：三个酒店厨房项目，周三前要电磁炉报价"]], { encoding: "gbk" });
    const reply = await send(admin, file);
    expect(reply.ok, reply.text).toBe(true);
    expect(reply.text).toBe("customers.csv：共 1 行，将新建 1 个，重复 0 个，有错误 0 行。尚未写入任何数据。");
    expect(reply.cards[0]!.subtitle).toBe("按 CSV 读取（GB18030）");
    expect(reply.cards[0]!.sections[0]!.items).toEqual(["第 2 行 · 佛山拓鑫电器有限公司 · imp-admin"]);
    expect(reply.confirm).toMatch(/^import confirm [0-9a-f-]{36}$/);
    expect(await t.db.prisma.customer.count({ where: { company: "佛山拓鑫电器有限公司" } })).toBe(0);
  });

  it("reads UTF-8 with and without a BOM, and English headers", async () => {
    const rows = [["Company Name", "Contact", "Job Title", "Mobile Phone", "E-mail", "Grade"], ["Acme Tools", "Ann Lee", "CEO", "+86 139 0013 9000", "ann@acme.example", "A"]];
    for (const bom of [true, false]) {
      const reply = await send(admin, csv(rows, { bom }));
      expect(reply.text, `bom=${bom}`).toContain("将新建 1 个");
      expect(reply.cards[0]!.fields[0]!.value).toBe("Company Name, Contact, Job Title, Mobile Phone, E-mail, Grade");
      expect(reply.cards[0]!.subtitle).toBe("按 CSV 读取（UTF-8）");
    }
  });

  it("reads XLSX, a mobile typed as a number included", async () => {
    const file = await xlsx([["公司", "联系人", "手机号"], ["Beta Foods", "Wang", 13700137000]]);
    const reply = await send(admin, file);
    expect(reply.text).toContain("将新建 1 个");
    expect(reply.cards[0]!.subtitle).toBe("按 XLSX 读取");
  });

  it("never runs a formula: an XLSX formula cell is read as its result, and our export's apostrophe comes off", async () => {
    const file = await xlsx([
      ["公司名称", "备注"],
      [{ formula: 'HYPERLINK("http://evil.example","Formula Result Co")', result: "Formula Result Co" }, "'=cmd|' /C calc'!A0"],
    ]);
    const dry = await send(admin, file);
    expect(dry.cards[0]!.sections[0]!.items).toEqual(["第 2 行 · Formula Result Co · imp-admin"]);
    expect((await admin.run(dry.confirm!)).ok).toBe(true);
    const saved = await t.db.prisma.customer.findFirstOrThrow({ where: { company: "Formula Result Co" } });
    expect(saved.note).toBe("=cmd|' /C calc'!A0");
  });

  it("lists unknown columns instead of guessing, and refuses a file without a company column", async () => {
    const reply = await send(admin, csv([["公司名称", "手机", "客户爱好", "Birthday"], ["Gamma", "13600136001", "钓鱼", "1980-01-01"]]));
    expect(reply.ok).toBe(true);
    const unknown = reply.cards[0]!.sections.find((s) => s.title.startsWith("无法识别的列"));
    expect(unknown?.items).toEqual(["客户爱好, Birthday"]);
    const none = await send(admin, csv([["名字", "手机"], ["x", "13600136001"]]));
    expect(none.ok).toBe(false);
    expect(none.text).toBe("没有公司名称列：请把一列命名为“公司名称”（或 Company）。现在的表头：名字、手机。");
    const twice = await send(admin, csv([["公司", "公司名称"], ["x", "y"]]));
    expect(twice.text).toBe("“公司”和“公司名称”两列是同一个字段：请只保留一列。");
  });

  it("states and enforces its limits", async () => {
    const many = csv([["公司"], ...Array.from({ length: 20_001 }, (_, i) => [`Co ${i}`])]);
    expect((await send(admin, many)).text).toBe("文件有 20,001 行；一次最多导入 20,000 行。请拆分后依次导入。");
    const big = { name: "big.csv", bytes: new Uint8Array(10 * 1024 * 1024 + 1) };
    expect((await send(admin, big)).text).toBe("文件超过 10 MB。请拆分成几个小文件，依次导入。");
    expect((await send(admin, { name: "old.xls", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) })).text).toBe("“old.xls”不是可导入的文件：请发送 .csv 或 .xlsx 文件（旧版 .xls 请先另存为 .xlsx）。");
    expect((await send(admin, csv([["公司"]]))).text).toMatch(/^文件中没有可导入的行/);
    const help = await admin.run("import");
    expect(help.cards[0]!.sections[0]!.items.join("\n")).toContain("每个文件最多 20,000 行、10 MB");
  });
});

describe("import: the dry run sorts every row", () => {
  const admin = t.person("dry-admin", { workspace: "imp-dry" });

  it("reports bad rows with the reason per row and column, and duplicates in the file and in the workspace", async () => {
    await admin.run("add 'Existing Works Ltd' mobile=13900000001");
    const file = csv([
      ["Company", "Mobile", "Email", "Grade", "Stage"],
      ["Fresh One", "13900000010", "", "", ""],
      ["", "13900000011", "", "", ""],
      ["Bad Mobile Co", "12345", "not-an-email", "", ""],
      ["Bad Grade Co", "", "", "Z", ""],
      ["Bad Stage Co", "", "", "", "nowhere"],
      ["Existing Works", "", "", "", ""],
      ["Other Name", "13900000001", "", "", ""],
      ["fresh one (深圳)", "", "", "", ""],
      ["Second Fresh", "139 0000 0010", "", "", ""],
    ]);
    const reply = await send(admin, file);
    expect(reply.text).toBe("customers.csv: 9 rows — 1 to create, 4 duplicates, 4 with mistakes. Nothing is written yet.");
    const [create, duplicates, invalid] = reply.cards[0]!.sections;
    expect(create!.items).toEqual(["line 2 · Fresh One · dry-admin"]);
    expect(duplicates!.items).toEqual([
      "line 7 · Existing Works — already #1 (owner dry-admin)",
      "line 8 · Other Name — its mobile is #1 (owner dry-admin)",
      "line 9 · fresh one (深圳) — same company or mobile as line 2",
      "line 10 · Second Fresh — same company or mobile as line 2",
    ]);
    expect(invalid!.title).toBe("Mistakes, skipped (4) — fix them in the file and send it again");
    expect(invalid!.items[0]).toBe("line 3: Company is required.");
    expect(invalid!.items[1]).toMatch(/^line 4: Mobile: "12345" is not valid — expected an 11-digit.* Email: "not-an-email"/);
    expect(invalid!.items[2]).toMatch(/^line 5: .*"Z"/);
    expect(invalid!.items[3]).toMatch(/^line 6: .*"nowhere"/);
  });
});
