import type { Reply } from "../../src/reply.ts";

export interface ProgressRelay {
  /** Hand to the core as `onProgress`: queues the message and returns at once. */
  push(update: Reply): void;
  /** Resolves once every message pushed so far was sent (or failed and was logged). */
  settled(): Promise<void>;
}

/**
 * Sends a command's progress messages (an import's "2,500 of 10,000 rows") while the command
 * runs: the core hands each over synchronously and goes on with its transaction, so a slow
 * platform never holds the database. Messages go one at a time, in order; one that fails is
 * logged and the next is still tried. The adapter awaits `settled()` before the answer, so
 * the answer never arrives before its own progress. `index` (0, 1, …) keys a platform-side
 * idempotency id, so a redelivered message shows each progress message once.
 */
export function progressRelay(send: (update: Reply, index: number) => Promise<unknown>, onError: (error: unknown) => void): ProgressRelay {
  let chain: Promise<void> = Promise.resolve();
  let next = 0;
  return {
    push(update) {
      const index = next++;
      chain = chain.then(() => send(update, index)).then(() => undefined, onError);
    },
    settled: () => chain,
  };
}
