import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSlackAdapter } from "../../adapters/slack/index.ts";
import { keyedFileName } from "../../adapters/slack/upload-once.ts";
import type { PlatformAdapter } from "../../adapters/adapter.ts";
import { SendError } from "../../src/ports/outbound.ts";
import { cardReply, card, textReply } from "../../src/reply.ts";
import { useCrm } from "../support/crm-fixture.ts";
import { FakeSlackApi } from "../support/fake-slack-api.ts";

const t = useCrm();
let fake: FakeSlackApi;
let adapter: PlatformAdapter;
const warnings: string[] = [];
const quiet = { info() {}, warn: (message: string) => void warnings.push(message), error() {} };

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  adapter = createSlackAdapter({ crm: t.crm, botToken: "xoxb-jobs", signingSecret: "s", apiUrl: fake.apiUrl, logger: quiet });
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

const digest = cardReply("3 customers to contact today.", [card("#1 Acme", { subtitle: "Potential · A", actions: [{ kind: "run", label: "Snooze 1 day", command: "snooze #1 1d" }] })]);

async function failure(promise: Promise<unknown>): Promise<SendError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SendError);
  return error as SendError;
}

describe("the outbound port on Slack", () => {
  it("opens a person's DM channel once and posts Block Kit there, tagged with the idempotency key", async () => {
    const out = adapter.outbound;
    expect(out.platform).toBe("slack");
    const first = await out.sendToUser({ workspaceId: "T1", userId: "U1" }, digest, "morning:2026-11-23:U1");
    await out.sendToUser({ workspaceId: "T1", userId: "U1" }, textReply("again"), "k2");
    expect(fake.callsTo("conversations.open").map((c) => c.body.users)).toEqual(["U1"]);
    const posts = fake.callsTo("chat.postMessage");
    expect(posts.map((p) => p.body.channel)).toEqual(["DU1", "DU1"]);
    expect(posts[0]!.token).toBe("xoxb-jobs");
    expect(posts[0]!.body.text).toBe("3 customers to contact today.");
    expect(posts[0]!.body.blocks.map((b: any) => b.type)).toEqual(["section", "header", "context", "actions"]);
    expect(posts[0]!.body.metadata).toEqual({ event_type: "prospect_crm_outbound", event_payload: { key: "morning:2026-11-23:U1" } });
    expect(first.messageId).toMatch(/^DU1:1700000000\.\d+$/);
  });

  it("posts to a channel", async () => {
    const result = await adapter.outbound.sendToChannel({ workspaceId: "T1", channelId: "C_DIRECTORS" }, digest, "weekly:2026-W48");
    expect(fake.callsTo("chat.postMessage").map((c) => c.body.channel)).toEqual(["C_DIRECTORS"]);
    expect(fake.callsTo("conversations.open")).toEqual([]);
    expect(result.messageId).toMatch(/^C_DIRECTORS:/);
  });

  it("uploads an image with files.uploadV2: upload URL, the bytes, completion — all at SLACK_API_URL's server", async () => {
    const data = Buffer.from("\x89PNG fake image bytes");
    const result = await adapter.outbound.uploadImage({ workspaceId: "T1", channelId: "C_DIRECTORS" }, { data, filename: "funnel.png", title: "Funnel" }, "weekly-image");
    expect(fake.calls.map((c) => c.method)).toEqual(["files.getUploadURLExternal", "file_upload", "files.completeUploadExternal"]);
    const [getUrl, upload, complete] = fake.calls;
    // The name carries a hash of the key, so a resumed send can find the upload in the history.
    expect(getUrl!.body).toMatchObject({ filename: keyedFileName("funnel.png", "weekly-image"), length: String(data.length) });
    expect(Object.values(upload!.files).map((f) => f.size)).toEqual([data.length]);
    expect(complete!.body).toMatchObject({ channel_id: "C_DIRECTORS", files: [{ id: result.messageId, title: "Funnel" }] });
    expect(result.messageId).toMatch(/^F\d+$/);
  });

  it("uploads to a person through their DM channel", async () => {
    await adapter.outbound.uploadImage({ workspaceId: "T1", userId: "U_IMG" }, { data: Buffer.from("img"), filename: "a.png" }, "k");
    expect(fake.callsTo("files.completeUploadExternal")[0]!.body.channel_id).toBe("DU_IMG");
  });

  it("turns a 429 into a retryable SendError with Retry-After, at once (the batch client never waits)", async () => {
    fake.script("chat.postMessage", { status: 429, headers: { "retry-after": "7" } });
    const error = await failure(adapter.outbound.sendToChannel({ workspaceId: "T1", channelId: "C1" }, digest, "k"));
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 7_000 });
    // One call and no retry of its own: the outbox decides when to try again.
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("a rate-limited upload is retryable too", async () => {
    fake.script("files.getUploadURLExternal", { status: 429, headers: { "retry-after": "30" } });
    const error = await failure(adapter.outbound.uploadImage({ workspaceId: "T1", channelId: "C1" }, { data: Buffer.from("x"), filename: "x.png" }, "k"));
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 30_000 });
  });

  it("says which failures are worth retrying", async () => {
    const send = () => adapter.outbound.sendToChannel({ workspaceId: "T1", channelId: "C1" }, digest, "k");
    for (const [answer, retryable] of [
      [{ body: { ok: false, error: "invalid_auth" } }, false],
      [{ body: { ok: false, error: "channel_not_found" } }, false],
      [{ body: { ok: false, error: "not_in_channel" } }, false],
      [{ body: { ok: false, error: "internal_error" } }, true],
      [{ status: 503, body: "unavailable" }, true],
    ] as const) {
      fake.script("chat.postMessage", answer, { times: 1 });
      const error = await failure(send());
      expect(error.retryable, error.message).toBe(retryable);
    }
  });

  it("opens the DM channel again after Slack says it is gone", async () => {
    const target = { workspaceId: "T1", userId: "U_GONE" };
    await adapter.outbound.sendToUser(target, digest, "k1");
    fake.script("chat.postMessage", { body: { ok: false, error: "channel_not_found" } }, { times: 1 });
    await failure(adapter.outbound.sendToUser(target, digest, "k2"));
    await adapter.outbound.sendToUser(target, digest, "k3");
    expect(fake.callsTo("conversations.open")).toHaveLength(2);
  });

  it("a resumed send looks for the earlier message by its key and does not post it twice", async () => {
    const target = { workspaceId: "T1", userId: "U_RESUME" };
    await adapter.outbound.sendToUser(target, digest, "morning:2026-11-24:U_RESUME");
    const again = await adapter.outbound.sendToUser(target, digest, "morning:2026-11-24:U_RESUME", { resumed: true });
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(fake.callsTo("conversations.history")[0]!.body).toMatchObject({ channel: "DU_RESUME", include_all_metadata: "true" });
    expect(again.messageId).toMatch(/^DU_RESUME:/);
    await adapter.outbound.sendToUser(target, digest, "morning:2026-11-25:U_RESUME", { resumed: true });
    expect(fake.callsTo("chat.postMessage")).toHaveLength(2);
  });

  it("a resumed send to a channel whose history Slack still refuses logs it and posts (a duplicate beats a digest never sent)", async () => {
    fake.script("conversations.history", { body: { ok: false, error: "missing_scope", needed: "groups:history" } }, { times: 1 });
    const result = await adapter.outbound.sendToChannel({ workspaceId: "T1", channelId: "G_PRIVATE" }, digest, "weekly:2026-W48", { resumed: true });
    expect(fake.callsTo("conversations.history").map((c) => c.body.channel)).toEqual(["G_PRIVATE"]);
    expect(fake.callsTo("chat.postMessage").map((c) => c.body.channel)).toEqual(["G_PRIVATE"]);
    expect(result.messageId).toMatch(/^G_PRIVATE:/);
    expect(warnings).toContainEqual(expect.stringMatching(/could not check G_PRIVATE for an earlier send \(missing_scope\)/));
  });

  it("paces batch sends per workspace, from a safe start, and lets the delivery loop find the cap", () => {
    expect(adapter.outbound.pace).toMatchObject({ scope: "workspace", initialPerSecond: 2 });
  });
});

