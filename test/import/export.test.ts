import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";
import { readXlsxCells } from "./files.ts";

const t = useCrm();

describe("export", () => {
  const boss = t.person("ex-boss", { workspace: "exp", locale: "zh-CN" });
  const rep = t.person("ex-rep", { workspace: "exp" });

  it("gives a rep their own customers and a director the team's, with Chinese headers for a Chinese user", async () => {
    await boss.run("help");
    await boss.run("add 佛山拓鑫电器 负责人=李总 手机=13800138000 等级=B");
    await rep.run("add 'Rep Own Co' contact=Lee mobile=13800138001 grade=A");
    await rep.run("log 'Rep Own Co' call asked for a quote");
    expect((await rep.run("won 'Rep Own Co' 5万")).ok).toBe(true);
    expect((await rep.run("export team")).text).toBe("Only directors export the team's customers; `export` gives you your own.");
    expect((await rep.run("export tema")).text).toBe('I don\'t know "tema" here: use export [mine|team] [csv|xlsx].');

    const mine = await rep.run("export csv");
    expect(mine.files).toHaveLength(1);
    const file = mine.files![0]!;
    expect(file.name).toMatch(/^customers-mine-\d{8}\.csv$/);
    expect([...file.data.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(Buffer.from(file.data).toString("utf8"), { bom: true }) as string[][];
    expect(rows.slice(1).map((r) => r[1])).toEqual(["Rep Own Co"]);
    expect(rows[0]!.slice(0, 5)).toEqual(["No.", "Company", "Decision-maker", "Position", "Mobile"]);
    const lastTouch = rows[0]!.indexOf("Last touch");
    expect(rows[1]![lastTouch]).not.toBe("");
    expect(rows[1]![rows[0]!.indexOf("Orders")]).toBe("1");
    expect(rows[1]![rows[0]!.indexOf("Order total")]).toBe("50000.00");

    const team = await boss.run("导出 团队 xlsx");
    expect(team.text).toMatch(/^已导出 2 个客户/);
    const sheet = await readXlsxCells(team.files![0]!.data);
    expect(sheet.getRow(1).getCell(2).value).toBe("公司名称");
    expect(sheet.getRow(1).getCell(3).value).toBe("负责人");
    expect(sheet.getRow(2).getCell(2).value).toBe("佛山拓鑫电器");
    // A mobile stays text: no 1.38E+10.
    expect(sheet.getRow(2).getCell(5).value).toBe("13800138000");
  });

  it("never lets a spreadsheet run a cell as a formula", async () => {
    expect((await rep.run(`add '=HYPERLINK("http://evil.example","click")' note="+cmd|' /C calc'!A0"`)).ok).toBe(true);
    const csvReply = await rep.run("export csv");
    const rows = parse(Buffer.from(csvReply.files![0]!.data).toString("utf8"), { bom: true }) as string[][];
    const evil = rows.find((r) => r[1]!.includes("HYPERLINK"))!;
    expect(evil[1]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(evil[rows[0]!.indexOf("Note")]).toBe("'+cmd|' /C calc'!A0");
    const xlsxReply = await rep.run("export xlsx");
    const sheet = await readXlsxCells(xlsxReply.files![0]!.data);
    let found = false;
    sheet.eachRow((row) => row.eachCell((cell) => {
      expect(cell.formula).toBeUndefined();
      expect(typeof cell.value === "string" || cell.value === null).toBe(true);
      if (String(cell.value).includes("HYPERLINK")) found = String(cell.value).startsWith("'=");
    }));
    expect(found).toBe(true);
  });

  it("re-imports as all duplicates (round trip), CSV and XLSX", async () => {
    for (const format of ["csv", "xlsx"]) {
      const exported = await boss.run(`export team ${format}`);
      const file = exported.files![0]!;
      const dry = await t.crm.execute(boss.identity, "import", { files: [{ name: file.name, bytes: file.data }] });
      expect(dry.ok, dry.text).toBe(true);
      expect(dry.text, format).toMatch(/共 3 行，将新建 0 个，重复 3 个，有错误 0 行/);
      expect(dry.confirm).toBeUndefined();
      expect(dry.cards[0]!.sections.find((s) => s.title.startsWith("无法识别"))).toBeUndefined();
    }
  });
});
