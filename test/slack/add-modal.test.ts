import { beforeAll, describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";
import { headers, slackUser, useSlack } from "./harness.ts";

const t = useCrm();
const slack = useSlack(t);
const rep = slackUser("U_FORM", "former");
const other = slackUser("U_OTHER", "other");

async function openAddModal(user = rep) {
  const from = slack.fake.calls.length;
  const { status, responseId, triggerId } = await slack.slash(user, "add");
  expect(status).toBe(200);
  return { ...(await slack.openedView(triggerId, from)), responseId };
}

const customers = (company: string) => t.db.prisma.customer.count({ where: { company } });

describe("/prospect add with no arguments", () => {
  beforeAll(() => {
    slack.fake.setUser({ id: rep.id, name: "former", locale: "en-US" });
    slack.fake.setUser({ id: other.id, name: "other", locale: "en-US" });
  });

  it("opens a modal with the filing fields; only the company is required, the playbook's filing fields say so", async () => {
    const { view, responseId } = await openAddModal();
    expect(view.callback_id).toBe("crm_form");
    expect(view.title.text).toBe("New customer");
    expect(view.submit.text).toBe("Add");
    expect(view.close.text).toBe("Cancel");
    const inputs = view.blocks.filter((b: any) => b.type === "input");
    expect(inputs.map((b: any) => b.block_id)).toEqual(expect.arrayContaining(["f:company", "f:mobile", "f:province", "f:calllog"]));
    const company = inputs.find((b: any) => b.block_id === "f:company");
    const mobile = inputs.find((b: any) => b.block_id === "f:mobile");
    expect(company.optional).toBe(false);
    expect(mobile).toMatchObject({ optional: true, label: { text: "Mobile" }, element: { placeholder: { text: "needed for filing" } } });
    expect(inputs.find((b: any) => b.block_id === "f:calllog").element.multiline).toBe(true);
    // The modal is the answer: nothing is posted to the channel.
    expect(slack.fake.callsTo("response_url", responseId)).toEqual([]);
  });

  it("shows Slack's per-field errors for bad values and writes nothing; the fixed submission is filed once, however often it is sent", async () => {
    const opened = await openAddModal();
    const bad = await slack.submit(rep, opened, { "f:company": "Modal Works", "f:mobile": "123", "f:email": "nope" });
    expect(bad.status).toBe(200);
    expect(bad.body.response_action).toBe("errors");
    expect(Object.keys(bad.body.errors)).toEqual(["f:mobile", "f:email"]);
    expect(bad.body.errors["f:mobile"]).toContain("expected an 11-digit mainland mobile number");
    expect(await customers("Modal Works")).toBe(0);
    expect(await t.db.prisma.commandReceipt.count({ where: { key: `slack:view:${opened.id}` } })).toBe(0);

    const values = { "f:company": 'Modal "Works"', "f:mobile": "13912345678", "f:note": "met at the fair = good lead" };
    const good = await slack.submit(rep, opened, values);
    expect(good).toEqual({ status: 200, body: undefined });
    const posted = await slack.fake.waitForResponse(opened.responseId);
    expect(posted.body).toMatchObject({ response_type: "ephemeral", text: 'Added #1 Modal "Works".' });
    expect(headers(posted.body.blocks)).toEqual(['#1 Modal "Works"']);
    const row = await t.db.prisma.customer.findFirstOrThrow({ where: { company: 'Modal "Works"' } });
    expect(row).toMatchObject({ mobile: "13912345678", note: "met at the fair = good lead" });

    const again = await slack.submit(rep, opened, values);
    expect(again.status).toBe(200);
    expect(await t.db.prisma.customer.count({ where: { companyKey: row.companyKey } })).toBe(1);
    // Answered once: the second copy got the first reply from the core and nothing was posted again.
    await slack.adapter.idle();
    expect(slack.fake.callsTo("response_url", opened.responseId)).toHaveLength(1);
  });

  it("refuses a duplicate in the modal, keeps what was typed, and offers to create it anyway", async () => {
    const opened = await openAddModal(other);
    const typed = { "f:company": "modal  works", "f:contact": "Wang" };
    const refused = await slack.submit(other, opened, typed);
    expect(refused.body.response_action).toBe("update");
    const view = refused.body.view;
    expect(view.callback_id).toBe("crm_form");
    expect(view.private_metadata).toBe(opened.view.private_metadata);
    expect(view.blocks[0].text.text).toContain("Already on record as #1 (owner: former) — same company.");
    expect(view.blocks.find((b: any) => b.block_id === "f:contact").element.initial_value).toBe("Wang");
    const force = view.blocks.find((b: any) => b.block_id === "force");
    expect(force.element.options[0]).toMatchObject({ value: "yes", text: { text: "Create anyway — it really is a different customer" } });
    expect(await t.db.prisma.customer.count()).toBe(1);

    // Submitting without ticking it refuses again; ticking it creates the customer.
    const revised = { id: opened.id, view };
    expect((await slack.submit(other, revised, typed)).body.response_action).toBe("update");
    const forced = await slack.submit(other, revised, { ...typed, force: ["yes"] });
    expect(forced.body).toBeUndefined();
    const posted = await slack.fake.waitForResponse(opened.responseId);
    expect(posted.body.text).toBe("Added #2 modal  works.");
    expect(await t.db.prisma.customer.count()).toBe(2);
  });

  it("opens the modal in the person's language from users.info", async () => {
    slack.fake.setUser({ id: "U_ZH", name: "li", locale: "zh-CN" });
    const { view } = await openAddModal(slackUser("U_ZH", "li"));
    expect(view.close.text).toBe("取消");
    expect(view.blocks.find((b: any) => b.block_id === "f:company").label.text).toBe("公司名称");
  });
});
