import { describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";

const t = useCrm({ playbook: "dealer-4s" });

describe("the 4S playbook takes individual buyers", () => {
  it("adds 王先生 with a mobile, as the customer and its contact; another 王先生 is told apart by mobile", async () => {
    const rep = t.person("sales-consultant", { workspace: "4s", locale: "zh-CN" });
    const first = await rep.run("新增 王先生 手机=13800138000 来源=展厅");
    expect(first.ok, first.text).toBe(true);
    expect(first.cards[0]!.fields).toContainEqual({ label: "负责人", value: "王先生" });
    // Only the visit/call log is left to file it: the person is the contact.
    expect(first.cards[0]!.sections.find((s) => s.title === "备案还缺")!.items).toEqual(["通话记录：有效内容 0/20 字，请记下沟通的具体内容"]);
    const second = await rep.run("新增 王先生 手机=13900139000");
    expect(second.ok, second.text).toBe(true);
    const sameMobile = await rep.run("新增 王先生 手机=13800138000");
    expect(sameMobile.code).toBe("duplicate");
  });

  it("names the customer after the buyer given only as the contact (the form's buyer's name)", async () => {
    const rep = t.person("form-consultant", { workspace: "4s-form", locale: "zh-CN" });
    expect((await rep.run("新增 负责人=李女士 手机=13800138001")).text).toBe("已新增 #1 李女士。");
    const customer = await t.db.prisma.customer.findFirstOrThrow({ where: { workspace: { externalId: "4s-form" } } });
    expect(customer).toMatchObject({ company: "李女士", contact: "李女士" });
  });

  it("asks for the buyer's name when none is given, on the contact field, in Chinese and English", async () => {
    const zh = t.person("nameless-zh", { workspace: "4s-nameless", locale: "zh-CN" });
    const en = t.person("nameless-en", { workspace: "4s-nameless" });
    const refused = await zh.run("新增 手机=13800138002");
    expect([refused.ok, refused.code, refused.text]).toEqual([false, "missing_company", "客户姓名为必填项。"]);
    expect(Object.keys(refused.fieldErrors!)).toEqual(["contact"]);
    expect(refused.fieldErrors!.contact).toBe("客户姓名为必填项。");
    expect((await en.run("add mobile=13800138002")).text).toBe("Buyer's name is required.");
    expect(await t.db.prisma.customer.count({ where: { workspace: { externalId: "4s-nameless" } } })).toBe(0);
  });
});
