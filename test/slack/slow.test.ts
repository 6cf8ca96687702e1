import { describe, expect, it } from "vitest";
import type { Crm } from "../../src/crm/crm.ts";
import { useCrm } from "../support/crm-fixture.ts";
import { asMessage, control, headers, slackUser, useSlack } from "./harness.ts";

const t = useCrm();
/** The core answers this much later, as with a slow or busy database. */
const slowness = { ms: 0 };
const slowly = (crm: Crm): Crm => ({
  ...crm,
  execute: async (...args) => {
    await new Promise((r) => setTimeout(r, slowness.ms));
    return crm.execute(...args);
  },
});
const slack = useSlack(t, { wrapCrm: slowly, adapter: { submitDeadlineMs: 300 } });
const rep = slackUser("U_SLOW", "slow");

describe("a slow core", () => {
  it("a slash command is acknowledged at once even when the answer takes longer than Slack's 3 seconds", async () => {
    slowness.ms = 3_500;
    const { status, responseId } = await slack.slash(rep, "add SlowCo");
    // The ack is back while the core is still working: nothing has been answered or written yet.
    expect(status).toBe(200);
    expect(slack.fake.calls.filter((c) => c.method === "response_url" && c.id === responseId)).toEqual([]);
    expect(await t.db.prisma.customer.count({ where: { company: "SlowCo" } })).toBe(0);
    const { body } = await slack.fake.waitForResponse(responseId, { timeoutMs: 10_000 });
    expect(body.text).toBe("Added #1 SlowCo.");
  });

  it("idle() waits for the answer that follows the ack", async () => {
    slowness.ms = 500;
    const { status, responseId } = await slack.slash(rep, "list");
    expect(status).toBe(200);
    await slack.adapter.idle();
    expect(slack.fake.callsTo("response_url", responseId)).toHaveLength(1);
    slowness.ms = 0;
  });

  it("a modal submission past the deadline says it is working, then shows the outcome and posts the card", async () => {
    slowness.ms = 0;
    const from = slack.fake.calls.length;
    const { triggerId, responseId } = await slack.slash(rep, "add");
    const opened = await slack.openedView(triggerId, from);
    slowness.ms = 800;
    const ack = await slack.submit(rep, opened, { "f:company": "LateCo" });
    expect(ack.body.response_action).toBe("update");
    expect(ack.body.view.blocks[0].text.text).toContain("Working on it…");
    const update = await slack.fake.waitFor("views.update", (c) => c.body.view_id === opened.id);
    expect(update.body.view.blocks[0].text.text).toContain("Added #2 LateCo.");
    expect(headers((await slack.fake.waitForResponse(responseId)).body.blocks)).toEqual(["#2 LateCo"]);
  });

  it("a late refusal comes back into the modal, with what was typed", async () => {
    slowness.ms = 0;
    const from = slack.fake.calls.length;
    const { triggerId } = await slack.slash(rep, "add");
    const opened = await slack.openedView(triggerId, from);
    slowness.ms = 800;
    await slack.submit(rep, opened, { "f:company": "BadCo", "f:mobile": "123" });
    const update = await slack.fake.waitFor("views.update", (c) => c.body.view_id === opened.id);
    const view = update.body.view;
    expect(view.callback_id).toBe("crm_form");
    expect(view.blocks[0].text.text).toContain('Mobile: "123" is not valid');
    expect(view.blocks.find((b: any) => b.block_id === "f:mobile").element.initial_value).toBe("123");
    expect(await t.db.prisma.customer.count({ where: { company: "BadCo" } })).toBe(0);
  });

  it("a late prompt closes the modal at once and updates the card when done", async () => {
    slowness.ms = 0;
    const card = asMessage(await slack.command(rep, "show #1"));
    const from = slack.fake.calls.length;
    const { triggerId, responseId } = await slack.click(rep, card, control(card.blocks, "Log call"));
    const opened = await slack.openedView(triggerId, from);
    slowness.ms = 800;
    const ack = await slack.submit(rep, opened, { note: "slow but sure" });
    expect(ack.body).toBeUndefined();
    const { body } = await slack.fake.waitForResponse(responseId);
    expect(body.replace_original).toBe(true);
    expect(await t.db.prisma.activity.count({ where: { content: "slow but sure" } })).toBe(1);
  });
});
