import { describe, expect, it } from "vitest";
import { checkField, chineseKeyWord, companyKey, findFieldKey, isCustomerField, normalizeMobile } from "../../src/domain/customer-fields.ts";

describe("customer fields", () => {
  it("maps English keys and Chinese aliases to one field", () => {
    expect(findFieldKey("负责人")).toBe("contact");
    expect(findFieldKey("MOBILE")).toBe("mobile");
    expect(findFieldKey("通话记录")).toBe("calllog");
    expect(findFieldKey("colour")).toBeUndefined();
  });

  it("accepts mainland mobile numbers written the usual ways and stores 11 digits", () => {
    expect(normalizeMobile("+86 138-0013-8000")).toBe("13800138000");
    expect(checkField("mobile", "138 0013 8000")).toEqual({ ok: true, value: "13800138000" });
    expect(checkField("mobile", "12800138000").ok).toBe(false);
    expect(checkField("mobile", "1380013800").ok).toBe(false);
  });

  it("checks email, QQ and website", () => {
    expect(checkField("email", "li@example.com").ok).toBe(true);
    expect(checkField("email", "li@").ok).toBe(false);
    expect(checkField("qq", "12345").ok).toBe(true);
    expect(checkField("qq", "0123").ok).toBe(false);
    expect(checkField("website", "www.tuoxin.cn").ok).toBe(true);
    expect(checkField("website", "not a site").ok).toBe(false);
  });

  it("gives one company key to spellings of one company", () => {
    const key = companyKey("佛山市拓鑫电器制造有限公司");
    expect(companyKey("佛山市拓鑫电器制造 有限公司")).toBe(key);
    expect(companyKey("佛山市拓鑫电器制造（佛山）有限公司")).toBe(key);
    expect(companyKey("Tuoxin Co., Ltd.")).toBe(companyKey("tuoxin"));
    expect(companyKey("Tuoxin")).not.toBe(companyKey("Tuoxing"));
  });
});

describe("the words that name each field", () => {
  // Every alias a rep may type, written out: deleting one from the table must fail here.
  it.each([
    ["公司", "company"], ["公司名称", "company"], ["客户名称", "company"],
    ["负责人", "contact"], ["联系人", "contact"], ["name", "contact"],
    ["职位", "title"], ["职务", "title"], ["position", "title"],
    ["手机", "mobile"], ["手机号", "mobile"], ["cell", "mobile"],
    ["电话", "phone"], ["座机", "phone"], ["tel", "phone"],
    ["传真", "fax"],
    ["省份", "province"], ["省", "province"],
    ["城市", "city"], ["市", "city"],
    ["地址", "address"],
    ["邮箱", "email"], ["电子邮件", "email"], ["mail", "email"],
    ["微信", "wechat"],
    ["QQ", "qq"], ["qq", "qq"],
    ["网站", "website"], ["网址", "website"], ["web", "website"], ["url", "website"],
    ["规模", "size"], ["公司规模", "size"],
    ["营业额", "revenue"],
    ["来源", "source"],
    ["备注", "note"],
    ["等级", "grade"], ["级别", "grade"],
    ["阶段", "stage"],
    ["资格", "man"],
    ["通话记录", "calllog"], ["call_log", "calllog"], ["log", "calllog"],
    ["强制", "force"],
  ])("%s names %s", (word, field) => {
    expect(findFieldKey(word)).toBe(field);
  });

  it.each([
    "company", "contact", "title", "mobile", "phone", "fax", "province", "city", "address", "email",
    "wechat", "qq", "website", "size", "revenue", "source", "note", "grade", "stage", "man", "calllog", "force",
  ])("the English key %s names itself, in any case and with spaces around it", (key) => {
    expect(findFieldKey(key)).toBe(key);
    expect(findFieldKey(` ${key.toUpperCase()} `)).toBe(key);
  });

  it("names a key to a Chinese reader with its Chinese word, or the word Chinese readers use", () => {
    expect(chineseKeyWord("company")).toBe("公司");
    expect(chineseKeyWord("contact")).toBe("负责人");
    expect(chineseKeyWord("calllog")).toBe("通话记录");
    expect(chineseKeyWord("man")).toBe("资格");
    expect(chineseKeyWord("qq")).toBe("QQ");
  });

  it("knows no other words", () => {
    for (const word of ["", "colour", "phone2", "公司名", "e-mail"]) expect(findFieldKey(word)).toBeUndefined();
  });

  it("tells filing fields from the keys that are not fields", () => {
    expect(isCustomerField("note")).toBe(true);
    expect(isCustomerField("company")).toBe(true);
    for (const key of ["grade", "stage", "man", "calllog", "force"] as const) expect(isCustomerField(key)).toBe(false);
  });
});

