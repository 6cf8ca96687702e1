import { describe, expect, it } from "vitest";
import type { CommandContext } from "../../src/commands/context.ts";
import { addForm, addFormRequired } from "../../src/customers/add-form.ts";
import { en } from "../../src/i18n/en.ts";
import { zh } from "../../src/i18n/zh.ts";
import { loadPlaybook } from "../../src/playbook/load-playbook.ts";

const companies = await loadPlaybook("default");
const buyers = await loadPlaybook("dealer-4s");

/** The form reads only the caller's catalog and the playbook. */
const ctx = (playbook: typeof companies, locale: "en" | "zh-CN" = "en") =>
  ({ caller: { m: locale === "en" ? en : zh, locale }, playbook }) as unknown as CommandContext;

const inputsOf = (context: CommandContext) => {
  const action = addForm(context).actions[0]!;
  if (action.kind !== "form") throw new Error("expected a form");
  return action.form.inputs;
};

// Built inside each test, not while collecting: a form that fails to build must fail a test.
describe("the add form of a playbook of companies", () => {
  const input = (key: string) => inputsOf(ctx(companies)).find((i) => i.key === key)!;

  it("asks for every filing field, then the call log", () => {
    const inputs = inputsOf(ctx(companies));
    expect(inputs.map((i) => i.key)).toEqual([
      "company", "contact", "title", "mobile", "phone", "fax", "province", "city", "address",
      "email", "wechat", "qq", "website", "size", "revenue", "source", "note", "calllog",
    ]);
    expect(input("contact").label).toBe("Decision-maker");
    expect(input("calllog").label).toBe("Call log");
  });

  it("requires the company alone", () => {
    const inputs = inputsOf(ctx(companies));
    expect(inputs.filter((i) => i.required).map((i) => i.key)).toEqual(["company"]);
    expect(addFormRequired(ctx(companies))).toBe("Company");
  });

  it("gives the note, the address and the call log several lines", () => {
    const inputs = inputsOf(ctx(companies));
    expect(inputs.filter((i) => i.multiline).map((i) => i.key)).toEqual(["address", "note", "calllog"]);
  });

  it("says which fields the filing needs, and what the others expect", () => {
    expect(input("company").placeholder).toBe("a company name (up to 100 characters)");
    for (const key of ["province", "contact", "title", "mobile", "address", "calllog"]) expect(input(key).placeholder).toBe("needed for filing");
    expect(input("phone").placeholder).toBe("a phone number such as 0757-2838 8888");
    expect(input("note").placeholder).toBe("any text");
  });

  it("is titled and submitted as add", () => {
    const form = addForm(ctx(companies));
    expect(form.title).toBe("New customer");
    expect(form.actions[0]).toMatchObject({ kind: "form", label: "New customer", form: { title: "New customer", command: "add", submitLabel: "Add" } });
    expect(addForm(ctx(companies, "zh-CN")).title).toBe("新增潜在客户");
  });
});

describe("the add form of a playbook of individual buyers (4S)", () => {
  const input = (key: string) => inputsOf(ctx(buyers)).find((i) => i.key === key)!;

  it("asks for the buyer's name and mobile first, then the company", () => {
    const inputs = inputsOf(ctx(buyers));
    expect(inputs.map((i) => i.key)).toEqual([
      "contact", "mobile", "company", "title", "phone", "fax", "province", "city", "address",
      "email", "wechat", "qq", "website", "size", "revenue", "source", "note", "calllog",
    ]);
    expect(input("contact").label).toBe("Buyer's name");
    expect(input("company").label).toBe("Company");
  });

  it("requires the buyer's name alone, and the company only when a company buys", () => {
    const inputs = inputsOf(ctx(buyers));
    expect(inputs.filter((i) => i.required).map((i) => i.key)).toEqual(["contact"]);
    expect(addFormRequired(ctx(buyers))).toBe("Buyer's name");
    expect(input("contact").placeholder).toBe("the decision-maker's name");
    expect(input("company").placeholder).toBe("only when a company buys");
    expect(input("mobile").placeholder).toBe("needed for filing");
    expect(input("source").placeholder).toBe("needed for filing");
    expect(input("province").placeholder).toBe("a province such as 广东");
  });
});
