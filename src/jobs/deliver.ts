import type { Prisma } from "../db/database.ts";
import { SendError, type OutboundMessenger, type PaceLimits } from "../ports/outbound.ts";
import { claimNext, markFailed, markRetry, markSent, peekNext, releaseDeadLocalLeases, requeueUntried, type ClaimedMessage } from "./outbox.ts";
import { slowDown, takeSlot } from "./send-pace.ts";

export interface DeliveryDeps {
  prisma: Prisma;
  messengers: OutboundMessenger[];
  now: () => Date;
  sleep?: (ms: number) => Promise<void>;
  logger?: { warn(message: string): void };
  /** Sends in flight at once in this process (DELIVERY_CONCURRENCY); the pace, not this, sets the rate. */
  concurrency?: number;
}

export interface DeliveryOptions {
  /** Only these workspaces (internal ids). */
  workspaceIds?: string[];
  /** Stop when this returns true (shutdown). */
  stopped?: () => boolean;
}

export interface DeliveryStats {
  sent: number;
  retried: number;
  failed: number;
}

/** After this many attempts a message is marked failed with its last error; nothing else waits on it. */
export const MAX_ATTEMPTS = 6;
const LEASE_MS = 120_000;
const BASE_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 15 * 60_000;

/** Exponential backoff with jitter, never sooner than the platform asked (Retry-After). */
export function backoffMs(attempt: number, retryAfterMs: number | undefined, random = Math.random): number {
  const exponential = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempt - 1));
  const jittered = exponential * (0.8 + 0.4 * random());
  return Math.max(jittered, retryAfterMs ?? 0);
}

/**
 * Sends every message that is due, at each platform's pace: several in flight at once (a send
 * takes a round trip, the pace allows many a second), each waiting for its slot in the budget the
 * replicas share (`send-pace.ts`). A message that fails is retried later with backoff; one that
 * cannot succeed (no permission, bad format) or keeps failing is marked failed with the error —
 * and the run goes on with the next one. A "too fast" is not a failure: the message waits for
 * the Retry-After and keeps its attempts.
 */
export function deliverDue(deps: DeliveryDeps, options: DeliveryOptions = {}): Promise<DeliveryStats> {
  // One delivery run per process at a time (the morning tick and the retry tick may overlap).
  const run = sending.then(() => deliverDueNow(deps, options));
  sending = run.catch(() => undefined);
  return run;
}

let sending: Promise<unknown> = Promise.resolve();

/**
 * Enough sends in flight to reach Feishu's 40 a second or Slack's workspace cap over a ~100 ms
 * round trip, few enough that a process holds at most this many database connections for it.
 */
export const DEFAULT_DELIVERY_CONCURRENCY = 4;

async function deliverDueNow(deps: DeliveryDeps, options: DeliveryOptions): Promise<DeliveryStats> {
  const { prisma, now } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const stats: DeliveryStats = { sent: 0, retried: 0, failed: 0 };
  const workspaceIds = new Map<string, string>();
  await releaseDeadLocalLeases(prisma, now());
  const platforms = deps.messengers.map((m) => m.platform);
  const only = { platforms, ...(options.workspaceIds ? { workspaceIds: options.workspaceIds } : {}) };
  const worker = async () => {
    while (!options.stopped?.()) {
      const next = await peekNext(prisma, now(), only);
      if (!next) return;
      const messenger = deps.messengers.find((m) => m.platform === next.platform)!;
      const externalId = await platformWorkspaceId(prisma, workspaceIds, next.workspaceId);
      const pace = messenger.pace ? { limits: messenger.pace, key: `${messenger.platform}:${messenger.pace.scope === "workspace" ? externalId : "app"}` } : undefined;
      const reservedAt = now();
      if (pace) {
        const slot = await takeSlot(prisma, pace.key, pace.limits, reservedAt);
        const wait = slot.getTime() - now().getTime();
        if (wait > 0) await sleep(wait);
      }
      // Another sender may have taken it meanwhile: then the slot goes unused, and we look again.
      const scope = pace?.limits.scope === "app" ? only.workspaceIds : [next.workspaceId];
      const message = await claimNext(prisma, now(), LEASE_MS, { platforms: [next.platform], ...(scope ? { workspaceIds: scope } : {}) });
      if (message) await deliverOne(deps, messenger, message, await platformWorkspaceId(prisma, workspaceIds, message.workspaceId), pace, reservedAt, stats);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? DEFAULT_DELIVERY_CONCURRENCY) }, worker));
  return stats;
}

