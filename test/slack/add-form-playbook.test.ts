import { beforeAll, describe, expect, it } from "vitest";
import { components, useFeishu } from "../feishu/support.ts";
import { slackUser, useSlack } from "./harness.ts";

// The 4S playbook takes individual buyers (`add 王先生 手机=…`): its form asks for the buyer's
// name, not a company, on Slack and on Feishu alike.
const feishu = useFeishu({ playbook: "dealer-4s" });
const t = feishu.t;
const slack = useSlack(t);
const consultant = slackUser("U_4S", "consultant");

describe("the add form under the 4S playbook", () => {
  beforeAll(() => slack.fake.setUser({ id: consultant.id, name: "consultant", locale: "en-US" }));

  it("Slack: the buyer's name is required, the company is not; a name and a mobile add the buyer", async () => {
    const from = slack.fake.calls.length;
    const { triggerId } = await slack.slash(consultant, "add");
    const opened = await slack.openedView(triggerId, from);
    expect(opened.view.title.text).toBe("New customer");
    const inputs = opened.view.blocks.filter((b: any) => b.type === "input");
    expect(inputs.slice(0, 3).map((b: any) => [b.block_id, b.label.text, b.optional])).toEqual([
      ["f:contact", "Buyer's name", false], ["f:mobile", "Mobile", true], ["f:company", "Company", true],
    ]);
    expect(inputs[2].element.placeholder.text).toBe("only when a company buys");
    const added = await slack.submit(consultant, opened, { "f:contact": "Mr Wang", "f:mobile": "13800138000" });
    expect(added).toEqual({ status: 200, body: undefined });
    expect(await t.db.prisma.customer.findFirstOrThrow({ where: { mobile: "13800138000" } })).toMatchObject({ company: "Mr Wang", contact: "Mr Wang", stage: "intention" });
  });

  it("Feishu: 新增意向客户 asks for 客户姓名; without it the form comes back naming it, with it the buyer is added", async () => {
    const rep = feishu.person("ou_4s_rep", { name: "小陈" });
    const sent = (await rep.say("客户 新增"))!;
    expect(sent.card.header.title.content).toBe("新增意向客户");
    expect(sent.text).toContain("只需填写客户姓名即可新增；标着“备案必填”的是备案所需的资料。");
    const inputs = components(sent.card).filter((c) => c.node.tag === "input").map((c) => c.node);
    expect(inputs[0]).toMatchObject({ name: "contact", required: true, label: { content: "客户姓名" } });
    expect(inputs.find((i) => i.name === "company")).toMatchObject({ required: false, placeholder: { content: "单位购买时填写" } });
    expect(inputs.find((i) => i.name === "source")).toMatchObject({ placeholder: { content: "备案必填" } });

    const nameless = await rep.click(sent, "新增", { form: { mobile: "13900139000" } });
    expect(nameless.json.toast.type).toBe("error");
    expect(nameless.cardText).toContain("客户姓名为必填项。");
    const added = await rep.click(sent, "新增", { form: { contact: "王先生", mobile: "13900139000" } });
    expect(added.json.toast).toMatchObject({ type: "success", content: expect.stringMatching(/^已新增 #\d+ 王先生。$/) });
    expect(await t.db.prisma.customer.findFirstOrThrow({ where: { mobile: "13900139000" } })).toMatchObject({ company: "王先生", contact: "王先生" });
  });
});
