import { describe, expect, it } from "vitest";
import { wordLookup } from "../../src/domain/word-lookup.ts";

describe("a lookup of typed words", () => {
  const colour = wordLookup({ red: "red", 红: "red", blue: "blue" });

  it("finds a word in any case, with spaces around it", () => {
    expect(colour(" RED ")).toBe("red");
    expect(colour("红")).toBe("red");
    expect(colour("Blue")).toBe("blue");
  });

  it("finds nothing for another word, an empty one, or a key every object has", () => {
    for (const word of ["green", "", "constructor", "toString", "__proto__", "hasOwnProperty"]) expect(colour(word)).toBeUndefined();
  });
});
