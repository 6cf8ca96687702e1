import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAmount, readAmount } from "../../src/parsing/amount.ts";
import { parseChineseNumeral } from "../../src/parsing/chinese-numerals.ts";

describe("amounts as reps write them", () => {
  it.each([
    ["50000", 50_000], ["50,000", 50_000], ["5万", 50_000], ["5 万", 50_000], ["5万元", 50_000],
    ["5.5万", 55_000], ["1.2w", 12_000], ["1.2W", 12_000], ["12k", 12_000], ["¥50,000", 50_000], ["￥5万", 50_000],
    ["五万", 50_000], ["三万五", 35_000], ["十二万", 120_000], ["两万", 20_000], ["三万五千", 35_000],
    ["5万5", 55_000], ["5万五", 55_000], ["2千5", 2_500], ["8000元", 8_000], ["8000 元", 8_000], ["3千", 3_000], ["1,234,567.89", 1_234_567.89], ["５万", 50_000], ["一百五", 150],
    [" 5万 ", 50_000], ["5  万", 50_000], ["8000  元", 8_000], ["5  rmb", 5], ["1.2w元", 12_000], ["5万块", 50_000], ["3千元", 3_000], ["3千块", 3_000], ["2k5", 2_500], ["5亿5", 550_000_000], ["2W", 20_000], ["12K", 12_000],
  ])("%s is %d", (text, value) => expect(parseAmount(text)).toEqual({ ok: true, value }));

  it.each([
    ["5,0000", "5,0000"], ["5万五五", "5万五五"], ["1.5万5", "1.5万5"], ["lots", "lots"], ["-5", "-5"], ["0", "0"], ["5万 首批", "首批"],
    ["5m", "5m"], ["三五万", "三五万"], ["1e6", "1e6"], ["5万万", "5万万"],
    ["3千元5", "3千元5"], ["3千块5", "3千块5"], ["5万55", "5万55"], ["5万5.5", "5万5.5"], ["5wan", "5wan"],
  ])("refuses %s, naming %s", (text, part) => expect(parseAmount(text)).toEqual({ ok: false, unread: part }));

  it("reads an amount followed by a note, and refuses one glued to it", () => {
    expect(readAmount("5 万 第二批")).toEqual({ ok: true, value: { amount: 50_000, rest: "第二批" } });
    expect(readAmount("3万五 第二批")).toEqual({ ok: true, value: { amount: 35_000, rest: "第二批" } });
    expect(readAmount("3万台")).toEqual({ ok: false, unread: "3万台" });
    expect(readAmount("5万 首批")).toEqual({ ok: true, value: { amount: 50_000, rest: "首批" } });
  });

  it("reads every whole number of yuan, written plain, grouped or in 万", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999 }), (n) => {
        expect(parseAmount(String(n))).toEqual({ ok: true, value: n });
        expect(parseAmount(n.toLocaleString("en-US"))).toEqual({ ok: true, value: n });
        expect(parseAmount(`¥${n.toLocaleString("en-US")}元`)).toEqual({ ok: true, value: n });
        expect(parseAmount(`${n / 10_000}万`)).toEqual({ ok: true, value: Math.round(n * 100) / 100 });
      }),
    );
  });

  it("never reads a text with a letter or symbol it does not know as an amount", () => {
    const junk = fc.constantFrom("x", "#", "台", "@", "?", "m", "%");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), junk, (n, ch) => {
        const result = parseAmount(`${n}${ch}`);
        expect(result.ok).toBe(false);
      }),
    );
  });
});