async function deliverOne(
  deps: DeliveryDeps,
  messenger: OutboundMessenger,
  message: ClaimedMessage,
  workspaceId: string,
  pace: { limits: PaceLimits; key: string } | undefined,
  reservedAt: Date,
  stats: DeliveryStats,
): Promise<void> {
  const { prisma, now } = deps;
  const outcome = await send(messenger, message, workspaceId);
  if (outcome.ok) {
    await markSent(prisma, message.id, outcome.messageId, now());
    stats.sent++;
  } else if (outcome.rateLimited && pace) {
    // Sends whose slots were taken before an earlier refusal cut the rate do not cut it again.
    const retryAfterMs = outcome.retryAfterMs ?? 1_000;
    await slowDown(prisma, pace.key, pace.limits, reservedAt, retryAfterMs, now());
    await requeueUntried(prisma, message.id, new Date(now().getTime() + retryAfterMs), outcome.error);
    stats.retried++;
  } else if (outcome.retryable && message.attempts < MAX_ATTEMPTS) {
    await markRetry(prisma, message.id, outcome.error, new Date(now().getTime() + backoffMs(message.attempts, outcome.retryAfterMs)));
    stats.retried++;
  } else {
    await markFailed(prisma, message.id, outcome.error);
    deps.logger?.warn(`outbox ${message.job} ${message.period} ${message.recipient}: ${outcome.error}`);
    stats.failed++;
  }
}

type Outcome = { ok: true; messageId: string } | { ok: false; retryable: boolean; rateLimited?: boolean; retryAfterMs?: number; error: string };

async function send(messenger: OutboundMessenger, message: ClaimedMessage, workspaceId: string): Promise<Outcome> {
  const key = `${message.job}:${message.period}:${message.recipient}`;
  const options = { resumed: message.resumed };
  try {
    const result =
      message.target.kind === "user"
        ? await messenger.sendToUser({ workspaceId, userId: message.target.userId }, message.payload, key, options)
        : await messenger.sendToChannel({ workspaceId, channelId: message.target.channelId }, message.payload, key, options);
    return { ok: true, messageId: result.messageId };
  } catch (error) {
    if (error instanceof SendError) {
      return {
        ok: false, retryable: error.retryable, rateLimited: error.rateLimited, error: error.message,
        ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
      };
    }
    // Unknown failures (a network error, a bug) are worth another try, up to MAX_ATTEMPTS.
    return { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
  }
}

async function platformWorkspaceId(prisma: Prisma, cache: Map<string, string>, id: string): Promise<string> {
  const known = cache.get(id);
  if (known) return known;
  const { externalId } = await prisma.workspace.findUniqueOrThrow({ where: { id }, select: { externalId: true } });
  cache.set(id, externalId);
  return externalId;
}

/**
 * For a one-off run from the command line: keeps delivering while retries fall due within
 * `maxWaitMs` (a 429's Retry-After, a short backoff), so the run ends with its messages sent or
 * failed rather than parked. Anything still waiting is left for the running bot's retry tick.
 */
export async function deliverUntilSettled(deps: DeliveryDeps, options: DeliveryOptions & { maxWaitMs: number }): Promise<DeliveryStats & { waiting: number }> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const total: DeliveryStats = { sent: 0, retried: 0, failed: 0 };
  const deadline = deps.now().getTime() + options.maxWaitMs;
  const scope = options.workspaceIds ? { workspaceId: { in: options.workspaceIds } } : {};
  for (;;) {
    const stats = await deliverDue(deps, options);
    total.sent += stats.sent;
    total.retried += stats.retried;
    total.failed += stats.failed;
    const platforms = { platform: { in: deps.messengers.map((m) => m.platform) } };
    // Rows another replica is sending are its business (or, if it died, the running bot's after the lease).
    const next = await deps.prisma.outboxMessage.findFirst({
      where: { ...scope, ...platforms, status: "pending" },
      orderBy: { nextAttemptAt: "asc" },
      select: { nextAttemptAt: true },
    });
    if (!next) return { ...total, waiting: 0 };
    const at = next.nextAttemptAt.getTime();
    if (at > deadline || options.stopped?.()) {
      const waiting = await deps.prisma.outboxMessage.count({ where: { ...scope, ...platforms, status: "pending" } });
      return { ...total, waiting };
    }
    await sleep(Math.max(0, at - deps.now().getTime()));
  }
}
