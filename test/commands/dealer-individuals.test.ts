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
});
