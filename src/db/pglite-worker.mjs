// The embedded database's own thread. PGlite runs PostgreSQL compiled to WebAssembly, and a
// query holds the thread it runs on: on the main thread a busy database delayed every HTTP ack.
// Plain JavaScript so that a worker starts without a TypeScript loader (tsx, vitest, node alike).
// Speaks a small request/answer protocol with src/db/pglite-thread.ts.
import { parentPort } from "node:worker_threads";
import { PGlite, messages, types } from "@electric-sql/pglite";

// Every type PGlite would parse comes back as its text: the main thread parses it with the
// caller's own parsers (functions cannot cross threads), exactly as PGlite would have.
const RAW = Object.fromEntries(Object.keys(types.parsers).map((oid) => [oid, (text) => text]));

const transactions = new Map();
let nextTransaction = 1;
let db;

// PostgreSQL's default 128 MB of shared buffers live inside PGlite's WebAssembly memory, in the
// bot's own RSS; a team's CRM fits in far less, and the data directory's files stay in the
// operating system's cache anyway.
const START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

async function open({ dataDir, image }) {
  db = await PGlite.create(dataDir ?? undefined, { startParams: START_PARAMS, ...(image ? { loadDataDir: new Blob([image]) } : {}) });
}

function target(txId) {
  if (txId === undefined) return db;
  const entry = transactions.get(txId);
  if (!entry) throw new Error(`transaction ${txId} is over`);
  return entry.tx;
}

function begin() {
  return new Promise((resolve, reject) => {
    const result = db.transaction(async (tx) => {
      // Runs after PGlite's BEGIN, so `result` is set by then.
      const id = nextTransaction++;
      const finished = new Promise((finish) => transactions.set(id, { tx, finish, result }));
      resolve(id);
      await finished;
    });
    // A failure before the callback (BEGIN itself) refuses the begin; later ones are answered by `end`.
    result.then(() => undefined, (error) => reject(error));
  }).then((id) => {
    const entry = transactions.get(id);
    void entry.result.finally(() => transactions.delete(id)).catch(() => undefined);
    return id;
  });
}

const handlers = {
  open,
  async query({ sql, params, txId }) {
    const result = await target(txId).query(sql, params, { rowMode: "array", parsers: RAW });
    return { fields: result.fields, rows: result.rows, affectedRows: result.affectedRows };
  },
  async exec({ sql, txId }) {
    await target(txId).exec(sql);
  },
  begin,
  async rollback({ txId }) {
    const entry = transactions.get(txId);
    if (entry && !entry.tx.closed) await entry.tx.rollback();
  },
  /** Ends the transaction: commits it, unless it was rolled back; answers how it ended. */
  async end({ txId, rollback }) {
    const entry = transactions.get(txId);
    if (!entry) return;
    if (rollback && !entry.tx.closed) await entry.tx.rollback();
    entry.finish();
    await entry.result;
  },
  async close() {
    await db?.close();
  },
};

// One transaction's steps run in the order they were sent; everything else runs at once (PGlite queues it).
const chains = new Map();

parentPort.on("message", (message) => {
  const run = async () => handlers[message.op](message);
  const key = message.txId;
  const previous = key === undefined ? Promise.resolve() : (chains.get(key) ?? Promise.resolve());
  const next = previous.then(run);
  if (key !== undefined) {
    const tail = next.catch(() => undefined);
    chains.set(key, tail);
    tail.then(() => chains.get(key) === tail && chains.delete(key));
  }
  next.then(
    (value) => parentPort.postMessage({ id: message.id, ok: true, value }),
    (error) => parentPort.postMessage({ id: message.id, ok: false, error: describe(error) }),
  );
});

function describe(error) {
  const fields = {};
  if (error && typeof error === "object") {
    for (const key of ["code", "severity", "detail", "hint", "position", "internalPosition", "internalQuery", "where", "schema", "table", "column", "dataType", "constraint", "file", "line", "routine"]) {
      if (error[key] !== undefined) fields[key] = error[key];
    }
  }
  return {
    message: error instanceof Error ? error.message : String(error),
    name: error instanceof Error ? error.name : "Error",
    database: error instanceof messages.DatabaseError,
    fields,
  };
}

