import { describe, expect, it } from "vitest";
import { components, findButton, replaced, useFeishu } from "./support.ts";

const h = useFeishu();
const rep = h.person("ou_form_rep", { name: "小周" });

function inputs(card: unknown) {
  return components(card).filter((c) => c.node.tag === "input").map((c) => c.node);
}

describe("the add form", () => {
  it("`add` alone answers with a form card holding the filing fields", async () => {
    const sent = (await rep.say("客户 新增"))!;
    expect(sent.card.header.title.content).toBe("新增潜在客户");
    expect(sent.text).toContain("只需填写公司名称即可新增；标着“备案必填”的是备案所需的资料。");
    const form = components(sent.card).find((c) => c.node.tag === "form")!.node;
    const fields = inputs(form);
    expect(fields.map((i) => i.name)).toEqual(expect.arrayContaining(["company", "contact", "title", "mobile", "province", "address", "calllog"]));
    expect(fields.find((i) => i.name === "company")).toMatchObject({ required: true, label: { content: "公司名称" } });
    expect(fields.find((i) => i.name === "mobile")).toMatchObject({ required: false, placeholder: { content: "备案必填" } });
    expect(fields.find((i) => i.name === "calllog")).toMatchObject({ input_type: "multiline_text" });
    const submit = findButton(sent.card, "新增")!;
    expect(submit.node).toMatchObject({ form_action_type: "submit", behaviors: [{ type: "callback", value: { k: "form", c: "add" } }] });
    expect(await h.t.db.prisma.customer.count()).toBe(0);
  });

  it("a submission with bad values comes back with the field errors, the values kept, and nothing written", async () => {
    const sent = (await rep.say("add"))!;
    const answer = await rep.click(sent, "新增", { form: { company: "表单公司", mobile: "123", email: "nope", contact: "李总" } });
    expect(answer.status).toBe(200);
    expect(answer.json.toast.type).toBe("error");
    expect(answer.json.toast.content).toContain("手机");
    const card = answer.json.card.data;
    expect(answer.cardText).toContain("请修改下面标出的字段。");
    expect(answer.cardText).toContain("手机：“123”无效");
    expect(answer.cardText).toContain("邮箱：“nope”无效");
    const byName = Object.fromEntries(inputs(card).map((i) => [i.name, i]));
    expect(byName.company.default_value).toBe("表单公司");
    expect(byName.mobile.default_value).toBe("123");
    expect(byName.contact.default_value).toBe("李总");
    // Each problem sits just above its input.
    const elements = components(card).find((c) => c.node.tag === "form")!.node.elements as any[];
    const mobileAt = elements.findIndex((e) => e.name === "mobile");
    expect(elements[mobileAt - 1]).toMatchObject({ tag: "markdown", content: expect.stringContaining("手机：“123”无效") });
    expect(findButton(card, "仍然新增")).toBeUndefined();
    expect(await h.t.db.prisma.customer.count()).toBe(0);

    const fixed = await rep.click(replaced(sent, answer), "新增", { form: { company: "表单公司", mobile: "13800138000", contact: "李总" } });
    expect(fixed.json.toast).toMatchObject({ type: "success", content: expect.stringMatching(/^已新增 #\d+ 表单公司。$/) });
    expect(fixed.json.card.data.header.title.content).toMatch(/^#\d+ 表单公司$/);
    expect(await h.t.db.prisma.customer.findFirstOrThrow({ where: { company: "表单公司" } })).toMatchObject({ mobile: "13800138000", contact: "李总" });
  });

  it("the same submission twice writes once", async () => {
    const sent = (await rep.say("add"))!;
    const values = { company: "重复提交公司", calllog: "第一次通话" };
    const first = await rep.click(sent, "新增", { form: values });
    const second = await rep.click(sent, "新增", { form: values });
    expect(second.json).toEqual(first.json);
    expect(await h.t.db.prisma.customer.count({ where: { company: "重复提交公司" } })).toBe(1);
    expect(await h.t.db.prisma.activity.count({ where: { content: "第一次通话" } })).toBe(1);
  });

  it("a duplicate is refused with a “create anyway” button that submits again with force=yes", async () => {
    const other = h.person("ou_form_other", { name: "小吴" });
    await other.say("add 撞单公司 mobile=13700137000");
    const sent = (await rep.say("add"))!;
    const refused = await rep.click(sent, "新增", { form: { company: "另一家公司", mobile: "137-0013-7000" } });
    expect(refused.json.toast.type).toBe("error");
    expect(refused.cardText).toContain("负责业务员：小吴");
    expect(refused.cardText).not.toContain("请修改下面标出的字段。");
    const anyway = findButton(refused.json.card.data, "仍然新增")!;
    // The form was in the person's direct chat, and stays marked as private (`p`).
    expect(anyway.node.behaviors[0].value).toEqual({ k: "form", c: "add", f: 1, p: 1 });
    expect(await h.t.db.prisma.customer.count({ where: { company: "另一家公司" } })).toBe(0);

    const forced = await rep.click(replaced(sent, refused), "仍然新增", { form: { company: "另一家公司", mobile: "137-0013-7000" } });
    expect(forced.json.toast.type).toBe("success");
    expect(await h.t.db.prisma.customer.count({ where: { company: "另一家公司" } })).toBe(1);
  });

  it("speaks English to someone who chose it", async () => {
    const en = h.person("ou_form_en", { name: "Ann" });
    await en.say("lang en");
    const sent = (await en.say("add"))!;
    expect(sent.card.header.title.content).toBe("New customer");
    const refused = await en.click(sent, "Add", { form: { company: "Acme", mobile: "1" } });
    expect(refused.json.toast.type).toBe("error");
    expect(refused.cardText).toContain("Please fix the fields marked below.");
    expect(refused.cardText).toContain('Mobile: "1" is not valid');
  });
});
