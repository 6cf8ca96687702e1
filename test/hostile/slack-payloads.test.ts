import { describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";
import { sign, slackUser, useSlack } from "../slack/harness.ts";
import { HANDLED_EVENTS, UNHANDLED_EVENTS, UNHANDLED_INTERACTIONS } from "./slack-corpus.ts";

/**
 * Real and malformed Slack payloads, signed and sent through the real HTTP endpoint: each is
 * answered — 200 for what Slack needs acknowledged (at once for what the app ignores, where Bolt
 * alone answered 404 after 3 s), 400 for what Slack never sends, 401 unsigned or stale — and
 * nothing crashes: a rejection escaping a request would fail this run.
 */
const t = useCrm();
const slack = useSlack(t);
const rep = slackUser("U_HOSTILE", "hostile");

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const slashFields = (text: string) => ({
  team_id: "T1", team_domain: "t1", channel_id: "C1", channel_name: "sales", user_id: rep.id, user_name: rep.name,
  command: "/prospect", text, response_url: NOWHERE, trigger_id: "trig", api_app_id: "A_APP",
});
// Malformed requests never get as far as answering: their response_url goes nowhere.
const NOWHERE = "http://127.0.0.1:9/never";
const ourButton = (extra: object, responseUrl = NOWHERE) => ({
  type: "block_actions", user: { id: rep.id, username: rep.name, name: rep.name, team_id: "T1" }, team: { id: "T1", domain: "t1" }, api_app_id: "A_APP",
  trigger_id: "trig-1", response_url: responseUrl,
  actions: [{ type: "button", action_id: "crm_run_0", block_id: "c0:actions", value: "help", action_ts: "1.1" }],
  ...extra,
});

describe("payloads the app does not handle", () => {
  it("are acknowledged with 200 and ignored: no call to Slack, nothing written", async () => {
    await slack.adapter.idle();
    slack.fake.reset();
    const before = await t.db.prisma.customer.count();
    for (const { name, source, payload } of UNHANDLED_INTERACTIONS) {
      const answer = await slack.interact(payload);
      expect(answer.status, `${name} (${source})`).toBe(200);
    }
    for (const { name, source, body } of UNHANDLED_EVENTS) {
      const answer = await slack.event(body);
      expect(answer.status, `${name} (${source})`).toBe(200);
    }
    await slack.adapter.idle();
    expect(slack.fake.calls).toEqual([]);
    expect(await t.db.prisma.customer.count()).toBe(before);
  });
});

describe("malformed bodies", () => {
  const cases: [string, string, string, number][] = [
    ["payload=null (once crashed the process)", "payload=null", "application/x-www-form-urlencoded", 400],
    ["payload=[]", "payload=%5B%5D", "application/x-www-form-urlencoded", 400],
    ["payload is a string", 'payload="x"', "application/x-www-form-urlencoded", 400],
    ["payload is a number", "payload=1", "application/x-www-form-urlencoded", 400],
    ["payload is broken JSON", "payload=%7B", "application/x-www-form-urlencoded", 400],
    ["JSON null", "null", "application/json", 400],
    ["JSON array", "[1,2]", "application/json", 400],
    ["not JSON", "{{{", "application/json", 400],
    ["unknown content type", "hello", "text/plain", 400],
    ["a form with neither command nor type", "a=1&b=2", "application/x-www-form-urlencoded", 400],
    ["a command without user_id", form({ command: "/prospect", team_id: "T1", text: "help" }), "application/x-www-form-urlencoded", 400],
    ["a command that is not a command", form({ ...slashFields("help"), command: "prospect" }), "application/x-www-form-urlencoded", 400],
    ["our button with actions: null", `payload=${encodeURIComponent(JSON.stringify(ourButton({ actions: null })))}`, "application/x-www-form-urlencoded", 400],
    ["our button with actions: []", `payload=${encodeURIComponent(JSON.stringify(ourButton({ actions: [] })))}`, "application/x-www-form-urlencoded", 400],
    ["our button with actions: [null]", `payload=${encodeURIComponent(JSON.stringify(ourButton({ actions: [null] })))}`, "application/x-www-form-urlencoded", 400],
    ["our button without a user", `payload=${encodeURIComponent(JSON.stringify(ourButton({ user: null })))}`, "application/x-www-form-urlencoded", 400],
    ["our button whose value is an object", `payload=${encodeURIComponent(JSON.stringify(ourButton({ actions: [{ action_id: "crm_run_0", value: { x: 1 } }] })))}`, "application/x-www-form-urlencoded", 400],
    ["our form with view: null", `payload=${encodeURIComponent(JSON.stringify({ type: "view_submission", user: { id: rep.id }, view: null }))}`, "application/x-www-form-urlencoded", 400],
    ["our form without a view id", `payload=${encodeURIComponent(JSON.stringify({ type: "view_submission", user: { id: rep.id }, view: { callback_id: "crm_form" } }))}`, "application/x-www-form-urlencoded", 400],
    ["an event without an event", JSON.stringify({ type: "event_callback", team_id: "T1", event_id: "Ev1", event: null }), "application/json", 400],
    ["a file_shared without a file id", JSON.stringify({ type: "event_callback", team_id: "T1", event_id: "Ev2", event: { type: "file_shared", channel_id: "D1", user_id: "U1", file: {} } }), "application/json", 400],
    ["a message.im whose files are not a list", JSON.stringify({ type: "event_callback", team_id: "T1", event_id: "Ev3", event: { type: "message", channel_type: "im", user: "U1", files: { id: "F1" } } }), "application/json", 400],
    ["a message.im without event_id", JSON.stringify({ type: "event_callback", team_id: "T1", event: { type: "message", channel_type: "im", user: "U1", text: "list" } }), "application/json", 400],
  ];
  it("get 400, are logged once, and write nothing", async () => {
    const before = await t.db.prisma.customer.count();
    for (const [name, body, contentType, status] of cases) {
      const logsBefore = slack.logs.length;
      const answer = await slack.post(body, { contentType });
      expect(answer.status, name).toBe(status);
      expect(slack.logs.slice(logsBefore).filter((l) => l.level === "warn"), name).toHaveLength(1);
    }
    expect(await t.db.prisma.customer.count()).toBe(before);
  });

  it("a body over 1 MB gets 413", async () => {
    const answer = await slack.post(form({ ...slashFields("help"), text: "x".repeat(1_100_000) }));
    expect(answer.status).toBe(413);
  });
});

describe("signatures and timestamps", () => {
  it("refuse a request more than 5 minutes away in either direction, accept one within", async () => {
    const now = Math.floor(Date.now() / 1000);
    const body = form({ ssl_check: "1", token: "x" });
    const at = async (offset: number) => (await slack.post(body, { timestamp: now + offset })).status;
    expect(await at(6 * 60)).toBe(401);
    expect(await at(-6 * 60)).toBe(401);
    expect(await at(4 * 60)).toBe(200);
    expect(await at(-4 * 60)).toBe(200);
    expect((await slack.post(body, { headers: { "x-slack-request-timestamp": "soon" } })).status).toBe(401);
    expect((await slack.post(body, { signature: sign(body, now, "wrong") })).status).toBe(401);
  });

  it("answer Slack's URL verification and SSL check", async () => {
    const challenge = await slack.event({ type: "url_verification", token: "x", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
    expect(challenge.status).toBe(200);
    expect(JSON.parse(challenge.text)).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });
});

describe("real shapes of what the app handles", () => {
  it("a button press without container (from a modal or an old client) runs", async () => {
    const from = slack.fake.calls.length;
    const answer = await slack.interact(ourButton({ container: undefined, message: undefined }, slack.fake.responseUrl("hostile-click")));
    expect(answer.status).toBe(200);
    const reply = await slack.fake.waitForResponse("hostile-click", { from });
    expect(reply.body.text).toMatch(/prospect/i);
  });

  it("a form submission without title, blocks or state is answered (the form is gone: it says so)", async () => {
    const answer = await slack.interact({
      type: "view_submission", team: { id: "T1", domain: "t1" }, user: { id: rep.id, username: rep.name, name: rep.name, team_id: "T1" },
      api_app_id: "A_APP", trigger_id: "trig-2", view: { id: "V_BARE", callback_id: "crm_form", type: "modal" },
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ response_action: "update" });
    const prompt = await slack.interact({
      type: "view_submission", team: { id: "T1", domain: "t1" }, user: { id: rep.id, username: rep.name, name: rep.name, team_id: "T1" },
      api_app_id: "A_APP", trigger_id: "trig-3", view: { id: "V_BARE2", callback_id: "crm_prompt", type: "modal", private_metadata: "garbage" },
    });
    expect(prompt.status).toBe(200);
    expect(JSON.parse(prompt.text)).toMatchObject({ response_action: "errors" });
  });

  it("the documented app_home_opened and message.im events are handled", async () => {
    const from = slack.fake.calls.length;
    const home = HANDLED_EVENTS.appHomeOpened("EvHOSTILEHOME");
    expect((await slack.event(home.body)).status, home.source).toBe(200);
    await slack.fake.waitFor("views.publish", () => true, { from });
    const dm = HANDLED_EVENTS.messageIm("EvHOSTILEDM", "help");
    expect((await slack.event(dm.body)).status, dm.source).toBe(200);
    const post = await slack.fake.waitFor("chat.postMessage", (c) => c.body.channel === "D024BE91L", { from });
    expect(post.body.text).toMatch(/prospect/i);
  });

  it("after all of it, the bot still answers a command", async () => {
    const reply = await slack.command(rep, "add HostileSurvivor");
    expect(reply.text).toBe("Added #1 HostileSurvivor.");
  });

  it("a form button double-clicked runs its command once, like any other button", async () => {
    const formClick = (n: number) =>
      ourButton({
        trigger_id: `trig-form-${n}`,
        container: { type: "message", message_ts: "1700000000.000900", channel_id: "C1", is_ephemeral: true },
        actions: [{ type: "button", action_id: "crm_form_0", block_id: "c0:actions", value: "log #1 call double-clicked form button", text: { type: "plain_text", text: "Log" }, action_ts: "1.1" }],
      }, slack.fake.responseUrl(`hostile-form-${n}`));
    expect((await slack.interact(formClick(1))).status).toBe(200);
    expect((await slack.interact(formClick(2))).status).toBe(200);
    await slack.adapter.idle();
    expect(await t.db.prisma.activity.count({ where: { content: "double-clicked form button" } })).toBe(1);
  });
});
