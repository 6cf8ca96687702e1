import { beforeAll, describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";
import { control, headers, slackUser, textOf, useSlack } from "./harness.ts";

const t = useCrm();
const slack = useSlack(t);
const alice = slackUser("U_HOME", "homer");
const RETRY = { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } };

let eventSeq = 0;
function eventBody(event: object, eventId = `Ev${++eventSeq}`) {
  return {
    token: "legacy", team_id: "T1", api_app_id: "A_APP", type: "event_callback", event_id: eventId, event_time: 1_700_000_000,
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
    event: { event_ts: "1700000000.000100", ...event },
  };
}

const homeOpened = (user = alice) => eventBody({ type: "app_home_opened", user: user.id, channel: `D${user.id}`, tab: "home" });
const dm = (text: string, user = alice) =>
  eventBody({ type: "message", channel: `D${user.id}`, channel_type: "im", user: user.id, text, ts: `1700000001.${++eventSeq}`, client_msg_id: `m${eventSeq}` });

async function clickOnHome(view: any, button: ReturnType<typeof control>, triggerId: string): Promise<number> {
  const { status } = await slack.interact({
    type: "block_actions", user: { id: alice.id, username: alice.name, name: alice.name, team_id: "T1" }, api_app_id: "A_APP", token: "legacy",
    container: { type: "view", view_id: "VHOME" }, trigger_id: triggerId, team: { id: "T1", domain: "t1" },
    view: { ...view, id: "VHOME", team_id: "T1", state: { values: {} }, hash: "h", private_metadata: "", callback_id: "crm_home" },
    actions: [{ type: "button", action_id: button.action_id, block_id: button.block_id, value: button.value, text: { type: "plain_text", text: button.label }, action_ts: "1.1" }],
  });
  return status;
}

