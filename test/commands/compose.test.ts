import { describe, expect, it } from "vitest";
import { composeCommand, quoteValue } from "../../src/commands/compose.ts";

describe("quoting a value for the command line", () => {
  it("leaves a plain word as it is", () => {
    expect(quoteValue("13800138000")).toBe("13800138000");
    expect(quoteValue("李总")).toBe("李总");
  });

  it("quotes what the parser would split or read as a pair", () => {
    expect(quoteValue("")).toBe('""');
    expect(quoteValue("a b")).toBe('"a b"');
    expect(quoteValue("a\tb")).toBe('"a\tb"');
    expect(quoteValue("李\u3000总")).toBe('"李\u3000总"');
    expect(quoteValue("a=b")).toBe('"a=b"');
    expect(quoteValue("a＝b")).toBe('"a＝b"');
    for (const quote of ['"', "'", "“", "”", "‘", "’", "「", "」", "『", "』"]) {
      expect(quoteValue(`x${quote}`)).not.toBe(`x${quote}`);
    }
  });

  it("picks a quote the value does not close", () => {
    expect(quoteValue('say "hi"')).toBe(`'say "hi"'`);
    expect(quoteValue(`it's "x"`)).toBe(`“it's "x"”`);
    expect(quoteValue(`it's "x" “y”`)).toBe(`「it's "x" “y”」`);
    expect(quoteValue(`it's "x" “y” 「z」`)).toBe(`『it's "x" “y” 「z」』`);
  });

  it("swaps double quotes for single ones when the value holds every closing quote", () => {
    expect(quoteValue(`a"b' ” 」 』`)).toBe(`"a'b' ” 」 』"`);
  });
});

describe("composing a command from a form", () => {
  it("writes key=value pairs in order, trimmed, leaving out blank answers", () => {
    expect(composeCommand("add", { company: " Acme ", note: "  ", email: undefined, contact: "李 总" })).toBe('add company=Acme contact="李 总"');
  });

  it("is the bare command when nothing was answered", () => {
    expect(composeCommand("list", {})).toBe("list");
    expect(composeCommand("list", { filter: "" })).toBe("list");
  });
});