describe("Chinese numerals", () => {
  const spell = (n: number): string => {
    // An independent speller for 1..99,999,999: 四位一节, 零 for gaps inside a section.
    const d = "零一二三四五六七八九";
    const section = (x: number, leadingTen: boolean) => {
      const units = ["千", "百", "十", ""];
      const digits = String(x).padStart(4, "0").split("").map(Number);
      let out = "";
      let zero = false;
      digits.forEach((digit, i) => {
        if (digit === 0) { zero = out !== ""; return; }
        if (zero) { out += "零"; zero = false; }
        out += leadingTen && out === "" && digit === 1 && units[i] === "十" ? "十" : d[digit]! + units[i];
      });
      return out;
    };
    const high = Math.floor(n / 10_000);
    const low = n % 10_000;
    if (high === 0) return section(low, true);
    return section(high, true) + "万" + (low === 0 ? "" : (low < 1000 ? "零" : "") + section(low, false));
  };

  it("reads every number its formal spelling names", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), (n) => {
        expect(parseChineseNumeral(spell(n))).toBe(n);
      }),
    );
  });

  it("reads the spoken shortcut one unit down: 三万五, 两千五, 一百五", () => {
    expect(parseChineseNumeral("三万五")).toBe(35_000);
    expect(parseChineseNumeral("两千五")).toBe(2_500);
    expect(parseChineseNumeral("一百五")).toBe(150);
    expect(parseChineseNumeral("十五")).toBe(15);
    expect(parseChineseNumeral("一万零五")).toBe(10_005);
  });

  it.each(["三五", "百", "万", "五万万五", "周", ""])("refuses %s", (text) => expect(parseChineseNumeral(text)).toBeNull());
});

describe("reading an amount at the start of a line", () => {
  it.each([
    ["5 万元 for three units", 50_000, "for three units"],
    ["¥ 5万 first order", 50_000, "first order"],
    ["12k  deposit", 12_000, "deposit"],
    ["3亿", 300_000_000, ""],
    ["5 块钱", 5, ""],
    ["5万元5", null, "5万元5"],
  ])("%s", (text, amount, rest) => {
    const read = readAmount(text);
    if (amount === null) expect(read).toEqual({ ok: false, unread: rest });
    else expect(read).toEqual({ ok: true, value: { amount, rest } });
  });

  it("leaves units, currencies and words in the note after the amount alone", () => {
    expect(readAmount("50 paid in rmb")).toEqual({ ok: true, value: { amount: 50, rest: "paid in rmb" } });
    expect(readAmount("50 new clients")).toEqual({ ok: true, value: { amount: 50, rest: "new clients" } });
    expect(readAmount("50 per pack, paid")).toEqual({ ok: true, value: { amount: 50, rest: "per pack, paid" } });
    expect(readAmount("50 deals 3千 each")).toEqual({ ok: true, value: { amount: 50, rest: "deals 3千 each" } });
    expect(readAmount("50 deals 1亿 target")).toEqual({ ok: true, value: { amount: 50, rest: "deals 1亿 target" } });
    expect(readAmount("五万 首批")).toEqual({ ok: true, value: { amount: 50_000, rest: "首批" } });
  });

  it("names only the word it could not read", () => {
    expect(readAmount("¥ 5x")).toEqual({ ok: false, unread: "5x" });
    expect(readAmount("3万台 第二批")).toEqual({ ok: false, unread: "3万台" });
  });

  it("refuses a unit that is not at the number, naming the word typed", () => {
    expect(readAmount("5x万")).toEqual({ ok: false, unread: "5x万" });
    expect(readAmount("50 deals 万")).toEqual({ ok: true, value: { amount: 50, rest: "deals 万" } });
    expect(readAmount("rmb5 cny")).toEqual({ ok: true, value: { amount: 5, rest: "" } });
    expect(readAmount("5kg")).toEqual({ ok: false, unread: "5kg" });
    expect(readAmount("a 5万")).toEqual({ ok: false, unread: "a" });
  });

  it("refuses nothing at all and amounts beyond what is stored", () => {
    expect(readAmount("0")).toEqual({ ok: false, unread: "0" });
    // The amount column holds twelve whole digits.
    expect(readAmount("999999999999")).toEqual({ ok: true, value: { amount: 999_999_999_999, rest: "" } });
    expect(readAmount("1000000000000 more")).toEqual({ ok: false, unread: "1000000000000" });
  });
});
