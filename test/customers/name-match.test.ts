import { describe, expect, it } from "vitest";
import { coreName, initials, inOrder, looselyMatches } from "../../src/customers/name-match.ts";

const jinchu = { company: "深圳市金厨工程有限公司", contact: "吴经理" };

describe("finding a customer the way reps type it", () => {
  it("strips legal forms and the 省/市/区 after leading place names", () => {
    expect(coreName("深圳市金厨工程有限公司")).toBe("深圳金厨工程");
    expect(coreName("广东省佛山市顺德区拓鑫电器有限公司")).toBe("广东佛山顺德拓鑫电器");
    expect(coreName("华为技术有限公司")).toBe("华为技术");
  });

  it("matches the characters in order with gaps", () => {
    expect(inOrder("深圳金厨", "深圳市金厨工程有限公司")).toBe(true);
    expect(inOrder("金厨深圳", "深圳市金厨工程有限公司")).toBe(false);
    expect(looselyMatches("深圳金厨", jinchu)).toBe(true);
    expect(looselyMatches("深圳市金厨有限公司", jinchu)).toBe(true);
    expect(looselyMatches("深圳厨具", jinchu)).toBe(false);
  });

  it("matches pinyin initials as one run, of the core name or the whole one", () => {
    expect(initials("深圳金厨")).toBe("szjc");
    expect(looselyMatches("szjc", jinchu)).toBe(true);
    expect(looselyMatches("SZJC", jinchu)).toBe(true);
    expect(looselyMatches("jcgc", jinchu)).toBe(true);
    expect(looselyMatches("wjl", jinchu)).toBe(true); // 吴经理, the contact
    expect(looselyMatches("szgc", jinchu)).toBe(false);
  });

  it("does not match on one character", () => {
    expect(looselyMatches("金", jinchu)).toBe(false);
  });
});
