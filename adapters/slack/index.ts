import { App, SocketModeReceiver, webApi, type AuthorizeResult } from "@slack/bolt";
import type { Crm } from "../../src/crm/crm.ts";
import type { HttpRoute, PlatformAdapter } from "../adapter.ts";
import { registerActions } from "./actions.ts";
import { registerCommands } from "./commands.ts";
import { registerHome } from "./home.ts";
import { IdentityResolver } from "./identity.ts";
import { CallerLocales } from "./locales.ts";
import { registerMessages } from "./messages.ts";
import { SlackOutbound } from "./outbound.ts";
import { RecentKeys } from "../shared/recent-keys.ts";
import { platformErrorOf } from "./send-errors.ts";
import { boltLogger, consoleLogger, describeError, type AdapterLogger } from "./slack-logger.ts";
import { registerViews } from "./views.ts";
import { guardProcessEvent } from "./edge-guard.ts";
import { SlackHttpReceiver } from "./http-receiver.ts";
import type { SlackDeps } from "./deps.ts";

export interface SlackAdapterOptions {
  crm: Crm;
  /** SLACK_BOT_TOKEN (xoxb-…). */
  botToken: string;
  /** SLACK_SIGNING_SECRET: verifies every HTTP request (a bad or stale one is answered 401). */
  signingSecret: string;
  /** SLACK_APP_TOKEN (xapp-…): Socket Mode instead of HTTP. */
  appToken?: string;
  /** SLACK_API_URL: the Web API base (GovSlack, tests); used by every Web API call, file uploads too. */
  apiUrl?: string;
  logger?: AdapterLogger;
  /** Bolt's endpoint in HTTP mode. */
  path?: string;
  /** How long a modal submission waits for the core before it says "working on it" (Slack allows 3 s). */
  submitDeadlineMs?: number;
  /** How long users.info answers are kept. */
  identityTtlMs?: number;
  /** The clock (ms) a request's signed timestamp is checked against (5 minutes either way). Default `Date.now`. */
  now?: () => number;
}

export type { AdapterLogger };

export interface SlackAdapter extends PlatformAdapter {
  /**
   * Resolves once every request handed to the app so far has been handled, follow-ups included
   * (the answer posted after the ack, the modal updated after the core answered). Tests use it to
   * check that nothing more was sent; a shutdown could use it to let the work in hand finish.
   */
  idle(): Promise<void>;
}

/**
 * The Slack adapter: `/prospect`, Block Kit cards with buttons, modals, the App Home, direct
 * messages, and the outbound port for the jobs. HTTP mode gives the entry point one route to
 * mount (`POST /slack/events`); Socket Mode connects in start() and needs no route.
 */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const logger = options.logger ?? consoleLogger;
  const slackLogger = boltLogger(logger);
  const path = options.path ?? "/slack/events";
  const clientOptions = { logger: slackLogger, ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}) };
  // Interactive calls fail fast on a 429 instead of pausing every later call behind it.
  const api = new webApi.WebClient(options.botToken, {
    ...clientOptions,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1_000 },
    timeout: 10_000,
  });
  const outboundClient = new webApi.WebClient(options.botToken, { ...clientOptions, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, timeout: 30_000 });

  const receiver = options.appToken
    ? new SocketModeReceiver({ appToken: options.appToken, logger: slackLogger, installerOptions: { clientOptions } })
    : new SlackHttpReceiver({ signingSecret: options.signingSecret, path, logger, ...(options.now ? { now: options.now } : {}) });
  const bot: AuthorizeResult = { botToken: options.botToken };
  const app = new App({ receiver, authorize: async () => bot, clientOptions, logger: slackLogger });
  app.error(async (error) => logger.error("slack listener failed", error));
  guardProcessEvent(app, logger);
  const inFlight = trackWork(app);

  const deps: SlackDeps = {
    crm: options.crm,
    api,
    identities: new IdentityResolver(api, logger, options.identityTtlMs === undefined ? {} : { ttlMs: options.identityTtlMs }),
    locales: new CallerLocales(options.crm, logger),
    logger,
    stash: new RecentKeys(30 * 60_000, 1_000),
    events: new RecentKeys(60 * 60_000),
    submitDeadlineMs: options.submitDeadlineMs ?? 2_500,
  };
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerHome(app, deps);
  registerMessages(app, deps);

  const routes: HttpRoute[] = receiver instanceof SlackHttpReceiver ? [receiver.route()] : [];

  return {
    name: "slack",
    routes,
    outbound: new SlackOutbound(outboundClient, logger),
    async start() {
      await checkToken(api, bot, logger);
      if (!options.appToken) return;
      await app.start().catch((error: unknown) => {
        throw new Error(`Slack Socket Mode could not connect (${describeError(error)}); check SLACK_APP_TOKEN (xapp-…, with connections:write).`);
      });
    },
    async stop() {
      if (options.appToken) await app.stop();
    },
    async idle() {
      for (;;) {
        // One turn of the event loop: a request whose ack the caller has just read is in the set by then.
        await new Promise((resolve) => setImmediate(resolve));
        if (inFlight.size === 0) return;
        await Promise.allSettled(inFlight);
      }
    },
  };
}

/**
 * The work of every request, from the first middleware to the end of its listener. Bolt acks an
 * event before the middleware runs, but only microtasks lie between the two, so the work is in
 * the set before the ack's bytes can reach anyone.
 */
function trackWork(app: App): Set<Promise<void>> {
  const inFlight = new Set<Promise<void>>();
  app.use(async ({ next }) => {
    const work = next();
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });
  return inFlight;
}

/** A refused token stops the start with a message naming the variable; an unreachable Slack only warns. */
async function checkToken(api: webApi.WebClient, bot: AuthorizeResult, logger: AdapterLogger): Promise<void> {
  try {
    const auth = await api.auth.test();
    if (auth.user_id) bot.botUserId = auth.user_id;
    if (auth.bot_id) bot.botId = auth.bot_id;
    logger.info(`Slack: connected to ${auth.team ?? auth.team_id ?? "the workspace"} as ${auth.user ?? "the bot"}`);
  } catch (error) {
    const reason = platformErrorOf(error);
    if (reason && /auth|token|account_inactive|not_allowed/.test(reason)) {
      throw new Error(`Slack refused SLACK_BOT_TOKEN (${reason}); check the bot token of the app.`);
    }
    logger.warn(`Slack: could not check the bot token yet: ${describeError(error)}`);
  }
}
