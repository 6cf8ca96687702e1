import { ConfigError } from "../src/config.ts";
import { DataDirLockedError } from "../src/db/data-dir-lock.ts";
import type { Messages } from "../src/i18n/messages.ts";
import { UnknownWorkspaceError } from "../src/jobs/job-deps.ts";
import { PlaybookError } from "../src/playbook/load-playbook.ts";

/** Why the bot or a job could not start, said to the person who started it — no stack traces for known causes. */
export function explainStartupError(error: unknown, m: Messages): string {
  if (error instanceof DataDirLockedError) return m.console.locked(error.dataDir, error.pid);
  if (error instanceof UnknownWorkspaceError) return m.console.unknownWorkspace(error.workspace);
  if (error instanceof ConfigError || error instanceof PlaybookError) return m.console.failedToStart(error.message);
  return m.console.failedToStart(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