describe("what a valid value looks like", () => {
  it("accepts a mobile only as a whole mainland number, with or without the country code", () => {
    for (const typed of ["13800138000", "+8613800138000", "008613800138000", "86 138 0013 8000", "(138)0013-8000", "138（0013）8000"]) {
      expect(checkField("mobile", typed)).toEqual({ ok: true, value: "13800138000" });
    }
    expect(checkField("mobile", "19912345678")).toEqual({ ok: true, value: "19912345678" });
    // 12 digits, a letter, a landline and a number before the 1 are not mobiles.
    for (const typed of ["138001380001", "x13800138000", "13800138000x", "1380013800a", "02012345678", "913800138000"]) {
      expect(checkField("mobile", typed).ok).toBe(false);
    }
  });

  it("leaves a number that is not a mainland mobile as typed, country code and all", () => {
    expect(normalizeMobile("+86 20 1234 5678")).toBe("+862012345678");
    expect(normalizeMobile("+1 555 010 0000")).toBe("+15550100000");
    // 86 inside a number, or before more than a mobile's 11 digits, is not a country code.
    expect(normalizeMobile("5586 138 0013 8000")).toBe("558613800138000");
    expect(normalizeMobile("+86 138 0013 8000 1")).toBe("+86138001380001");
  });

  it("accepts landlines with area code, extension and brackets, and refuses words", () => {
    expect(checkField("phone", " 0757-8888 6666 ")).toEqual({ ok: true, value: "0757-8888 6666" });
    expect(checkField("phone", "+86 (757) 88886666 转 801").ok).toBe(true);
    expect(checkField("phone", "88886666 ext. 12").ok).toBe(true);
    expect(checkField("phone", "（0757）88886666").ok).toBe(true);
    for (const typed of ["1234", "call me", "0757-8888-6666-0000-1111-2", "", "0757 8888 6666 abc"]) {
      expect(checkField("phone", typed).ok).toBe(false);
    }
  });

  it("accepts fax numbers written like phone numbers, without extensions", () => {
    expect(checkField("fax", " 0757-88886667 ")).toEqual({ ok: true, value: "0757-88886667" });
    expect(checkField("fax", "+86 (757) 8888 6667").ok).toBe(true);
    for (const typed of ["1234", "88886667 ext. 2", "88886667转2", "fax", "0757-8888-6666-0000-1111-2"]) {
      expect(checkField("fax", typed).ok).toBe(false);
    }
  });

  it("accepts a WeChat id or a mobile used as one, and nothing else", () => {
    expect(checkField("wechat", " li_zong-88 ")).toEqual({ ok: true, value: "li_zong-88" });
    expect(checkField("wechat", "13800138000").ok).toBe(true);
    expect(checkField("wechat", "abcde").ok).toBe(true);
    expect(checkField("wechat", "a".repeat(30)).ok).toBe(true);
    const withMobile = ["微信 13800138000", "13800138000 李总", "139", "13@@@@@@@@@"];
    for (const typed of ["abcd", "a".repeat(31), "li zong", "李总微信", "li@zong", "1380013800x!", ...withMobile]) {
      expect(checkField("wechat", typed).ok).toBe(false);
    }
  });

  it("accepts QQ numbers of 5 to 12 digits that do not start with 0", () => {
    expect(checkField("qq", " 123456789012 ")).toEqual({ ok: true, value: "123456789012" });
    for (const typed of ["1234", "1234567890123", "01234", "12345a", "a12345", "12 345"]) {
      expect(checkField("qq", typed).ok).toBe(false);
    }
  });

  it("accepts a website with or without its scheme and path, and refuses text around it", () => {
    expect(checkField("website", " https://www.tuoxin.cn/about?x=1 ")).toEqual({ ok: true, value: "https://www.tuoxin.cn/about?x=1" });
    expect(checkField("website", "http://tuoxin-dq.com.cn").ok).toBe(true);
    for (const typed of ["tuoxin", "see www.tuoxin.cn", "www.tuoxin.cn is ours", "ftp://tuoxin.cn", "www..cn", "tuoxin.cn/ a b"]) {
      expect(checkField("website", typed).ok).toBe(false);
    }
  });

  it("trims text fields, refuses them blank, and bounds their length", () => {
    expect(checkField("company", "  拓鑫电器  ")).toEqual({ ok: true, value: "拓鑫电器" });
    expect(checkField("company", "   ").ok).toBe(false);
    expect(checkField("company", "字".repeat(100)).ok).toBe(true);
    expect(checkField("company", "字".repeat(101)).ok).toBe(false);
    expect(checkField("contact", "李".repeat(50)).ok).toBe(true);
    expect(checkField("contact", "李".repeat(51)).ok).toBe(false);
    expect(checkField("title", "x".repeat(51)).ok).toBe(false);
    expect(checkField("province", "省".repeat(30)).ok).toBe(true);
    expect(checkField("province", "省".repeat(31)).ok).toBe(false);
    expect(checkField("city", "市".repeat(31)).ok).toBe(false);
    expect(checkField("address", "路".repeat(200)).ok).toBe(true);
    expect(checkField("address", "路".repeat(201)).ok).toBe(false);
    for (const field of ["size", "revenue", "source"] as const) {
      expect(checkField(field, "x".repeat(50)).ok).toBe(true);
      expect(checkField(field, "x".repeat(51)).ok).toBe(false);
      expect(checkField(field, "").ok).toBe(false);
    }
    expect(checkField("note", "n".repeat(2000)).ok).toBe(true);
    expect(checkField("note", "n".repeat(2001)).ok).toBe(false);
    expect(checkField("email", " li@example.com ")).toEqual({ ok: true, value: "li@example.com" });
  });
});

