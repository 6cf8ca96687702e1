import { describe, expect, it } from "vitest";
import { checkField, companyKey, findFieldKey, normalizeMobile } from "../../src/domain/customer-fields.ts";
import { parseAmount } from "../../src/commands/handlers/amount.ts";
import { parseDuration } from "../../src/commands/handlers/snooze.ts";

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

describe("amounts and durations", () => {
  it.each([
    ["50000", 50000],
    ["50,000", 50000],
    ["5万", 50000],
    ["1.2w", 12000],
    ["¥8000", 8000],
    ["3k", 3000],
  ])("amount %s = %d", (raw, value) => expect(parseAmount(raw)).toBe(value));

  it("refuses what is not an amount", () => {
    expect(parseAmount("lots")).toBeNull();
    expect(parseAmount("-5")).toBeNull();
  });

  it.each([
    ["2d", 2 * 86_400_000],
    ["12h", 12 * 3_600_000],
    ["1w", 7 * 86_400_000],
    ["3天", 3 * 86_400_000],
    ["1周", 7 * 86_400_000],
    ["5", 5 * 86_400_000],
  ])("duration %s", (raw, ms) => expect(parseDuration(raw)).toBe(ms));

  it("refuses durations that are not durations or are too long", () => {
    expect(parseDuration("soon")).toBeNull();
    expect(parseDuration("0d")).toBeNull();
    expect(parseDuration("91d")).toBeNull();
  });
});