describe("modes", () => {
  it("HTTP mode mounts Bolt's endpoint; Socket Mode needs no route and opens no port", () => {
    expect(adapter.routes.map((r) => [r.method, r.path])).toEqual([["POST", "/slack/events"]]);
    const socket = createSlackAdapter({ crm: t.crm, botToken: "xoxb", signingSecret: "s", appToken: "xapp-1", apiUrl: fake.apiUrl, logger: quiet });
    expect(socket.routes).toEqual([]);
    expect(socket.name).toBe("slack");
  });

  it("Socket Mode asks SLACK_API_URL for its WebSocket with the app token, and names the variable when refused", async () => {
    const socket = createSlackAdapter({ crm: t.crm, botToken: "xoxb-jobs", signingSecret: "s", appToken: "xapp-1", apiUrl: fake.apiUrl, logger: quiet });
    fake.script("apps.connections.open", { body: { ok: false, error: "invalid_auth" } });
    await expect(socket.start()).rejects.toThrow(/SLACK_APP_TOKEN/);
    expect(fake.callsTo("apps.connections.open").map((c) => c.token)).toEqual(["xapp-1"]);
    await socket.stop();
  });

  it("start() checks the bot token against SLACK_API_URL and names the variable when Slack refuses it", async () => {
    await adapter.start();
    expect(fake.callsTo("auth.test")).toHaveLength(1);
    fake.script("auth.test", { body: { ok: false, error: "invalid_auth" } });
    await expect(adapter.start()).rejects.toThrow(/SLACK_BOT_TOKEN/);
  });
});
