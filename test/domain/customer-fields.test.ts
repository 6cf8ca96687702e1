import { describe, expect, it } from "vitest";
import { checkField, companyKey, findFieldKey, normalizeMobile } from "../../src/domain/customer-fields.ts";

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
