import * as lark from "@larksuiteoapi/node-sdk";
import type { Crm } from "../../src/crm/crm.ts";
import type { PlatformAdapter } from "../adapter.ts";
import { createFeishuApi } from "./api/feishu-api.ts";
import { createLarkClient, resolveDomain, sdkLogger, type FeishuLogger } from "./api/lark-client.ts";
import { createCardActionHandler } from "./cards/card-actions.ts";
import { BotIdentity } from "./events/bot-identity.ts";
import { createMessageHandler } from "./events/message-handler.ts";
import { People } from "./events/people.ts";
import { RecentKeys } from "../shared/recent-keys.ts";
import { WorkQueue } from "./events/work-queue.ts";
import { createFeishuOutbound } from "./outbound.ts";
import { webhookRoute } from "./webhook/route.ts";
import { currentRequestId, newRequestId, withRequestId } from "../shared/request-context.ts";

export type { FeishuLogger } from "./api/lark-client.ts";

export interface FeishuAdapterOptions {
  crm: Crm;
  appId: string;
  appSecret: string;
  /** `ws`: the SDK's long connection, no public URL needed. `webhook`: serve `POST /feishu/events`. */
  mode: "ws" | "webhook";
  /** `feishu` (default), `lark` (Lark international) or a base URL (tests, proxies). */
  domain?: string;
  verificationToken?: string;
  encryptKey?: string;
  logger?: FeishuLogger;
  /** Read display names with the contact API (needs contact:user.base:readonly). Default true. */
  lookupNames?: boolean;
  /** The bot's open_id when known; otherwise asked once from `bot/v3/info`. */
  botOpenId?: string;
  /** How long a card callback may run before it answers "working" and updates the card later. Default 2500 ms. */
  callbackBudgetMs?: number;
  /** The webhook path. Default `/feishu/events`. */
  path?: string;
  /** The clock (ms) a signed webhook request's timestamp is checked against (5 minutes either way). Default `Date.now`. */
  now?: () => number;
}

export interface FeishuAdapter extends PlatformAdapter {
  /** Resolves when every acknowledged event has been answered (for a clean stop, and tests). */
  idle(): Promise<void>;
}

const consoleLogger: FeishuLogger = {
  info: (message) => console.log(message),
  warn: (message, detail) => console.warn(message, detail ?? ""),
  error: (message, detail) => console.error(message, detail ?? ""),
};

/**
 * Feishu / Lark: commands typed to the bot (direct chat, or @-mentioned in a group) and card
 * buttons, answered with cards; plus the outbound port for the scheduled jobs. The same SDK
 * dispatcher serves the webhook route and the long connection.
 */
export function createFeishuAdapter(options: FeishuAdapterOptions): FeishuAdapter {
  const logger = options.logger ?? consoleLogger;
  const client = createLarkClient({ appId: options.appId, appSecret: options.appSecret, domain: options.domain, logger });
  const api = createFeishuApi(client);
  const queue = new WorkQueue((error) => logger.error("feishu: background work failed", error));
  const people = new People(api, options.crm, { lookupNames: options.lookupNames ?? true, logger });
  const secrets = { encryptKey: options.encryptKey || undefined, verificationToken: options.verificationToken || undefined };

  const dispatcher = new lark.EventDispatcher({ ...secrets, logger: sdkLogger(logger), loggerLevel: lark.LoggerLevel.warn });
  dispatcher.register<{ "card.action.trigger": (data: unknown) => Promise<unknown> }>({
    "im.message.receive_v1": guarded("message", logger, createMessageHandler({ crm: options.crm, api, people, bot: new BotIdentity(api, options.botOpenId), seen: new RecentKeys<true>(12 * 3_600_000, 50_000), queue, logger })),
    "card.action.trigger": guarded("card callback", logger, createCardActionHandler({ crm: options.crm, api, people, queue, logger, budgetMs: options.callbackBudgetMs ?? 2_500 })),
  });

  let ws: lark.WSClient | undefined;
  return {
    name: "feishu",
    routes: options.mode === "webhook" ? [webhookRoute(options.path ?? "/feishu/events", dispatcher, secrets, logger, options.now)] : [],
    outbound: createFeishuOutbound(api),
    async start() {
      if (options.mode !== "ws" || ws) return;
      ws = new lark.WSClient({
        appId: options.appId,
        appSecret: options.appSecret,
        domain: resolveDomain(options.domain),
        logger: sdkLogger(logger),
        loggerLevel: lark.LoggerLevel.warn,
      });
      await ws.start({ eventDispatcher: dispatcher });
    },
    async stop() {
      ws?.close();
      ws = undefined;
      await queue.idle();
    },
    idle: () => queue.idle(),
  };
}

/**
 * A handler as the dispatcher runs it, for the webhook and the long connection alike: under a
 * request id (the webhook's, or a new one), and never throwing — a failure is logged and
 * answered with nothing, which Feishu takes as received.
 */
function guarded<T>(what: string, logger: FeishuLogger, handler: (data: unknown) => T | Promise<T>): (data: unknown) => Promise<T | undefined> {
  return (data) =>
    withRequestId(currentRequestId() ?? newRequestId(), async () => {
      try {
        return await handler(data);
      } catch (error) {
        logger.error(`feishu: ${what} failed`, error);
        return undefined;
      }
    });
}
