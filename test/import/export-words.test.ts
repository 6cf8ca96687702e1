import { describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";
import { readXlsxCells } from "./files.ts";

/**
 * The words of `export` (导出): whose customers, which format, the file's name and type, and the
 * refusals in English and Chinese. What goes into the file is in export.test.ts.
 */
const t = useCrm();

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function team(workspace: string) {
  const boss = t.person("boss", { workspace });
  const rep = t.person("rep", { workspace });
  const zhRep = t.person("zhang", { workspace, locale: "zh-CN" });
  await boss.run("help");
  expect((await boss.run("add BossCo")).ok).toBe(true);
  expect((await rep.run("add RepCo")).ok).toBe(true);
  await zhRep.run("help");
  return { boss, rep, zhRep };
}

function file(reply: { text: string; files?: { name: string; mimeType: string }[] }) {
  return [reply.text, reply.files?.map((f) => [f.name, f.mimeType])];
}

describe("export (导出)", () => {
  it("gives a director the team's as xlsx by default, and their own on request, named by scope and local date", async () => {
    const { boss } = await team("ex-scope");
    expect(file(await boss.run("export"))).toEqual(["Exported 2 customers: customers-team-20261123.xlsx", [["customers-team-20261123.xlsx", XLSX]]]);
    expect(file(await boss.run("export MINE"))).toEqual(["Exported 1 customer: customers-mine-20261123.xlsx", [["customers-mine-20261123.xlsx", XLSX]]]);
    expect(file(await boss.run("export excel 我的"))[1]).toEqual([["customers-mine-20261123.xlsx", XLSX]]);
    expect(file(await boss.run("export xls all"))[1]).toEqual([["customers-team-20261123.xlsx", XLSX]]);
    expect(file(await boss.run("export CSV 全部"))[1]).toEqual([["customers-team-20261123.csv", "text/csv"]]);
    // The date is the caller's: 23:30 on 23 Nov in UTC is already the 24th in Shanghai.
    t.clock.set("2026-11-23T16:30:00Z");
    expect(file(await boss.run("export 自己 csv"))[1]).toEqual([["customers-mine-20261124.csv", "text/csv"]]);
  });

  it("gives a rep their own by default, and refuses the team's in English and Chinese", async () => {
    const { rep, zhRep } = await team("ex-rep");
    expect(file(await rep.run("export csv"))).toEqual(["Exported 1 customer: customers-mine-20261123.csv", [["customers-mine-20261123.csv", "text/csv"]]]);
    const refused = await rep.run("export team");
    expect([refused.code, refused.text, refused.files]).toEqual(["forbidden", "Only directors export the team's customers; `export` gives you your own.", undefined]);
    expect((await zhRep.run("导出 团队")).text).toBe("只有销售总监可以导出全团队的客户；发送“客户 导出”导出你自己的客户。");
    expect((await rep.run("export all csv")).code).toBe("forbidden");
  });

  it("says so when there is nothing to export, in English and Chinese", async () => {
    const { zhRep } = await team("ex-none");
    const rep = t.person("empty", { workspace: "ex-none" });
    expect(file(await rep.run("export"))).toEqual(["No customers to export yet.", undefined]);
    expect((await zhRep.run("导出")).text).toBe("还没有可导出的客户。");
  });

  it("refuses a word or a key=value it does not know, in English and Chinese", async () => {
    const { boss, zhRep } = await team("ex-bad");
    const pdf = await boss.run("export team pdf");
    expect([pdf.code, pdf.text, pdf.files]).toEqual(["usage", 'I don\'t know "pdf" here: use export [mine|team] [csv|xlsx].', undefined]);
    const pair = await boss.run("export format=csv");
    expect([pair.code, pair.files]).toEqual(["usage", undefined]);
    expect(pair.text).toBe('I don\'t know "format=csv" here: use export [mine|team] [csv|xlsx].');
    expect((await zhRep.run("导出 表格")).text).toBe("看不懂“表格”：请用 客户 导出 [我的|团队] [csv|xlsx]。");
  });

  it("sends what the name says: CSV text with a BOM, or a workbook whose sheet is named in the caller's language", async () => {
    const { boss, zhRep } = await team("ex-bytes");
    // The team is this workspace's: not the customers of the workspaces before it.
    const csvReply = await boss.run("export csv");
    expect(csvReply.text).toBe("Exported 2 customers: customers-team-20261123.csv");
    const csvFile = csvReply.files![0]!;
    expect([...csvFile.data.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(csvFile.data).toString("utf8")).toContain("BossCo");
    const xlsxFile = (await boss.run("export xlsx")).files![0]!;
    expect(xlsxFile.name).toBe("customers-team-20261123.xlsx");
    // An xlsx file is a zip archive: "PK" first.
    expect(Buffer.from(xlsxFile.data.slice(0, 2)).toString("latin1")).toBe("PK");
    expect((await readXlsxCells(xlsxFile.data)).name).toBe("Customers");
    expect((await zhRep.run("新增 甲公司")).ok).toBe(true);
    expect((await readXlsxCells((await zhRep.run("导出")).files![0]!.data)).name).toBe("客户");
  });
});
