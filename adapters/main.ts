import { pick } from "../src/domain/localized.ts";
import { ConfigError, loadConfig } from "../src/config.ts";
import { createCrm } from "../src/crm/crm.ts";
import { DataDirLockedError } from "../src/db/data-dir-lock.ts";
import { openDatabase, type Database } from "../src/db/database.ts";
import { localeFromTag, messagesFor } from "../src/i18n/messages.ts";
import { loadPlaybook, PlaybookError } from "../src/playbook/load-playbook.ts";
import { runConsole } from "./console/console-adapter.ts";

/**
 * The bot's entry point: reads the configuration, opens the database, and starts the adapters
 * that have credentials. With none, it is the local console on the embedded database.
 */
async function main(): Promise<number> {
  let m = messagesFor(localeFromTag(process.env.CRM_LOCALE ?? process.env.LANG));
  let db: Database | undefined;
  try {
    const config = loadConfig(process.env);
    m = messagesFor(config.console.locale);
    const playbook = await loadPlaybook(config.playbook);
    db = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
    const crm = createCrm({ prisma: db.prisma, playbook });
    const stop = new AbortController();
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
    const where = config.databaseUrl ? "PostgreSQL" : m.console.embedded(config.dataDir);
    process.stderr.write(`${m.console.banner(pick(playbook.name, config.console.locale), where, config.console.userId)}\n`);
    await runConsole(
      {
        crm,
        identity: {
          platform: "console",
          workspaceId: "local",
          workspaceName: "Console",
          userId: config.console.userId,
          displayName: config.console.userId,
          timeZone: config.console.timeZone,
          locale: config.console.locale,
          ...(config.console.localeOverride ? { localeOverride: config.console.localeOverride } : {}),
        },
        input: process.stdin,
        output: process.stdout,
        prompt: process.stdin.isTTY === true,
      },
      stop.signal,
    );
    return 0;
  } catch (error) {
    if (error instanceof DataDirLockedError) process.stderr.write(`${m.console.locked(error.dataDir, error.pid)}\n`);
    else if (error instanceof ConfigError || error instanceof PlaybookError) process.stderr.write(`${m.console.failedToStart(error.message)}\n`);
    else process.stderr.write(`${m.console.failedToStart(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    return 1;
  } finally {
    await db?.close();
  }
}

process.exitCode = await main();
