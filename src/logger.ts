/**
 * The one logging interface of the bot: the core, the jobs and every adapter log through it.
 * `detail` carries what a reader of the log needs besides the sentence (an error, ids, sizes);
 * implementations must never print secrets or personal data from it (see adapters/logger.ts).
 */
export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
  /** A logger whose every line also carries these fields (a request id…); optional, see `withFields`. */
  child?(fields: Record<string, unknown>): Logger;
}

/** `logger` with `fields` on every line: the implementation's own child when it has one, else the fields prefixed to the message. */
export function withFields(logger: Logger, fields: Record<string, unknown>): Logger {
  if (logger.child) return logger.child(fields);
  const prefix = `[${Object.entries(fields).map(([k, v]) => `${k}=${String(v)}`).join(" ")}] `;
  return {
    info: (message, detail) => (detail === undefined ? logger.info(prefix + message) : logger.info(prefix + message, detail)),
    warn: (message, detail) => (detail === undefined ? logger.warn(prefix + message) : logger.warn(prefix + message, detail)),
    error: (message, detail) => (detail === undefined ? logger.error(prefix + message) : logger.error(prefix + message, detail)),
    child: (more) => withFields(logger, { ...fields, ...more }),
  };
}

/** Logs nothing (tests, library defaults). */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
