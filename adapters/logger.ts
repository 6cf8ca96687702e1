/** Operational log lines on stderr, so stdout stays the console's conversation. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, detail?: unknown): void;
}

export function stderrLogger(): Logger {
  const line = (level: string, message: string) => process.stderr.write(`${new Date().toISOString()} ${level} ${message}\n`);
  return {
    info: (message) => line("info", message),
    warn: (message) => line("warn", message),
    error: (message, detail) => line("error", detail === undefined ? message : `${message}: ${detail instanceof Error ? (detail.stack ?? detail.message) : JSON.stringify(detail)}`),
  };
}
