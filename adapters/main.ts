import type { Server } from "node:http";
import { join } from "node:path";
import { pick } from "../src/domain/localized.ts";
import { localeFromTag, messagesFor } from "../src/i18n/messages.ts";
import { startScheduler } from "../src/jobs/scheduler.ts";
import { bootstrap, type Runtime } from "./bootstrap.ts";
import { runConsole } from "./console/console-adapter.ts";
import { startHttpServer } from "./http-server.ts";
import { createLogger } from "./logger.ts";
import { explainStartupError } from "./startup-errors.ts";

/**
 * The bot: reads the configuration, opens the database, starts the messengers that have
 * credentials, the HTTP server their webhooks need, and the scheduled jobs. With no messenger
 * configured it is the local console on the embedded database, and ends with its input.
 */
async function main(): Promise<number> {
  let m = messagesFor(localeFromTag(process.env.CRM_LOCALE ?? process.env.LANG));
  let runtime: Runtime | undefined;
  let server: Server | undefined;
  let scheduler: { stop(): Promise<void> } | undefined;
  const stop = new AbortController();
  let lostDatabase = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
  // The last line of defence: nothing a platform or a person sends may end the process. Every
  // request is caught at its edge; should a library still drop a promise, it is logged here.
  const safety = createLogger();
  process.on("unhandledRejection", (reason) => safety.error("unhandled rejection; the bot keeps running", reason));
  try {
    // Warmed: the bot serves people from its first minute (a one-off job needs only a few connections).
    runtime = await bootstrap(process.env, process.stdout, { warm: true });
    void runtime.db.lost?.then((error) => {
      safety.error("the embedded database stopped; the bot stops so that it can be restarted", error);
      lostDatabase = true;
      stop.abort();
    });
    const { config, platforms, crm, playbook } = runtime;
    m = runtime.m;
    const routes = platforms.flatMap((p) => p.routes);
    if (routes.length > 0) server = await startHttpServer(routes, config.port);
    for (const platform of platforms) await platform.start();
    scheduler = startScheduler(runtime.jobs, { digestAt: config.jobs.morningDigestAt, weeklyCron: config.jobs.weeklySummaryCron });
    // A recomputation of due dates the last run did not finish (see src/calendar/refresh-workspace.ts).
    crm.resumeBackground();

    const where = config.databaseUrl ? "PostgreSQL" : m.console.embedded(config.dataDir);
    const running = [...platforms.map((p) => p.name), ...(server ? [`HTTP :${config.port}`] : [])];
    process.stderr.write(`${m.console.banner(pick(playbook.name, config.console.locale), where, config.console.userId)}${running.length ? `\n${running.join(" · ")}` : ""}\n`);

    const withConsole = platforms.length === 0 || config.consoleEnabled;
    if (withConsole) {
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
          exportDir: join(config.dataDir, "exports"),
          filesDir: join(config.dataDir, "reports"),
        },
        stop.signal,
      );
    }
    // With a messenger, the bot serves until it is told to stop, whatever happens to stdin.
    if (platforms.length > 0 && !stop.signal.aborted) await new Promise((resolve) => stop.signal.addEventListener("abort", resolve, { once: true }));
    return lostDatabase ? 1 : 0;
  } catch (error) {
    process.stderr.write(`${explainStartupError(error, m)}\n`);
    return 1;
  } finally {
    await scheduler?.stop();
    for (const platform of runtime?.platforms ?? []) await platform.stop().catch(() => undefined);
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    // Work a command left running (a recomputation of due dates) is finished when the console's
    // input ends; told to stop, the bot stops now and the next start resumes it.
    if (!stop.signal.aborted) await runtime?.crm.idle();
    await runtime?.close();
  }
}

process.exitCode = await main();
