import { createFeishuAdapter } from "../../adapters/feishu/index.ts";
import { createSlackAdapter } from "../../adapters/slack/index.ts";
import type { Crm } from "../../src/crm/crm.ts";
import type { Prisma } from "../../src/db/database.ts";
import { deliverUntilSettled } from "../../src/jobs/deliver.ts";
import { enqueueMany } from "../../src/jobs/outbox.ts";
import { card, cardReply } from "../../src/reply.ts";
import type { FakeFeishuApi } from "./fake-feishu-api.ts";
import type { FakeSlackApi } from "./fake-slack-api.ts";
import { FEISHU_LIMITS, RateLimitedProxy, simulatedClock, SLACK_LIMITS, type SendLimits } from "./rate-limited-proxy.ts";

export interface PacedDeliveryResult {
  lists: number;
  sent: number;
  failed: number;
  waiting: number;
  /** Sends the platform refused as too fast (each was sent again later). */
  refused: number;
  /** Distinct recipients the fake platform received a list from, and the most any one received. */
  recipients: number;
  mostToOne: number;
  simulatedMs: number;
}

/**
 * `lists` morning lists queued for one workspace and delivered through the real adapter and SDK,
 * against the fake platform behind a proxy that enforces the platform's send limits — in
 * simulated time, so a 10-minute delivery takes seconds. `limits` can be scaled down for a
 * quick test.
 */
export async function pacedDelivery(options: {
  platform: "slack" | "feishu";
  prisma: Prisma;
  crm: Crm;
  fake: FakeSlackApi | FakeFeishuApi;
  lists: number;
  limits?: Partial<SendLimits>;
  workspace: string;
  concurrency?: number;
}): Promise<PacedDeliveryResult> {
  const { platform, prisma, lists } = options;
  const clock = simulatedClock(new Date("2026-11-24T01:00:00Z"));
  const limits = { ...(platform === "slack" ? SLACK_LIMITS : FEISHU_LIMITS), ...options.limits };
  const target = platform === "slack" ? (options.fake as FakeSlackApi).url : (options.fake as FakeFeishuApi).url;
  const proxy = new RateLimitedProxy(target, limits, clock.now);
  const base = await proxy.start();
  const quiet = { info() {}, warn() {}, error() {} };
  try {
    const outbound =
      platform === "slack"
        ? createSlackAdapter({ crm: options.crm, botToken: "xoxb-pace", signingSecret: "s", apiUrl: `${base}/api/`, logger: quiet }).outbound
        : createFeishuAdapter({ crm: options.crm, appId: "cli_pace", appSecret: "secret", mode: "webhook", domain: base, lookupNames: false, logger: quiet }).outbound;
    const workspace = await prisma.workspace.create({ data: { platform, externalId: options.workspace } });
    const reply = cardReply("Good morning: 12 customers to contact today.", [card("#1 Some Co", { sections: [{ title: "", items: ["Call: due today"] }] })]);
    const prefix = platform === "slack" ? "U" : "ou_";
    await enqueueMany(
      prisma,
      Array.from({ length: lists }, (_, i) => ({
        workspaceId: workspace.id, job: "morning-digest", period: "2026-11-24", platform,
        target: { kind: "user" as const, userId: `${prefix}${options.workspace}_${i}` }, reply,
      })),
      clock.now(),
    );
    const before = platform === "slack" ? (options.fake as FakeSlackApi).callsTo("chat.postMessage").length : (options.fake as FakeFeishuApi).sentMessages().length;
    // One send in flight: in simulated time a send takes no time, so more in flight cannot go
    // faster — and sleepers on one shared clock would push it past each other's slots.
    const deps = { prisma, messengers: [outbound], now: clock.now, sleep: clock.sleep, concurrency: options.concurrency ?? 1 };
    const stats = await deliverUntilSettled(deps, { workspaceIds: [workspace.id], maxWaitMs: 3 * 3600_000 });
    const received =
      platform === "slack"
        ? (options.fake as FakeSlackApi).callsTo("chat.postMessage").slice(before).map((c) => String(c.body.channel))
        : (options.fake as FakeFeishuApi).sentMessages().slice(before).map((c) => String(c.body.receive_id));
    const perRecipient = new Map<string, number>();
    for (const r of received) perRecipient.set(r, (perRecipient.get(r) ?? 0) + 1);
    return {
      lists, sent: stats.sent, failed: stats.failed, waiting: stats.waiting, refused: proxy.refused,
      recipients: perRecipient.size, mostToOne: Math.max(0, ...perRecipient.values()), simulatedMs: clock.elapsedMs(),
    };
  } finally {
    await proxy.stop();
  }
}
