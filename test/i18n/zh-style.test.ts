import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * The Chinese catalogs read as Chinese (issue #9, item 7): every piece of literal text with a
 * Chinese character in it, as written in the sources (the parts of template strings between
 * their `${…}`), is checked against the rules of docs/chinese-review.md.
 */
const CATALOGS: { file: string; only?: string }[] = [
  { file: "src/i18n/zh.ts" },
  { file: "src/i18n/reports.zh.ts" },
  { file: "src/i18n/transfer-zh.ts" },
  { file: "adapters/slack/strings.ts", only: "zh" },
  { file: "adapters/feishu/i18n.ts", only: "zh" },
];

const CJK = /[\u3400-\u9fff]/;

/**
 * The literal text of a TypeScript source: "…" and '…' strings, and the parts of template
 * strings outside their `${…}` (which may nest further templates). Comments are skipped. A small
 * scanner (the catalogs hold no regular expressions); `only` keeps the text inside the object
 * given to `const <only> = …`.
 */
function chineseTexts(file: string, only?: string): string[] {
  let code = readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
  if (only) {
    const start = code.indexOf(`const ${only}`);
    code = code.slice(start, matchingBrace(code, code.indexOf("{", start)) + 1);
  }
  const texts: string[] = [];
  let i = 0;
  const scanCode = (stopAtBrace: boolean) => {
    let depth = 0;
    while (i < code.length) {
      const c = code[i]!;
      if (c === "/" && code[i + 1] === "/") i = code.indexOf("\n", i) < 0 ? code.length : code.indexOf("\n", i);
      else if (c === "/" && code[i + 1] === "*") i = code.indexOf("*/", i) + 2;
      else if (c === '"' || c === "'") texts.push(quoted(c));
      else if (c === "`") template();
      else {
        if (c === "{") depth++;
        if (c === "}") {
          if (stopAtBrace && depth === 0) return;
          depth--;
        }
        i++;
      }
    }
  };
  const quoted = (q: string) => {
    let text = "";
    for (i++; code[i] !== q; i++) text += code[i] === "\\" ? code[++i] : code[i];
    i++;
    return text;
  };
  const template = () => {
    let text = "";
    for (i++; code[i] !== "`"; i++) {
      if (code[i] === "\\") text += code[++i];
      else if (code[i] === "$" && code[i + 1] === "{") {
        texts.push(text);
        text = "";
        i += 2;
        scanCode(true);
      } else text += code[i];
    }
    texts.push(text);
    i++;
  };
  scanCode(false);
  return texts.filter((text) => CJK.test(text));
}

/** The index of the `}` closing the `{` at `open` (the catalogs' strings hold balanced braces only). */
function matchingBrace(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === "{") depth++;
    if (code[i] === "}" && --depth === 0) return i;
  }
  return code.length;
}

const RULES: [string, RegExp][] = [
  ["half-width punctuation next to Chinese", /[\u3400-\u9fff][,:;?!()]|[,;?!(]\s*[\u3400-\u9fff]|\)[\u3400-\u9fff]/],
  ["a raw stage id", /\b(potential|intention|selection|won|lost)\b/],
  // Slack's own slash command may be named ("Slack 中在命令前加 /prospect").
  ["an English command where the Chinese alias reads (客户 …)", /(?<!加 )\/prospect|[[|](mine|team)[|\]]|`/],
  ["a space inside “A级”", /\b[A-Z] 级/],
  ["the owning rep called 负责的业务员 (it is 负责业务员)", /负责的业务员/],
  ["a spaced dash (Chinese takes —— without spaces, or a colon)", / —— | — /],
  ["a half ellipsis before 还有 (Chinese takes ……)", /(^|[^…])…还有/],
];

describe("the Chinese catalogs read as Chinese", () => {
  for (const { file, only } of CATALOGS) {
    it(file, () => {
      const texts = chineseTexts(file, only);
      expect(texts.length).toBeGreaterThan(5);
      const broken = texts.flatMap((text) => RULES.filter(([, rule]) => rule.test(text)).map(([why]) => `${why}: ${text}`));
      expect(broken).toEqual([]);
    });
  }

  it("catches what it is meant to catch", () => {
    const bad = ["备案还缺: 手机", "请用 intention", "本周 (截至目前)", "发送 /prospect list", "导出 [mine|team]", "A 级客户", "负责的业务员", "共 3 行 —— 将新建", "…还有 3 个"];
    for (const text of bad) expect(RULES.some(([, rule]) => rule.test(text)), text).toBe(true);
    expect(RULES.some(([, rule]) => rule.test("#12 现在是意向客户 A级。例：客户 列表 意向 A"))).toBe(false);
  });
});
