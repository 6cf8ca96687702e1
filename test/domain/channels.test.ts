import { describe, expect, it } from "vitest";
import { findActivityKind, isTouchChannel } from "../../src/domain/channels.ts";
import { pick } from "../../src/domain/localized.ts";

describe("the words that name an activity", () => {
  // Every word a rep may type after `log`, written out: deleting one from the table must fail here.
  it.each([
    ["call", "call"], ["phone", "call"], ["电话", "call"], ["打电话", "call"], ["通话", "call"],
    ["sms", "sms"], ["text", "sms"], ["短信", "sms"],
    ["visit", "visit"], ["meeting", "visit"], ["拜访", "visit"], ["上门", "visit"], ["见面", "visit"],
    ["email", "email"], ["mail", "email"], ["邮件", "email"],
    ["wechat", "wechat"], ["weixin", "wechat"], ["微信", "wechat"],
    ["note", "note"], ["备注", "note"], ["笔记", "note"],
  ])("%s is a %s", (word, kind) => {
    expect(findActivityKind(word)).toBe(kind);
  });

  it("reads a word in any case and with spaces around it", () => {
    expect(findActivityKind(" Phone ")).toBe("call");
    expect(findActivityKind("WeChat")).toBe("wechat");
    expect(findActivityKind(" 拜访\t")).toBe("visit");
  });

  it("knows no other words", () => {
    for (const word of ["", "fax", "calls", "电话会议", "constructor", "__proto__", "toString"]) expect(findActivityKind(word)).toBeUndefined();
  });
});

describe("touch channels", () => {
  it("counts calls, texts, visits, emails and WeChat as touches, and a note as none", () => {
    for (const channel of ["call", "sms", "visit", "email", "wechat"]) expect(isTouchChannel(channel)).toBe(true);
    for (const kind of ["note", "meeting", "电话", ""]) expect(isTouchChannel(kind)).toBe(false);
  });
});

describe("localized text", () => {
  it("gives English to an English reader and Chinese to everyone else", () => {
    const text = { en: "Saved", zh: "已保存" };
    expect(pick(text, "en")).toBe("Saved");
    expect(pick(text, "zh-CN")).toBe("已保存");
  });
});
