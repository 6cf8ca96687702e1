import { pino, type Logger as Pino } from "pino";
import pretty from "pino-pretty";
import type { Logger } from "../src/logger.ts";
import { scrub, scrubValue } from "./log-scrub.ts";
import { currentRequestId } from "./shared/request-context.ts";

export type { Logger } from "../src/logger.ts";

export interface LoggerOptions {
  /** Pretty lines for a person at a terminal; JSON lines (one object each) for a log collector. Default: pretty when stderr is a TTY. */
  pretty?: boolean;
  /** `debug`, `info` (default), `warn`, `error`. */
  level?: string;
  /** Where lines go; default stderr, so stdout stays the console's conversation. */
  destination?: NodeJS.WritableStream;
}

/**
 * The bot's operational log, on pino: every line a JSON object (level, time, msg, and the
 * fields of its detail and of its child loggers — `req` for a request id), or a pretty line in a
 * terminal. Mobile numbers are masked and tokens blanked in the message and every field, so
 * what a person typed never lands in a log collector whole.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? process.stderr;
  const isPretty = options.pretty ?? (destination === process.stderr && process.stderr.isTTY === true);
  const level = options.level ?? "info";
  // Every line logged while a request is handled carries its id.
  const mixin = () => {
    const req = currentRequestId();
    return req ? { req } : {};
  };
  const base = isPretty
    ? pino({ level, base: undefined, mixin, timestamp: pino.stdTimeFunctions.isoTime }, pretty({ destination: destination as never, colorize: true, sync: true, ignore: "pid,hostname" }))
    : pino({ level, base: undefined, mixin, timestamp: pino.stdTimeFunctions.isoTime }, destination);
  return wrap(base);
}


function wrap(target: Pino): Logger {
  const line = (level: "info" | "warn" | "error") => (message: string, detail?: unknown) => {
    const fields = fieldsOf(detail);
    if (fields) target[level](fields, scrub(message));
    else target[level](scrub(message));
  };
  return {
    info: line("info"),
    warn: line("warn"),
    error: line("error"),
    child: (fields) => wrap(target.child(scrubValue(fields) as Record<string, unknown>)),
  };
}

function fieldsOf(detail: unknown): Record<string, unknown> | undefined {
  if (detail === undefined) return undefined;
  if (detail instanceof Error) return { error: { type: detail.name, message: scrub(detail.message), stack: scrub(detail.stack ?? "") } };
  if (detail && typeof detail === "object" && !Array.isArray(detail)) return scrubValue(detail) as Record<string, unknown>;
  return { detail: scrubValue(detail) };
}
