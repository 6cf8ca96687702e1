import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";

import type { Logger } from "../../src/logger.ts";

/** The bot's one Logger (src/logger.ts), by the name the Slack files know it. */
export type AdapterLogger = Logger;

export const consoleLogger: AdapterLogger = {
  info: (message) => console.info(message),
  warn: (message) => console.warn(message),
  error: (message, detail) => console.error(message, ...(detail === undefined ? [] : [detail])),
};

/** Bolt and the WebClient log through this, so their messages land where ours do. Debug is dropped. */
export function boltLogger(logger: AdapterLogger): BoltLogger {
  let level = LogLevel.INFO;
  let name = "slack";
  const line = (parts: unknown[]) => `[${name}] ${parts.map((p) => (typeof p === "string" ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(" ")}`;
  return {
    debug: () => {},
    info: (...parts: unknown[]) => logger.info(line(parts)),
    warn: (...parts: unknown[]) => logger.warn(line(parts)),
    error: (...parts: unknown[]) => logger.error(line(parts)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}

/** An error's message for a log line. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
