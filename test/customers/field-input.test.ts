import { describe, expect, it } from "vitest";
import { readFieldInput } from "../../src/customers/field-input.ts";
import { DomainError } from "../../src/errors.ts";
import { en } from "../../src/i18n/en.ts";
import { zh } from "../../src/i18n/zh.ts";

const read = (...pairs: [string, string][]) => readFieldInput(pairs.map(([key, value]) => ({ key, value })));

function refusal(...pairs: [string, string][]): DomainError {
  try {
    read(...pairs);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected the pairs to be refused");
}

describe("reading key=value pairs typed with add and edit", () => {
  it.each([
    ["man", "MAN", { money: true, authority: true, need: true }],
    ["资格", "ma", { money: true, authority: true, need: false }],
    ["man", " n ", { money: false, authority: false, need: true }],
    ["MAN", "AM", { money: true, authority: true, need: false }],
    ["man", "-", { money: false, authority: false, need: false }],
    ["man", "none", { money: false, authority: false, need: false }],
    ["资格", "无", { money: false, authority: false, need: false }],
    ["man", "0", { money: false, authority: false, need: false }],
  ])("%s=%s sets MAN and nothing else", (key, value, man) => {
    expect(read([key, value])).toEqual({ fields: {}, man, force: false });
  });

  it.each(["MANM", "X", "", "yes", "M A"])("refuses man=%s naming MAN and what it expects", (value) => {
    const error = refusal(["man", value]);
    expect(error.code).toBe("bad_fields");
    expect(Object.keys(error.fieldErrors)).toEqual(["man"]);
    expect(error.render(en)).toBe(`${en.fields.man}: "${value}" is not valid — expected ${en.expect.man}.`);
    expect(error.render(zh)).toContain(zh.fields.man);
  });

  it.each([
    ["yes", true], ["Y", true], ["true", true], ["1", true], ["是", true], ["确定", true], [" YES ", true],
    ["no", false], ["", false], ["0", false], ["否", false],
  ])("force=%s means %s", (value, force) => {
    expect(read(["force", value]).force).toBe(force);
    expect(read(["强制", value]).force).toBe(force);
  });

  it("refuses a force= it cannot read as yes or no, naming it", () => {
    expect(() => read(["force", "maybe"])).toThrow(DomainError);
  });

  it("keeps stage and grade as typed, for the playbook to judge", () => {
    expect(read(["stage", "洽谈"], ["等级", "A"])).toEqual({ fields: {}, stage: "洽谈", grade: "A", force: false });
  });

  it("takes a call log trimmed, and ignores a blank one", () => {
    expect(read(["calllog", "  asked for a quote  "]).callLog).toBe("asked for a quote");
    expect(read(["通话记录", "   "])).toEqual({ fields: {}, force: false });
  });

  it("checks phone, fax and WeChat and stores them trimmed", () => {
    expect(read(["phone", " 0757-88886666 "], ["传真", "0757-88886667"], ["微信", "li_zong88"]).fields).toEqual({
      phone: "0757-88886666", fax: "0757-88886667", wechat: "li_zong88",
    });
  });

  it("clears a field typed with an empty value, but never the company", () => {
    expect(read(["email", ""], ["phone", "  "]).fields).toEqual({ email: null, phone: null });
    const error = refusal(["company", " "]);
    expect(error.render(en)).toBe(en.errors.required(en.fields.company));
  });

  it("stores the company checked and trimmed", () => {
    expect(read(["公司", "  拓鑫电器  "]).fields).toEqual({ company: "拓鑫电器" });
  });

  it("names every bad pair at once, each with the value typed, and an unknown key with the keys there are", () => {
    const error = refusal(["mobile", "12345"], ["fax", "fax me"], ["colour", "red"], ["wechat", "李总"], ["company", "拓鑫"]);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["colour", "fax", "mobile", "wechat"]);
    const text = error.render(en).split("\n");
    expect(text).toHaveLength(4);
    expect(text).toContain(`${en.fields.mobile}: "12345" is not valid — expected ${en.expect.mobile}.`);
    expect(text).toContain(`${en.fields.fax}: "fax me" is not valid — expected ${en.expect.fax}.`);
    expect(text).toContain(`${en.fields.wechat}: "李总" is not valid — expected ${en.expect.wechat}.`);
    expect(text.find((line) => line.startsWith('Unknown field "colour"'))).toMatch(/company.*note.*grade.*force/);
  });
});
