import { describe, expect, it } from "vitest";
import { coreName, initials, inOrder, isPinyinInitials, looselyMatches } from "../../src/customers/name-match.ts";

const jinchu = { company: "深圳市金厨工程有限公司", contact: "吴经理" };

describe("finding a customer the way reps type it", () => {
  it("strips legal forms and the 省/市/区 after leading place names", () => {
    expect(coreName("深圳市金厨工程有限公司")).toBe("深圳金厨工程");
    expect(coreName("广东省佛山市顺德区拓鑫电器有限公司")).toBe("广东佛山顺德拓鑫电器");
    expect(coreName("华为技术有限公司")).toBe("华为技术");
  });

  it("strips every administrative level after a leading place name, but never the whole name", () => {
    expect(coreName("西藏自治区拉萨市布达拉酒店")).toBe("西藏拉萨布达拉酒店");
    expect(coreName("香港特别行政区金厨")).toBe("香港金厨");
    expect(coreName("长沙县金厨")).toBe("长沙金厨");
    expect(coreName("深圳市")).toBe("深圳市");
    expect(coreName("深圳市南山区")).toBe("深圳南山区");
    // Four characters before 市 are no place name of the pattern; one is none either.
    expect(coreName("乌鲁木齐市金厨")).toBe("乌鲁木齐市金厨");
    expect(coreName("市金厨")).toBe("市金厨");
  });

  it("reads initials of Latin letters and digits as they are, without punctuation", () => {
    expect(initials("ABC公司")).toBe("abcgs");
    expect(initials("深圳 A-1")).toBe("sza1");
  });

  it("needs each character of the fragment once, in order", () => {
    expect(inOrder("金金", "金厨")).toBe(false);
    expect(inOrder("金金", "金厨金")).toBe(true);
    expect(inOrder("", "金厨")).toBe(true);
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

  it("does not match on one character, nor take one letter for initials", () => {
    expect(looselyMatches("金", jinchu)).toBe(false);
    expect(looselyMatches("s", jinchu)).toBe(false);
    expect(looselyMatches(" 金厨 ", jinchu)).toBe(true);
  });

  it("matches the initials of the whole name too, and a customer with no contact", () => {
    expect(looselyMatches("szsjc", jinchu)).toBe(true);
    expect(looselyMatches("szjc", { company: "深圳市金厨工程有限公司", contact: null })).toBe(true);
    expect(looselyMatches("吴经理", { company: "深圳市金厨工程有限公司", contact: null })).toBe(false);
  });

  it("reads a fragment as initials only when it is all Latin letters", () => {
    const mixed = { company: "深圳ab科技", contact: null };
    expect(looselyMatches("深圳ab", mixed)).toBe(true);
    expect(looselyMatches("ab科技", mixed)).toBe(true);
    expect(looselyMatches(" szjc ", jinchu)).toBe(true);
    expect(isPinyinInitials(" szjc ")).toBe(true);
    expect(isPinyinInitials("s")).toBe(false);
  });

  it("takes the first letter of a syllable that starts with a vowel", () => {
    expect(initials("安徽")).toBe("ah");
  });

  it("matches characters the core name dropped, when they are in the name as typed", () => {
    expect(looselyMatches("市金厨", jinchu)).toBe(true);
  });
});
