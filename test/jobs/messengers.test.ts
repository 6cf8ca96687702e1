import { describe, expect, it } from "vitest";
import { createFeishuAdapter } from "../../adapters/feishu/index.ts";
import { createSlackAdapter } from "../../adapters/slack/index.ts";
import type { JobDeps } from "../../src/jobs/job-deps.ts";
import { runMorningDigest } from "../../src/jobs/morning-digest.job.ts";
import { runWeeklySummary } from "../../src/jobs/weekly-summary.job.ts";
import { addSelection, useCrm } from "../support/crm-fixture.ts";
import { messageContent } from "../support/fake-feishu-api.ts";
import { useFakeMessengers } from "../support/fake-messengers.ts";

const t = useCrm();
const quiet = { info() {}, warn() {}, error() {} };
const fakes = useFakeMessengers();

function jobDeps(...messengers: JobDeps["messengers"]): JobDeps {
  return { prisma: t.db.prisma, playbook: t.crm.playbook, messengers, now: () => new Date(), logger: quiet };
}

describe("the jobs through the real messenger adapters", () => {
  it("Slack: each rep's morning list is a DM at 09:00 their time, tagged with its outbox key, sent once", async () => {
    const outbound = createSlackAdapter({ crm: t.crm, botToken: "xoxb-test", signingSecret: "s", apiUrl: fakes.slack.apiUrl, logger: quiet }).outbound;
    const shanghai = t.person("U_SH", { workspace: "T1", platform: "slack", timeZone: "Asia/Shanghai" });
    const berlin = t.person("U_BER", { workspace: "T1", platform: "slack", timeZone: "Europe/Berlin" });
    await addSelection(t, shanghai, "add SlackSH");
    await addSelection(t, berlin, "add SlackBER");
    const deps = jobDeps(outbound);

    // Thu 26 Nov 01:30 UTC: 09:30 in Shanghai, 02:30 in Berlin.
    t.clock.set("2026-11-26T01:30:00Z");
    await runMorningDigest(deps, { now: t.clock.now, workspace: "T1", respectLocalTime: true, digestAt: "09:00" });
    // 08:30 UTC: 09:30 in Berlin.
    t.clock.set("2026-11-26T08:30:00Z");
    await runMorningDigest(deps, { now: t.clock.now, workspace: "T1", respectLocalTime: true, digestAt: "09:00" });
    await runMorningDigest(deps, { now: t.clock.now, workspace: "T1", respectLocalTime: true, digestAt: "09:00" });

    const posts = fakes.slack.callsTo("chat.postMessage");
    expect(posts.map((p) => p.body.channel)).toEqual(["DU_SH", "DU_BER"]);
    expect(posts[0]!.body.text).toContain("Good morning, U_SH: 1 customer to contact today.");
    expect(posts[0]!.body.metadata).toEqual({ event_type: "prospect_crm_outbound", event_payload: { key: "morning-digest:2026-11-26:user:U_SH" } });
    expect(JSON.stringify(posts[1]!.body.blocks)).toContain("SlackBER");
    expect(fakes.slack.callsTo("conversations.open").map((c) => c.body.users)).toEqual(["U_SH", "U_BER"]);
  });

  it("Slack: a 429 is obeyed (Retry-After) and the message still goes out once", async () => {
    const outbound = createSlackAdapter({ crm: t.crm, botToken: "xoxb-test", signingSecret: "s", apiUrl: fakes.slack.apiUrl, logger: quiet }).outbound;
    const rep = t.person("U_429", { workspace: "T429", platform: "slack" });
    await addSelection(t, rep, "add Limited");
    fakes.slack.script("chat.postMessage", { status: 429, headers: { "retry-after": "1" } }, { times: 1 });
    t.clock.set("2026-11-26T02:00:00Z");
    const result = await runMorningDigest(jobDeps(outbound), { now: t.clock.now, workspace: "T429", digestAt: "09:00", settle: { maxWaitMs: 10_000 } });
    expect(result).toMatchObject({ queued: 1, retried: 1, sent: 1, failed: 0, waiting: 0 });
    const tries = fakes.slack.callsTo("chat.postMessage").filter((c) => c.body.channel === "DU_429");
    expect(tries).toHaveLength(2);
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { recipient: "user:U_429" } });
    // "Too fast" is not the message's fault: it keeps its attempts for real failures.
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
  });

  it("Feishu: the weekly summary goes to the director chat once, with the outbox key as the send's uuid", async () => {
    const outbound = createFeishuAdapter({ crm: t.crm, appId: "cli_test", appSecret: "secret", mode: "webhook", domain: fakes.feishu.url, lookupNames: false, logger: quiet }).outbound;
    const boss = t.person("ou_boss", { workspace: "tenant-1", platform: "feishu", locale: "zh-CN" });
    await boss.run("add 飞书客户 stage=intention grade=A");
    expect((await t.crm.execute({ ...boss.identity, channelId: "oc_team" }, "setup channel")).ok).toBe(true);
    t.clock.set("2026-11-30T01:00:00Z");
    const deps = jobDeps(outbound);
    await runWeeklySummary(deps, { now: t.clock.now, workspace: "tenant-1" });
    await runWeeklySummary(deps, { now: t.clock.now, workspace: "tenant-1" });
    // The card; the funnel chart follows it as an image message (test/reports/chart-delivery.test.ts).
    const sends = fakes.feishu.sentMessages().filter((c) => c.body.msg_type === "interactive").filter((c) => c.query.receive_id_type === "chat_id");
    expect(sends).toHaveLength(1);
    expect(sends[0]!.body).toMatchObject({ receive_id: "oc_team", msg_type: "interactive" });
    // The uuid is the outbox row's own key, so a resend of this row after a crash is deduped by
    // Feishu, and no other row (another period, another recipient) can share it.
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { recipient: "channel:oc_team", status: "sent" } });
    expect(sends[0]!.body.uuid).toBe(`${row.job}:${row.period}:${row.recipient}`);
    const card = JSON.stringify(messageContent(sends[0]!));
    expect(card).toContain("销售周报");
    expect(card).toContain("飞书客户");
    expect(fakes.feishu.callsTo("POST", "/open-apis/auth/v3/tenant_access_token/internal").length).toBeGreaterThan(0);
  });

  it("Feishu: the morning list is a DM by open_id", async () => {
    const outbound = createFeishuAdapter({ crm: t.crm, appId: "cli_test", appSecret: "secret", mode: "webhook", domain: fakes.feishu.url, lookupNames: false, logger: quiet }).outbound;
    const rep = t.person("ou_rep", { workspace: "tenant-2", platform: "feishu", locale: "zh-CN" });
    await addSelection(t, rep, "add 早报客户");
    t.clock.set("2026-11-26T01:30:00Z");
    await runMorningDigest(jobDeps(outbound), { now: t.clock.now, workspace: "tenant-2", digestAt: "09:00" });
    const dm = fakes.feishu.sentMessages().filter((c) => c.query.receive_id_type === "open_id" && c.body.receive_id === "ou_rep");
    expect(dm).toHaveLength(1);
    expect(JSON.stringify(messageContent(dm[0]!))).toContain("早上好");
  });
});
