import { beforeAll, describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";
import { asMessage, control, headers, later, slackUser, textOf, useSlack, type PostedMessage } from "./harness.ts";

const t = useCrm();
const slack = useSlack(t);
const boss = slackUser("U_BOSS", "boss");
const alice = slackUser("U_ALICE", "alice");
const bob = slackUser("U_BOB", "bob");
const COMPLETE = 'province=Guangdong contact=Li title=GM address="1 Daliang Rd"';
const CALL_LOG = "Talked for twenty minutes: three hotel kitchens, 20 induction cookers, budget approved, decision next Wednesday.";

const customer = (number: number) => t.db.prisma.customer.findFirstOrThrow({ where: { number } });

async function added(line: string): Promise<PostedMessage> {
  return asMessage(await slack.command(alice, line));
}

/** Clicks a prompt button, checks its modal, and submits `text`; returns the answer posted for the card. */
async function prompt(user: typeof alice, message: PostedMessage, label: string, expectLabel: string, text: string) {
  const from = slack.fake.calls.length;
  const { responseId, triggerId } = await slack.click(user, message, control(message.blocks, label));
  const opened = await slack.openedView(triggerId, from);
  expect(opened.view).toMatchObject({ callback_id: "crm_prompt", title: { text: label.slice(0, 24) }, submit: { text: "Submit" } });
  expect(opened.view.blocks[0].label.text).toBe(expectLabel);
  const ack = await slack.submit(user, opened, { note: text });
  return { ack, opened, responseId, answer: ack.body ? undefined : (await slack.fake.waitForResponse(responseId)).body };
}

describe("card buttons", () => {
  let card: PostedMessage;

  beforeAll(async () => {
    for (const u of [boss, alice, bob]) slack.fake.setUser({ id: u.id, name: u.name, locale: "en-US" });
    await slack.command(boss, "help"); // the first person administers the workspace
    card = await added(`add "Button Co" ${COMPLETE} mobile=13800138001`);
  });

  it("log a call, an SMS or a visit: a small modal for the note, then the card updates in place", async () => {
    const cases = [
      ["Log call", "call", "Asked for a quote."],
      ["Log SMS", "sms", "Sent the price list."],
      ["Log visit", "visit", 'Visited; he said "come back next week'],
    ] as const;
    for (const [label, channel, note] of cases) {
      const { ack, answer, opened } = await prompt(alice, card, label, "What happened?", note);
      expect(ack.body, label).toBeUndefined();
      expect(answer!.replace_original).toBe(true);
      expect(headers(answer!.blocks)).toEqual(["#1 Button Co"]);
      expect(textOf(answer!.blocks)).toContain(`logged on #1.`);
      // The same modal submitted again writes nothing more.
      await slack.submit(alice, opened, { note });
      const rows = await t.db.prisma.activity.findMany({ where: { customer: { number: 1 }, channel } });
      expect(rows.map((r) => r.content), label).toEqual([note]);
    }
  });

  it("snooze 1 day / 3 days runs at once and updates the card", async () => {
    const { responseId } = await slack.click(alice, card, control(card.blocks, "Snooze 3 days"));
    const answer = (await slack.fake.waitForResponse(responseId)).body;
    expect(answer.replace_original).toBe(true);
    expect(textOf(answer.blocks)).toMatch(/#1 snoozed until /);
    const row = await customer(1);
    expect(row.snoozedUntil!.getTime() - t.clock.now.getTime()).toBe(3 * 86_400_000);
    const oneDay = await slack.click(alice, card, control(card.blocks, "Snooze 1 day"));
    expect(textOf((await slack.fake.waitForResponse(oneDay.responseId)).body.blocks)).toMatch(/#1 snoozed until /);
    expect((await customer(1)).snoozedUntil!.getTime() - t.clock.now.getTime()).toBe(86_400_000);
  });

  it("change grade and change stage are selects whose options are the commands", async () => {
    const grade = control(card.blocks, "Change grade");
    expect(grade.type).toBe("static_select");
    expect(grade.options!.map((o) => o.value)).toEqual(["grade #1@T1 A", "grade #1@T1 B", "grade #1@T1 C"]);
    const graded = await slack.click(alice, card, grade, "A");
    expect((await slack.fake.waitForResponse(graded.responseId)).body.text).toBe("#1 is now Potential · A.");
    const staged = await slack.click(alice, card, control(card.blocks, "Change stage"), "Intention");
    const answer = (await slack.fake.waitForResponse(staged.responseId)).body;
    expect(answer.text).toBe("#1 is now Intention · A.");
    expect(await customer(1)).toMatchObject({ stage: "intention", grade: "A" });
  });

  it("a double-clicked 'mark won' writes once", async () => {
    const won = control(card.blocks, "Mark won");
    const [first, second] = await Promise.all([slack.click(alice, card, won), slack.click(alice, card, won)]);
    await slack.fake.waitForResponse(first.responseId);
    await slack.fake.waitForResponse(second.responseId);
    const row = await customer(1);
    expect(row.stage).toBe("won");
    expect(await t.db.prisma.stageChange.count({ where: { customerId: row.id, toStage: "won" } })).toBe(1);
  });

  it("mark lost asks for the reason", async () => {
    const lostCard = await added("add LostCo");
    const { answer } = await prompt(alice, lostCard, "Mark lost", "Why was it lost?", "price");
    expect(answer!.text).toBe("#2 is now Lost.");
    expect(await customer(2)).toMatchObject({ stage: "lost", lostReason: "price" });
    // The updated card of a lost customer offers to reactivate it.
    const lost = { ...lostCard, blocks: answer!.blocks };
    const reactivated = await slack.click(alice, lost, control(lost.blocks, "Reactivate"), "Potential");
    expect((await slack.fake.waitForResponse(reactivated.responseId)).body.text).toMatch(/^#2 is now Potential/);
    expect((await customer(2)).stage).toBe("potential");
  });

  it("a refused click answers only the clicker and leaves the card as it was", async () => {
    const thin = await added("add ThinCo");
    const { responseId } = await slack.click(alice, thin, control(thin.blocks, "Submit filing"));
    const answer = (await slack.fake.waitForResponse(responseId)).body;
    expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(answer.text).toMatch(/^#3 cannot be filed yet\. Missing:/);
    expect((await customer(3)).filingStatus).toBe("none");
  });

  it("a prompt refused by the core keeps the modal open with the reason under the input", async () => {
    const thin = await added("add RefusedCo");
    const { ack } = await prompt(bob, thin, "Log call", "What happened?", "sneaky");
    expect(ack.body.response_action).toBe("errors");
    expect(ack.body.errors.note).toBe("#4 is not one of your customers: only its owner or a director can see or change it.");
    expect(await t.db.prisma.activity.count({ where: { customer: { number: 4 } } })).toBe(0);
  });

  it("keeps a rep's clicks off another rep's customer, even on the very button its owner just clicked", async () => {
    const before = await customer(3);
    const { responseId } = await slack.click(bob, card, control(card.blocks, "Snooze 1 day"));
    const answer = (await slack.fake.waitForResponse(responseId)).body;
    expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: false, text: "#1 is not one of your customers: only its owner or a director can see or change it." });
    const thin = asMessage((await slack.fake.callsTo("response_url").find((c) => c.body.text === "Added #3 ThinCo."))!.body);
    await slack.click(bob, thin, control(thin.blocks, "Change grade"), "A");
    await slack.fake.waitFor("response_url", (c) => c.body.text?.startsWith("#3 is not one of your customers"));
    expect(await customer(3)).toEqual(before);
  });

  it("a click from another workspace (a shared channel) sees nothing of this one", async () => {
    const stranger = slackUser("U_STRANGER", "stranger", "T2");
    const { responseId } = await slack.click(stranger, card, control(card.blocks, "Snooze 1 day"));
    const answer = (await slack.fake.waitForResponse(responseId)).body;
    expect(answer).toMatchObject({ response_type: "ephemeral", text: "This card belongs to another workspace: you can only act on your own workspace's customers." });
    expect(JSON.stringify(answer)).not.toContain("Button Co");
  });

  it("directors approve or reject a filing from the card", async () => {
    const filed = await added(`add "Filing Co" ${COMPLETE} mobile=13800138002 calllog="${CALL_LOG}"`);
    const n = Number(/#(\d+)/.exec(filed.text)![1]);
    expect((await slack.command(alice, `file #${n}`)).text).toBe(`#${n} submitted for filing; a director will approve it.`);
    expect(() => control(filed.blocks, "Approve filing")).toThrow(); // reps see no approve button
    const seen = asMessage(await slack.command(boss, `show #${n}`));
    const { answer } = await prompt(boss, seen, "Reject filing", "What must the rep fix?", "the mobile is the front desk");
    expect(answer!.text).toBe(`Filing of #${n} rejected: the mobile is the front desk`);
    expect(await customer(n)).toMatchObject({ filingStatus: "rejected", filingNote: "the mobile is the front desk" });
    later(t); // typed again seconds later it would count as sent twice
    await slack.command(alice, `file #${n}`);
    const approved = await slack.click(boss, seen, control(seen.blocks, "Approve filing"));
    expect((await slack.fake.waitForResponse(approved.responseId)).body.text).toBe(`Filing of #${n} approved.`);
    expect((await customer(n)).filingStatus).toBe("approved");
  });

  it("updates only the clicked card of a message with several", async () => {
    await added("add DueOne");
    await added("add DueTwo");
    t.clock.advanceDays(25);
    const due = asMessage(await slack.command(alice, "due"));
    const titles = headers(due.blocks);
    expect(titles.length).toBeGreaterThanOrEqual(2);
    const { responseId } = await slack.click(alice, due, control(due.blocks, "Snooze 1 day", 1));
    const answer = (await slack.fake.waitForResponse(responseId)).body;
    expect(answer.replace_original).toBe(true);
    const ofCard = (blocks: any[], i: number) => blocks.filter((b) => b.block_id.startsWith(`c${i}:`));
    expect(ofCard(answer.blocks, 0)).toEqual(ofCard(due.blocks, 0));
    expect(ofCard(answer.blocks, 1)).not.toEqual(ofCard(due.blocks, 1));
    expect(textOf(ofCard(answer.blocks, 1))).toMatch(/snoozed until/);
    expect(answer.blocks[0]).toEqual(due.blocks[0]);
    // "Open" on a due card shows the whole customer in its place.
    const { responseId: opened } = await slack.click(alice, due, control(due.blocks, "Open", 0));
    const full = (await slack.fake.waitForResponse(opened)).body;
    expect(headers(full.blocks)[0]).toBe(titles[0]!.split(" · ")[0]);
    expect(textOf(ofCard(full.blocks, 0))).toContain("Add order");
  });
});
