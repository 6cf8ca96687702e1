import { readFileSync } from "node:fs";
import type { Worker } from "node:worker_threads";
import { describe, expect, inject, it } from "vitest";
import { PGliteThread } from "../../src/db/pglite-thread.ts";

/** The thread's worker, to stop it the way a crash would (from outside, unasked). */
const workerOf = (thread: PGliteThread) => (thread as unknown as { worker: Worker }).worker;
const pending = Symbol("pending");
// The run's migrated dump starts in a fraction of the time an empty data directory takes.
const start = () => PGliteThread.start(null, new Blob([readFileSync(inject("pgliteImage")!)]));
const settledYet = <T>(promise: Promise<T>) => Promise.race([promise, new Promise<typeof pending>((r) => setTimeout(() => r(pending), 50))]);

// The embedded database's own code: the PostgreSQL run has no dump to start it from, and skips it.
describe.skipIf(process.env.DATABASE_URL)("the embedded database's thread", () => {
  it("reports itself lost when it stops unasked, and every call after fails with why", async () => {
    const thread = await start();
    expect((await thread.query("SELECT 1 + 1 AS two")).rows).toEqual([{ two: 2 }]);
    expect(await settledYet(thread.lost)).toBe(pending);

    await workerOf(thread).terminate();
    const lost = await thread.lost;
    expect(lost.message).toBe("the embedded database thread stopped (exit code 1)");
    await expect(thread.query("SELECT 1")).rejects.toThrow("the embedded database thread stopped");
    await thread.close();
  });

  it("is not lost when it is closed", async () => {
    const thread = await start();
    await thread.close();
    expect(await settledYet(thread.lost)).toBe(pending);
  });
});
