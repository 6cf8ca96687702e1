import { describe, expect, it } from "vitest";
import type { Customer } from "../../src/db/types.ts";
import { filingGapsFrom, isFileable, meaningfulChars } from "../../src/customers/filing.ts";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";

// The default playbook (DOMAIN.md §4): province, company, contact, title, mobile and address
// required, and at least 24 characters of substance in the call and visit logs.
const customer = (fields: Record<string, unknown>) => fields as unknown as Customer;

describe("characters of substance in a call log", () => {
  it("counts 汉字, letters and digits, not punctuation or spaces", () => {
    expect(meaningfulChars("吴经理确认选型：要5台大锅灶、2台煲仔炉，问价格和交货期，下周定。")).toBe(28);
    expect(meaningfulChars("打了电话。。。。")).toBe(4);
    expect(meaningfulChars("Hi, 5 pm!")).toBe(5);
    expect(meaningfulChars(" …！？ ")).toBe(0);
    expect(meaningfulChars("")).toBe(0);
  });
});

describe("what keeps a prospect from being filed", () => {
  it("lists the required fields that are empty or blank, in the playbook's order, and sums the call logs", async () => {
    const playbook = await loadPlaybook("default");
    const gaps = filingGapsFrom(
      playbook,
      customer({ province: "广东", company: "拓鑫", contact: "  ", title: null, mobile: "13800138000", address: "" }),
      ["打了电话。。。。", "吴经理确认选型：要5台大锅灶、2台煲仔炉，问价格和交货期，下周定。"],
    );
    expect(gaps).toEqual({ missing: ["contact", "title", "address"], callLogChars: 32, callLogNeeded: 24 });
  });

  it("asks for nothing more of a complete prospect with no call log yet than the log", async () => {
    const playbook = await loadPlaybook("default");
    const complete = customer({ province: "广东", company: "拓鑫", contact: "李总", title: "总经理", mobile: "13800138000", address: "顺德 1 号" });
    expect(filingGapsFrom(playbook, complete, [])).toEqual({ missing: [], callLogChars: 0, callLogNeeded: 24 });
  });

  it("asks for no call log under a playbook without one", async () => {
    const loaded = await loadPlaybook("default");
    const playbook = { ...loaded, filing: { required: loaded.filing.required } } as typeof loaded;
    const gaps = filingGapsFrom(playbook, customer({ province: "广东", company: "拓鑫" }), ["吴经理确认选型，要五台大锅灶"]);
    expect(gaps).toEqual({ missing: ["contact", "title", "mobile", "address"], callLogChars: 0, callLogNeeded: 0 });
  });
});

describe("fileable", () => {
  it("needs every field and at least the call log asked for", () => {
    expect(isFileable({ missing: [], callLogChars: 24, callLogNeeded: 24 })).toBe(true);
    expect(isFileable({ missing: [], callLogChars: 23, callLogNeeded: 24 })).toBe(false);
    expect(isFileable({ missing: ["title"], callLogChars: 30, callLogNeeded: 24 })).toBe(false);
    expect(isFileable({ missing: [], callLogChars: 0, callLogNeeded: 0 })).toBe(true);
  });
});
