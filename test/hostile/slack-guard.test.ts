import { App, type Receiver, type ReceiverEvent } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { guardProcessEvent } from "../../adapters/slack/edge-guard.ts";
import { UNHANDLED_EVENTS, UNHANDLED_INTERACTIONS } from "./slack-corpus.ts";

/**
 * The gate every body passes in Socket Mode too (the HTTP route is tested end to end in
 * slack-payloads.test.ts): Socket Mode hands bodies straight to app.processEvent, so the gate
 * is driven here the same way, with the real Bolt app behind it.
 */
function app() {
  const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
  const bolt = new App({ receiver, authorize: async () => ({ botToken: "xoxb-test" }), logger: { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => "info" as never, setName() {} } });
  const ran: string[] = [];
  bolt.action(/^crm_run_\d+$/, async () => {
    ran.push("button");
    throw new Error("listener failed before acknowledging");
  });
  const logs: string[] = [];
  guardProcessEvent(bolt, { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) });
  return { bolt, ran, logs };
}

async function send(bolt: App, body: Record<string, unknown>): Promise<number> {
  let acks = 0;
  const event: ReceiverEvent = { body, ack: async () => void acks++ };
  await bolt.processEvent(event);
  return acks;
}

describe("the gate in front of Bolt (Socket Mode)", () => {
  it("acknowledges each real payload the app does not handle once, without running a listener", async () => {
    const { bolt, ran } = app();
    for (const { payload } of UNHANDLED_INTERACTIONS) expect(await send(bolt, payload as Record<string, unknown>)).toBe(1);
    for (const { body } of UNHANDLED_EVENTS) expect(await send(bolt, body as Record<string, unknown>)).toBe(1);
    expect(ran).toEqual([]);
  });

  it("acknowledges malformed bodies and swallows a listener's failure, acknowledging for it", async () => {
    const { bolt, ran, logs } = app();
    for (const body of [{}, { type: 1 }, { type: "block_actions", actions: null }, { type: "view_submission", view: null }, { type: "event_callback", event: null }]) {
      expect(await send(bolt, body)).toBe(1);
    }
    const click = { type: "block_actions", user: { id: "U1" }, team: { id: "T1" }, actions: [{ action_id: "crm_run_0", value: "help" }] };
    expect(await send(bolt, click)).toBe(1);
    expect(ran).toEqual(["button"]);
    expect(logs.some((l) => l.includes("block_actions crm_run_0 failed"))).toBe(true);
  });
});

describe("the gate and the manifest", () => {
  it("lets through every event the manifest subscribes to", async () => {
    const { readFileSync } = await import("node:fs");
    const { classifySlackBody } = await import("../../adapters/slack/classify-payload.ts");
    const manifest = JSON.parse(readFileSync(new URL("../../adapters/slack/manifest.json", import.meta.url), "utf8"));
    for (const subscribed of manifest.settings.event_subscriptions.bot_events as string[]) {
      const type = subscribed.split(".")[0]!;
      const body = { type: "event_callback", team_id: "T1", event_id: "Ev1", event: { type, user: "U1", text: "help", channel_type: "im", file_id: "F1" } };
      expect(classifySlackBody(body), subscribed).toMatchObject({ kind: "handled" });
    }
  });
});
