import { describe, expect, it } from "vitest";
import { findLocale } from "../../src/commands/handlers/lang.ts";

describe("the words that name a language", () => {
  it("knows English and Chinese by their codes and names, in either language, in any case", () => {
    for (const word of ["en", "english", "英文", "英语", "EN", "English", " en "]) expect(findLocale(word), word).toBe("en");
    for (const word of ["zh", "zh-cn", "cn", "中文", "简体中文", "ZH", "zh-CN", "CN"]) expect(findLocale(word), word).toBe("zh-CN");
  });

  it("knows no other word", () => {
    for (const word of ["", "fr", "zh-tw", "繁体中文", "constructor", "toString"]) expect(findLocale(word), word).toBeUndefined();
  });
});
