import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSlackAdapter } from "../../adapters/slack/index.ts";
import { keyedFileName } from "../../adapters/slack/upload-once.ts";
import type { PlatformAdapter } from "../../adapters/adapter.ts";
import { runWeeklySummary } from "../../src/jobs/weekly-summary.job.ts";
import { SendError } from "../../src/ports/outbound.ts";
import { textReply, type Reply } from "../../src/reply.ts";
import { useCrm } from "../support/crm-fixture.ts";
import { FakeSlackApi } from "../support/fake-slack-api.ts";
import { recordingMessenger } from "../support/recording-messenger.ts";

const t = useCrm();
let fake: FakeSlackApi;
let adapter: PlatformAdapter;
const quiet = { info() {}, warn() {}, error() {} };
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
const withChart: Reply = { ...textReply("Weekly summary"), ephemeral: false, files: [{ name: "funnel.png", mimeType: "image/png", data: PNG }] };
const target = { workspaceId: "T1", channelId: "C_DIRECTORS" };

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  adapter = createSlackAdapter({ crm: t.crm, botToken: "xoxb-jobs", signingSecret: "s", apiUrl: fake.apiUrl, logger: quiet });
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

describe("a message with a chart on Slack", () => {
  it("posts the message, then uploads the chart into the same conversation, named after the outbox key", async () => {
    await adapter.outbound.sendToChannel(target, withChart, "weekly-summary:2026-W48:channel:C_DIRECTORS");
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
    const [getUrl] = fake.callsTo("files.getUploadURLExternal");
    expect(getUrl!.body.filename).toBe(keyedFileName("funnel.png", "weekly-summary:2026-W48:channel:C_DIRECTORS:funnel.png"));
    expect(fake.callsTo("files.completeUploadExternal")[0]!.body.channel_id).toBe("C_DIRECTORS");
  });

  it("a resumed send posts neither the message nor the chart twice", async () => {
    const key = "weekly-summary:2026-W49:channel:C_DIRECTORS";
    await adapter.outbound.sendToChannel(target, withChart, key);
    await adapter.outbound.sendToChannel(target, withChart, key, { resumed: true });
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(fake.callsTo("files.completeUploadExternal")).toHaveLength(1);
  });

  it("a retry after the upload failed uploads the chart without posting the message again", async () => {
    const key = "weekly-summary:2026-W50:channel:C_DIRECTORS";
    fake.script("files.getUploadURLExternal", { status: 429, headers: { "retry-after": "3" } }, { times: 1 });
    const error = await adapter.outbound.sendToChannel(target, withChart, key).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SendError);
    expect((error as SendError).retryable).toBe(true);
    await adapter.outbound.sendToChannel(target, withChart, key);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(fake.callsTo("files.completeUploadExternal")).toHaveLength(1);
  });

  it("uploadImage on a resumed send looks for its key first and does not upload again", async () => {
    const image = { data: PNG, filename: "funnel.png", title: "Funnel" };
    const first = await adapter.outbound.uploadImage(target, image, "image-key");
    const again = await adapter.outbound.uploadImage(target, image, "image-key", { resumed: true });
    expect(fake.callsTo("files.completeUploadExternal")).toHaveLength(1);
    expect(again.messageId).toBe(first.messageId);
  });
});

describe("the weekly summary carries the funnel chart", () => {
  it("once per message, through the outbox, as a real PNG", async () => {
    const boss = t.person("boss", { workspace: "wk-chart" });
    t.clock.set("2026-11-18T02:00:00Z");
    expect((await boss.run("add Acme")).ok).toBe(true);
    t.clock.set("2026-11-23T01:00:00Z");
    const recorder = recordingMessenger("console");
    const deps = { prisma: t.db.prisma, playbook: t.crm.playbook, messengers: [recorder.messenger], now: () => t.clock.now, logger: { info() {}, warn() {}, error() {} } };
    const result = await runWeeklySummary(deps, { now: t.clock.now, workspace: "wk-chart" });
    expect(result.sent).toBe(1);
    const [message] = recorder.delivered;
    expect(message!.reply.files?.map((f) => [f.name, f.mimeType])).toEqual([["funnel.png", "image/png"]]);
    const png = message!.reply.files![0]!.data;
    expect(Buffer.isBuffer(png)).toBe(true);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    // A second run of the same week sends nothing, chart included.
    const again = await runWeeklySummary(deps, { now: t.clock.now, workspace: "wk-chart" });
    expect(again.sent).toBe(0);
    expect(recorder.delivered).toHaveLength(1);
  });
});
