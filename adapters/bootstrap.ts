import { join } from "node:path";
import type { Writable } from "node:stream";
import { loadConfig, type Config } from "../src/config.ts";
import { createCrm, type Crm } from "../src/crm/crm.ts";
import { openDatabase, type Database } from "../src/db/database.ts";
import type { JobDeps } from "../src/jobs/job-deps.ts";
import { messagesFor, type Messages } from "../src/i18n/messages.ts";
import { loadPlaybook } from "../src/playbook/load-playbook.ts";
import type { Playbook } from "../src/playbook/playbook.schema.ts";
import type { PlatformAdapter } from "./adapter.ts";
import { consoleOutbound } from "./console/console-outbound.ts";
import { createLogger, type Logger } from "./logger.ts";
import { withBackPressure } from "./shared/back-pressure.ts";
import { createPlatformAdapters } from "./platforms.ts";

export interface Runtime {
  config: Config;
  m: Messages;
  playbook: Playbook;
  db: Database;
  crm: Crm;
  platforms: PlatformAdapter[];
  jobs: JobDeps;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * What the bot and the job command share: configuration, playbook, database, the CRM and the
 * configured messengers (not yet started). Throws ConfigError, PlaybookError or
 * DataDirLockedError for the caller to explain.
 */
export async function bootstrap(env: Record<string, string | undefined>, output: Writable, options: { warm?: boolean } = {}): Promise<Runtime> {
  const config = loadConfig(env);
  const logger = createLogger();
  const playbook = await loadPlaybook(config.playbook);
  const db = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl, warm: options.warm ?? false } : { dataDir: config.dataDir });
  try {
    // The embedded database has one connection: commands past it would only queue inside it.
    const crm = withBackPressure(createCrm({ prisma: db.prisma, playbook, logger }), { concurrency: config.databaseUrl ? 8 : 1, logger });
    const platforms = await createPlatformAdapters(config, crm, logger);
    const messengers = [...platforms.map((p) => p.outbound), consoleOutbound(output, join(config.dataDir, "reports"))];
    return {
      config,
      m: messagesFor(config.console.locale),
      playbook,
      db,
      crm,
      platforms,
      logger,
      jobs: { prisma: db.prisma, sql: db.query, playbook, messengers, now: () => new Date(), logger },
      close: () => db.close(),
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
