import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { runConsole } from "../../adapters/console/console-adapter.ts";
import { useCrm } from "../support/crm-fixture.ts";

const t = useCrm();
const dir = mkdtempSync(join(tmpdir(), "crm-console-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function console(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (d) => (text += d));
  input.end(lines.join("\n") + "\n");
  const identity = { ...t.person("console-user", { workspace: "console-ws" }).identity };
  await runConsole({ crm: t.crm, identity, input, output, prompt: false, exportDir: join(dir, "exports") });
  return text;
}

describe("import and export in the console", () => {
  it("imports a file by path after `yes`, and writes an export under the export folder", async () => {
    const path = join(dir, "客户 名单.csv");
    writeFileSync(path, iconv.encode("公司名称,手机\r\n佛山拓鑫电器,13800138000\r\n顺德美厨,13800138002\r\n", "gbk"));
    const out = await console([`import "${path}"`, "yes", "export csv", "import /nowhere/missing.xlsx"]);
    expect(out).toContain("客户 名单.csv: 2 rows — 2 to create");
    expect(out).toMatch(/\[Import 2: import confirm [0-9a-f-]{36}\]/);
    expect(out).toContain("Imported 2 customers (#1–#2).");
    const saved = /→ (.+\.csv)/.exec(out)![1]!;
    expect(saved.startsWith(join(dir, "exports"))).toBe(true);
    expect(readFileSync(saved, "utf8")).toContain("佛山拓鑫电器");
    expect(out).toContain('I could not open the file "/nowhere/missing.xlsx". Check the path and try again.');
  });

  it("does not take `yes` for anything when nothing waits for a confirm", async () => {
    const out = await console(["yes"]);
    expect(out).toContain("There is nothing waiting for your yes");
  });

  it("prints a long import's progress before its answer", async () => {
    const path = join(dir, "big.csv");
    const rows = Array.from({ length: 2_000 }, (_, i) => `Console Big ${i},1${String(3_100_000_000 + i)}`);
    writeFileSync(path, ["Company,Mobile", ...rows].join("\n"));
    // The dry run's line is enough here: the confirm's progress takes the same path (test/import for its figures).
    // Last in the file: the dry run waits for a yes.
    const out = await console([`import ${path}`]);
    const read = out.indexOf("big.csv: 2,000 rows read; checking them against the workspace…\n");
    expect(read).toBeGreaterThanOrEqual(0);
    expect(out.indexOf("big.csv: 2,000 rows — 2,000 to create")).toBeGreaterThan(read);
  });
});