describe("the Events API", () => {
  beforeAll(() => slack.fake.setUser({ id: alice.id, name: "homer", locale: "en-US" }));

  it("answers Slack's URL verification", async () => {
    const { status, text } = await slack.event({ type: "url_verification", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", token: "x" });
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });

  it("publishes the App Home with the pipeline by stage and today's due list", async () => {
    await slack.command(alice, "add HomeOne grade=A");
    await slack.command(alice, "add HomeTwo");
    // Mon 21 Dec: D's overdue day (25 days on, Fri 18 Dec, plus the weekend the due date moved by).
    t.clock.advanceDays(28);
    const from = slack.fake.calls.length;
    expect((await slack.event(homeOpened())).status).toBe(200);
    const published = await slack.fake.waitFor("views.publish", () => true, { from });
    expect(published.body.user_id).toBe(alice.id);
    expect(published.token).toBe("xoxb-test-token");
    const { view } = published.body;
    expect(view.type).toBe("home");
    expect(textOf(view.blocks)).toContain("homer's pipeline");
    expect(headers(view.blocks)).toEqual(expect.arrayContaining(["Pipeline", "2 customers to contact today, 2 overdue."]));
    expect(textOf(view.blocks)).toMatch(/\*Potential\*\n2 \(A 1 · B 0 · C 0 · D 1\)/);
    expect(headers(view.blocks).filter((h) => / HomeOne| HomeTwo/.test(h))).toHaveLength(2);
    expect(control(view.blocks, "New customer").value).toBe("add");
  });

  it("publishes once for a retried delivery of the same event", async () => {
    const body = homeOpened();
    const from = slack.fake.calls.length;
    await slack.event(body);
    await slack.fake.waitFor("views.publish", () => true, { from });
    expect((await slack.event(body, RETRY)).status).toBe(200);
    await slack.adapter.idle();
    expect(slack.fake.calls.slice(from).filter((c) => c.method === "views.publish")).toHaveLength(1);
  });

  it("a button on the Home tab runs, and the Home is published again with the answer on top", async () => {
    t.clock.advanceDays(28);
    const from = slack.fake.calls.length;
    await slack.event(homeOpened());
    const { view } = (await slack.fake.waitFor("views.publish", () => true, { from })).body;
    const snooze = control(view.blocks, "Snooze 1 day", 2);
    const at = slack.fake.calls.length;
    expect(await clickOnHome(view, snooze, "trig-home")).toBe(200);
    const again = (await slack.fake.waitFor("views.publish", () => true, { from: at })).body.view;
    expect(again.blocks[0].text.text).toMatch(/^:white_check_mark: #\d+ snoozed until /);
    expect(textOf(again.blocks)).toContain("1 customer to contact today, 1 overdue.");
  });

  it("the Home tab's New customer button opens the form, and the Home shows the new customer on top", async () => {
    const from = slack.fake.calls.length;
    await slack.event(homeOpened());
    const { view } = (await slack.fake.waitFor("views.publish", () => true, { from })).body;
    await clickOnHome(view, control(view.blocks, "New customer"), "trig-new");
    const opened = await slack.openedView("trig-new", from);
    expect(opened.view.callback_id).toBe("crm_form");
    const at = slack.fake.calls.length;
    expect((await slack.submit(alice, opened, { "f:company": "HomeNewCo" })).body).toBeUndefined();
    const home = (await slack.fake.waitFor("views.publish", () => true, { from: at })).body.view;
    expect(home.blocks[0].text.text).toBe(":white_check_mark: Added #3 HomeNewCo.");
    expect(headers(home.blocks)).toContain("#3 HomeNewCo");
    expect(new Set(home.blocks.map((b: any) => b.block_id)).size).toBe(home.blocks.length);
  });
});

describe("direct messages to the bot", () => {
  it("runs the text as a command and answers in the conversation", async () => {
    const from = slack.fake.calls.length;
    await slack.event(dm("list"));
    const post = await slack.fake.waitFor("chat.postMessage", () => true, { from });
    expect(post.body.channel).toBe(`D${alice.id}`);
    expect(post.body.text).toBe("Team customers (3)"); // the first person administers the workspace
  });

  it("a retried delivery writes once and answers once", async () => {
    const body = dm("add RetryCo");
    const from = slack.fake.calls.length;
    await slack.event(body);
    await slack.fake.waitFor("chat.postMessage", (c) => c.body.text === "Added #4 RetryCo.", { from });
    await slack.event(body, RETRY);
    await slack.event(body, { headers: { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_error" } });
    await slack.adapter.idle();
    expect(await t.db.prisma.customer.count({ where: { company: "RetryCo" } })).toBe(1);
    expect(slack.fake.calls.slice(from).filter((c) => c.method === "chat.postMessage")).toHaveLength(1);
  });

  it("does not drop a retry whose first attempt failed: the retry answers, still without a second write", async () => {
    slack.fake.script("chat.postMessage", { body: { ok: false, error: "internal_error" } }, { times: 1 });
    const body = dm("add FlakyCo");
    const from = slack.fake.calls.length;
    await slack.event(body);
    await slack.fake.waitFor("chat.postMessage", () => true, { from });
    await expect.poll(() => slack.logs.some((l) => l.message.includes("direct message failed"))).toBe(true);
    const retried = slack.fake.calls.length;
    await slack.event(body, RETRY);
    const answered = await slack.fake.waitFor("chat.postMessage", () => true, { from: retried });
    expect(answered.body.text).toBe("Added #5 FlakyCo.");
    expect(await t.db.prisma.customer.count({ where: { company: "FlakyCo" } })).toBe(1);
  });

  it("ignores the bot's own messages and edits", async () => {
    const from = slack.fake.calls.length;
    await slack.event(eventBody({ type: "message", channel: "DX", channel_type: "im", bot_id: "BBOT", text: "add BotCo", ts: "1.1" }));
    await slack.event(eventBody({ type: "message", subtype: "message_changed", channel: "DX", channel_type: "im", ts: "1.2" }));
    await slack.adapter.idle();
    expect(slack.fake.calls.slice(from)).toEqual([]);
  });
});
