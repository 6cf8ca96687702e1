import { Worker } from "node:worker_threads";
import { messages, types, type ParserOptions } from "@electric-sql/pglite";

interface Answer {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: { message: string; name: string; database: boolean; fields: Record<string, unknown> };
}

interface RawResults {
  fields: { name: string; dataTypeID: number }[];
  rows: unknown[][];
  affectedRows?: number;
}

export interface QueryResults {
  fields: { name: string; dataTypeID: number }[];
  rows: any[];
  affectedRows: number;
}

export interface ThreadQueryOptions {
  rowMode?: "array" | "object";
  parsers?: ParserOptions;
}

export interface ThreadTransaction {
  query(sql: string, params?: unknown[], options?: ThreadQueryOptions): Promise<QueryResults>;
  exec(sql: string): Promise<void>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

/**
 * PGlite on its own worker thread (src/db/pglite-worker.mjs), seen from the main thread through
 * the part of PGlite's API the Prisma adapter and the migrator use: `query`, `exec`,
 * `transaction`, `close`. A query running in the database no longer holds the thread that
 * acknowledges Slack and Feishu. Results come back as text and are parsed here with the caller's
 * parsers, as PGlite itself would; database errors come back as PGlite's own DatabaseError, so
 * a unique violation is still recognised as one.
 */
export class PGliteThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private next = 1;
  private failure: Error | undefined;
  private closing = false;
  private onLost!: (error: Error) => void;
  /**
   * Settles when the thread stopped without being closed (it crashed, or ran out of memory):
   * the database is gone for good, and every call from then on fails.
   */
  readonly lost = new Promise<Error>((resolve) => (this.onLost = resolve));

  private constructor() {
    this.worker = new Worker(new URL("./pglite-worker.mjs", import.meta.url));
    this.worker.on("message", (answer: Answer) => this.settle(answer));
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`the embedded database thread stopped (exit code ${code})`)));
  }

  static async start(dataDir: string | null, image?: Blob): Promise<PGliteThread> {
    const thread = new PGliteThread();
    try {
      await thread.call("open", { dataDir, ...(image ? { image: new Uint8Array(await image.arrayBuffer()) } : {}) });
    } catch (error) {
      await thread.worker.terminate();
      throw error;
    }
    return thread;
  }

  async query(sql: string, params: unknown[] = [], options: ThreadQueryOptions = {}, txId?: number): Promise<QueryResults> {
    const raw = (await this.call("query", { sql, params, ...(txId === undefined ? {} : { txId }) })) as RawResults;
    const parse = (text: unknown, i: number) => types.parseType(text as string | null, raw.fields[i]!.dataTypeID, options.parsers);
    const rows: any[] =
      options.rowMode === "array"
        ? raw.rows.map((row) => row.map(parse))
        : raw.rows.map((row) => Object.fromEntries(row.map((text, i) => [raw.fields[i]!.name, parse(text, i)])));
    return { fields: raw.fields, rows, affectedRows: raw.affectedRows ?? 0 };
  }

  async exec(sql: string, txId?: number): Promise<void> {
    await this.call("exec", { sql, ...(txId === undefined ? {} : { txId }) });
  }

  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws or calls rollback(). */
  async transaction<T>(work: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
    const txId = (await this.call("begin", {})) as number;
    let closed = false;
    const tx: ThreadTransaction = {
      query: (sql, params, options) => this.query(sql, params, options, txId),
      exec: (sql) => this.exec(sql, txId),
      rollback: async () => {
        closed = true;
        await this.call("rollback", { txId });
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      await this.call("end", { txId, rollback: true }).catch(() => undefined);
      throw error;
    }
    await this.call("end", { txId, rollback: false });
    return result;
  }

  async close(): Promise<void> {
    this.closing = true;
    if (!this.failure) await this.call("close", {}).catch(() => undefined);
    await this.worker.terminate();
  }

  private call(op: string, message: Record<string, unknown>): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, ...message });
    });
  }

  private settle(answer: Answer): void {
    const waiter = this.waiting.get(answer.id);
    if (!waiter) return;
    this.waiting.delete(answer.id);
    if (answer.ok) waiter.resolve(answer.value);
    else waiter.reject(toError(answer.error!));
  }

  private fail(error: Error): void {
    if (!this.failure && !this.closing) this.onLost(error);
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

function toError(error: NonNullable<Answer["error"]>): Error {
  if (!error.database) return Object.assign(new Error(error.message), { name: error.name });
  return Object.assign(new messages.DatabaseError(error.message, 0, "error"), error.fields);
}
