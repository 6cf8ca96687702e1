import { beforeAll, describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";
import type { SlackCall } from "../support/fake-slack-api.ts";
import { asMessage, control, slackUser, useSlack, type PostedMessage, type SlackUser } from "./harness.ts";

const t = useCrm();
const slack = useSlack(t);
const owner = slackUser("U_OWNER", "owner");
const EXPIRED = { body: { ok: false, error: "expired_trigger_id" } };
const TOO_LATE = "Slack did not let us open the window in time. Please press the button again.";

/** Clicks the App Home's "New customer" button (a form button) as `user`. */
async function newProspectOnHome(user: SlackUser, triggerId: string): Promise<void> {
  const { status } = await slack.interact({
    type: "block_actions", user: { id: user.id, username: user.name, name: user.name, team_id: user.team }, api_app_id: "A_APP", token: "legacy",
    container: { type: "view", view_id: "VHOME" }, trigger_id: triggerId, team: { id: user.team, domain: "t1" },
    view: { type: "home", id: "VHOME", team_id: user.team, blocks: [], state: { values: {} }, hash: "h", private_metadata: "", callback_id: "crm_home" },
    actions: [{ type: "button", action_id: "crm_form_0", block_id: "home:new", value: "add", text: { type: "plain_text", text: "New customer" }, action_ts: "1.1" }],
  });
  expect(status).toBe(200);
}

/** Where in the fake's log a call is: the order in which Slack received them. */
function position(call: SlackCall): number {
  return slack.fake.calls.indexOf(call);
}

describe("buttons that open a modal", () => {
  let card: PostedMessage;

  beforeAll(async () => {
    slack.fake.setUser({ id: owner.id, name: "owner", locale: "en-US" });
    card = asMessage(await slack.command(owner, "add OpenCo"));
  });

  it("a prompt button opens its modal before asking Slack who clicked, then puts it in their language", async () => {
    // Someone this process has never seen: who they are takes a users.info call (up to 2 s).
    const newcomer = slackUser("U_NEWCOMER", "newcomer");
    slack.fake.setUser({ id: newcomer.id, name: "newcomer", locale: "en-US" });
    const from = slack.fake.calls.length;
    const { triggerId } = await slack.click(newcomer, card, control(card.blocks, "Log call"));
    const open = await slack.fake.waitFor("views.open", (c) => c.body.trigger_id === triggerId, { from });
    const lookup = await slack.fake.waitFor("users.info", (c) => c.body.user === newcomer.id, { from });
    expect(position(open)).toBeLessThan(position(lookup));
    expect(open.body.view).toMatchObject({ callback_id: "crm_prompt", title: { text: "Log call" } });
    // Once known, the modal is in their language; what it sends is unchanged.
    const opened = await slack.openedView(triggerId, from);
    expect(opened.view).toMatchObject({ submit: { text: "Submit" }, close: { text: "Cancel" }, private_metadata: open.body.view.private_metadata });
  });

  it("a form button opens a 'working' modal at once, and the form replaces it", async () => {
    const stranger = slackUser("U_HOMECOMER", "homecomer");
    slack.fake.setUser({ id: stranger.id, name: "homecomer", locale: "en-US" });
    const from = slack.fake.calls.length;
    await newProspectOnHome(stranger, "trig-form-1");
    const open = await slack.fake.waitFor("views.open", (c) => c.body.trigger_id === "trig-form-1", { from });
    const lookup = await slack.fake.waitFor("users.info", (c) => c.body.user === stranger.id, { from });
    expect(position(open)).toBeLessThan(position(lookup));
    expect(open.body.view).toMatchObject({ callback_id: "crm_loading", title: { text: "New customer" } });
    const opened = await slack.openedView("trig-form-1", from);
    expect(opened.view).toMatchObject({ callback_id: "crm_form", title: { text: "New customer" }, close: { text: "Cancel" } });
    const at = slack.fake.calls.length;
    expect((await slack.submit(stranger, opened, { "f:company": "FromHomeCo" })).body).toBeUndefined();
    const home = await slack.fake.waitFor("views.publish", (c) => c.body.user_id === stranger.id, { from: at });
    expect(home.body.view.blocks[0].text.text).toMatch(/^:white_check_mark: Added #\d+ FromHomeCo\.$/);
  });

  it("when Slack will not open a prompt's modal, the clicker is told, privately, to press again", async () => {
    slack.fake.script("views.open", EXPIRED, { times: 1 });
    const { responseId } = await slack.click(owner, card, control(card.blocks, "Log visit"));
    const { body } = await slack.fake.waitForResponse(responseId);
    expect(body).toMatchObject({ response_type: "ephemeral", replace_original: false, text: TOO_LATE });
  });

  it("when Slack will not open a form button's modal, the App Home says so on top", async () => {
    slack.fake.script("views.open", EXPIRED, { times: 1 });
    const from = slack.fake.calls.length;
    await newProspectOnHome(owner, "trig-form-2");
    const home = await slack.fake.waitFor("views.publish", (c) => c.body.user_id === owner.id, { from });
    expect(home.body.view.blocks[0].text.text).toBe(`:warning: ${TOO_LATE}`);
    await slack.adapter.idle();
    expect(slack.fake.calls.slice(from).filter((c) => c.method === "views.update")).toEqual([]);
  });
});
