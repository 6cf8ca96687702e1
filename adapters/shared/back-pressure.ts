import PQueue from "p-queue";
import type { Crm } from "../../src/crm/crm.ts";
import type { Identity } from "../../src/crm/identity.ts";
import { messagesFor } from "../../src/i18n/messages.ts";
import type { Logger } from "../../src/logger.ts";

export interface BackPressureOptions {
  /** Commands run at once: past the database's connections more only wait longer inside it. */
  concurrency: number;
  /** The longest expected wait worth it (default 8 s, so that with the work and the delivery the answer comes within ~10 s): past it, "busy, retry in a minute" now instead. */
  maxWaitMs?: number;
  /** The first guess of how long one command takes, until some have been measured. */
  initialServiceMs?: number;
  /** Past this many waiting, everyone else is told at once, whatever the estimate says. */
  maxQueued?: number;
  logger: Logger;
  now?: () => number;
}

export interface BackPressureStats {
  queued: number;
  running: number;
  /** The current estimate of one command's time (ms). */
  serviceMs: number;
}

/**
 * The bot's one queue of work per process. Every command (from any messenger and the console)
 * waits its turn here instead of piling onto the database, where at 20 senders answers came
 * half a minute late. When the estimated wait — the queue ahead of it over `concurrency`, times
 * the average command's time — passes `maxWaitMs`, or it waited that long anyway, the person
 * gets at once a localized "busy, retry in a minute" that wrote nothing. The queue size and the
 * wait are logged.
 */
export function withBackPressure(crm: Crm, options: BackPressureOptions): Crm & { stats(): BackPressureStats } {
  const { concurrency, logger } = options;
  const maxWaitMs = options.maxWaitMs ?? 8_000;
  const maxQueued = options.maxQueued ?? 500;
  const now = options.now ?? Date.now;
  const queue = new PQueue({ concurrency });
  let serviceMs = options.initialServiceMs ?? 100;

  /** Undefined when the answer can come in time; otherwise why not. */
  function tooLate(): string | undefined {
    if (queue.size >= maxQueued) return `${queue.size} commands waiting`;
    // Whole rounds of `concurrency` commands that must finish first, then its own.
    const roundsAhead = queue.pending >= concurrency ? Math.floor(queue.size / concurrency) + 1 : 0;
    const expected = (roundsAhead + 1) * serviceMs;
    return expected > maxWaitMs ? `${queue.size} waiting, ~${Math.round(expected)} ms expected` : undefined;
  }

  async function run<T>(what: string, identity: Identity, work: () => Promise<T>, busy: () => T): Promise<T> {
    const refused = tooLate();
    if (refused) {
      logger.warn(`busy: ${what} answered "retry in a minute" (${refused})`, { queued: queue.size, running: queue.pending, serviceMs: Math.round(serviceMs) });
      return busy();
    }
    const enqueued = now();
    return (await queue.add(async () => {
      const waitedMs = now() - enqueued;
      if (waitedMs > maxWaitMs) {
        logger.warn(`busy: ${what} waited ${waitedMs} ms; answered "retry in a minute" instead of late`, { queued: queue.size, waitedMs });
        return busy();
      }
      if (waitedMs >= 1_000) logger.info(`${what} waited ${waitedMs} ms in the queue`, { queued: queue.size, waitedMs });
      const started = now();
      try {
        return await work();
      } finally {
        // A moving average: recent commands weigh most, one slow outlier does not shut the door.
        serviceMs = serviceMs * 0.8 + (now() - started) * 0.2;
      }
    })) as T;
  }

  return {
    ...crm,
    execute: (identity, line, executeOptions) => run("command", identity, () => crm.execute(identity, line, executeOptions), () => busyReply(identity)),
    homeView: (identity) => run("home view", identity, () => crm.homeView(identity), () => busyReply(identity)),
    stats: () => ({ queued: queue.size, running: queue.pending, serviceMs }),
  };
}

function busyReply(identity: Identity) {
  const m = messagesFor(identity.localeOverride ?? identity.locale ?? "zh-CN");
  return { ok: false, ephemeral: true, text: m.limits.busy(), cards: [], code: "busy", fieldErrors: {} };
}
