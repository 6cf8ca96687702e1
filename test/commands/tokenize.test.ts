import { describe, expect, it } from "vitest";
import { tokenize, UnclosedQuoteError } from "../../src/commands/tokenize.ts";

describe("tokenize quotes and equals signs", () => {
  it.each([
    ['"', '"'], ["'", "'"], ["“", "”"], ["‘", "’"], ["「", "」"], ["『", "』"],
  ])("reads %s…%s as one quoted value", (open, close) => {
    const line = `note=${open}a b${close} next`;
    expect(tokenize(line).map((t) => t.value)).toEqual(["a b", "next"]);
  });

  it("does not close a Chinese quote with its opening mark", () => {
    expect(() => tokenize("note=「a b「")).toThrow(UnclosedQuoteError);
  });

  it("names the quote that was left open", () => {
    const error = (() => {
      try {
        tokenize("add ‘Tuoxin");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(UnclosedQuoteError);
    expect((error as UnclosedQuoteError).quote).toBe("‘");
  });

  it("splits a pair on its first equals sign and keeps the others in the value", () => {
    expect(tokenize("website=https://x.cn/?a=b＝c")).toEqual([
      { key: "website", value: "https://x.cn/?a=b＝c", start: 0, end: 27 },
    ]);
  });

  it("gives a plain word no key at all", () => {
    const [word] = tokenize("add");
    expect(word).not.toHaveProperty("key");
  });

  it("reads a quote that closes right after it opens as an empty value", () => {
    expect(tokenize(`note="" x`).map((t) => [t.key, t.value])).toEqual([["note", ""], [undefined, "x"]]);
  });
});
