import { describe, expect, it } from "vitest";
import { actionRef, MAX_CUSTOMER_NUMBER, parseNumberRef } from "../../src/customers/customer-ref.ts";
import { DomainError } from "../../src/errors.ts";
import { en } from "../../src/i18n/en.ts";

function refusal(ref: string): [string, string] {
  try {
    parseNumberRef(ref);
  } catch (error) {
    if (error instanceof DomainError) return [error.code, error.render(en)];
    throw error;
  }
  throw new Error("expected a DomainError");
}

describe("a customer named by its number", () => {
  it("reads #12, 12, ＃12 and leading zeros", () => {
    expect(parseNumberRef("#12")).toEqual({ number: 12 });
    expect(parseNumberRef(" 12 ")).toEqual({ number: 12 });
    expect(parseNumberRef("＃12")).toEqual({ number: 12 });
    expect(parseNumberRef("#007")).toEqual({ number: 7 });
    expect(parseNumberRef("#0")).toEqual({ number: 0 });
  });

  it("reads the workspace a button names", () => {
    expect(parseNumberRef("#12@T0A1B2")).toEqual({ number: 12, workspace: "T0A1B2" });
    expect(actionRef({ number: 12 }, { externalId: "T0A1B2" })).toBe("#12@T0A1B2");
    expect(parseNumberRef(actionRef({ number: 3 }, { externalId: "ou_x" }))).toEqual({ number: 3, workspace: "ou_x" });
  });

  it("is no number reference for a name or anything around the number", () => {
    for (const ref of ["Acme", "#", "", "#12a", "12 34", "#-1", "a#12", "#12@", "#12@a b", "1.5"]) {
      expect(parseNumberRef(ref), ref).toBeUndefined();
    }
  });

  it("reads the largest number a customer can have, and refuses the next one before any query", () => {
    expect(MAX_CUSTOMER_NUMBER).toBe(2_147_483_647);
    expect(parseNumberRef("#2147483647")).toEqual({ number: 2_147_483_647 });
    expect(parseNumberRef("#0002147483647")).toEqual({ number: 2_147_483_647 });
    expect(refusal("#2147483648")).toEqual(["not_found", "There is no customer #2147483648. /prospect list shows yours."]);
    expect(refusal("99999999999999999999")[0]).toBe("not_found");
  });

  it("names a mainland mobile number typed where the customer goes", () => {
    expect(refusal("13800138000")).toEqual([
      "mobile_as_ref",
      "13800138000 looks like a mobile number. Name the customer by its number (#12) or by part of its company or contact name.",
    ]);
    // With # it was meant as a number; 12800138000 is no mobile.
    expect(refusal("#13800138000")[0]).toBe("not_found");
    expect(refusal("12800138000")[0]).toBe("not_found");
    expect(refusal("138001380001")[0]).toBe("not_found");
    expect(refusal("213800138000")[0]).toBe("not_found");
  });
});
