import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/**
 * The id of the request being handled, carried through everything it sets off (the work done
 * after the ack included), so every log line of one request can be found with one search.
 */
const storage = new AsyncLocalStorage<{ req: string }>();

export function newRequestId(): string {
  return randomUUID().slice(0, 8);
}

export function withRequestId<T>(id: string, fn: () => T): T {
  return storage.run({ req: id }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.req;
}