describe("company key", () => {
  it("keeps a name that is only a legal-form suffix instead of erasing it", () => {
    expect(companyKey("公司")).toBe("公司");
    expect(companyKey("Ltd")).toBe("ltd");
    expect(companyKey("Ltd.")).toBe("ltd");
  });

  it("strips stacked suffixes down to the name", () => {
    expect(companyKey("Acme Co. Inc.")).toBe("acme");
    expect(companyKey("Acme Corp. Ltd")).toBe("acme");
    expect(companyKey("Acme Corporation Limited")).toBe("acme");
    expect(companyKey("Acme GmbH")).toBe("acme");
    expect(companyKey("Acme LLC")).toBe("acme");
    expect(companyKey("Acme Co.,Ltd.")).toBe("acme");
    expect(companyKey("华为集团有限公司")).toBe("华为");
    expect(companyKey("拓鑫股份有限公司")).toBe("拓鑫");
    expect(companyKey("拓鑫有限责任公司")).toBe("拓鑫");
    expect(companyKey("拓鑫公司")).toBe("拓鑫");
  });

  it("ignores case, width, spacing, punctuation and bracketed places", () => {
    expect(companyKey("ＡＣＭＥ　Trading")).toBe("acmetrading");
    expect(companyKey("Acme (Shenzhen) Trading")).toBe("acmetrading");
    expect(companyKey("拓鑫（佛山）电器")).toBe("拓鑫电器");
    expect(companyKey("A&B·Trading")).toBe("abtrading");
  });

  it("keeps letters that end a name even when they spell a legal form (Tesco is not Tes)", () => {
    expect(companyKey("Tesco")).not.toBe(companyKey("Tes"));
    expect(companyKey("Tesco")).toBe("tesco");
    expect(companyKey("Acmeinc")).toBe("acmeinc");
    expect(companyKey("Tesco Co.")).toBe("tesco");
  });

  it("strips a legal form only when it is the whole last word", () => {
    expect(companyKey("Acme Cola")).toBe("acmecola");
    expect(companyKey("Acme Incubator")).toBe("acmeincubator");
    expect(companyKey("Acme Ltd Holdings")).toBe("acmeltdholdings");
  });

  it("strips a legal form from a name typed over two lines", () => {
    expect(companyKey("Acme\nTrading Co.")).toBe("acmetrading");
  });

  it("strips Chinese legal forms in whatever order they are stacked", () => {
    expect(companyKey("中国石油天然气集团公司")).toBe("中国石油天然气");
    expect(companyKey("拓鑫公司集团")).toBe("拓鑫");
  });

  it("keeps one legal form of a name made only of legal forms, so its spellings still meet", () => {
    expect(companyKey("集团公司")).toBe("集团");
    expect(companyKey("集团有限公司")).toBe("集团");
  });
});
