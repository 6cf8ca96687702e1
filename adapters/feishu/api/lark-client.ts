import * as lark from "@larksuiteoapi/node-sdk";

import type { Logger } from "../../../src/logger.ts";

/** The bot's one Logger (src/logger.ts), by the name the Feishu files know it. */
export type FeishuLogger = Logger;

/** `feishu` (default) → open.feishu.cn, `lark` → open.larksuite.com, anything else is a base URL. */
export function resolveDomain(domain: string | undefined): lark.Domain | string {
  const d = (domain ?? "feishu").trim();
  if (d === "" || d.toLowerCase() === "feishu") return lark.Domain.Feishu;
  if (d.toLowerCase() === "lark") return lark.Domain.Lark;
  return d.replace(/\/+$/, "");
}

/** The SDK logs through this; its chatter (debug, trace) is dropped. */
export function sdkLogger(logger: FeishuLogger) {
  const join = (msg: unknown[]) => msg.map((m) => (typeof m === "string" ? m : m instanceof Error ? m.message : safeJson(m))).join(" ");
  return {
    error: (...msg: unknown[]) => logger.error(`[lark] ${join(msg)}`),
    warn: (...msg: unknown[]) => logger.warn(`[lark] ${join(msg)}`),
    info: (...msg: unknown[]) => logger.info(`[lark] ${join(msg)}`),
    debug: () => {},
    trace: () => {},
  };
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The SDK's HTTP instance with a timeout: its default has none, and a hung Open API call must
 * not hold a reply (or a morning send) for ever.
 */
function httpWithTimeout(timeout: number): lark.HttpInstance {
  // At run time the SDK's axios instance answers with the body (its interceptor), as HttpInstance says.
  const base = lark.defaultHttpInstance as unknown as lark.HttpInstance;
  const withTimeout = <T extends { timeout?: number } | undefined>(opts: T) => ({ timeout, ...(opts ?? {}) });
  return {
    request: (opts) => base.request(withTimeout(opts)),
    get: (url, opts) => base.get(url, withTimeout(opts)),
    delete: (url, opts) => base.delete(url, withTimeout(opts)),
    head: (url, opts) => base.head(url, withTimeout(opts)),
    options: (url, opts) => base.options(url, withTimeout(opts)),
    post: (url, data, opts) => base.post(url, data, withTimeout(opts)),
    put: (url, data, opts) => base.put(url, data, withTimeout(opts)),
    patch: (url, data, opts) => base.patch(url, data, withTimeout(opts)),
  };
}

/** A token cache of this client's own: the SDK's default is shared by every client in the process. */
function memoryCache(): lark.Cache {
  const values = new Map<string | symbol, { value: unknown; expiresAt?: number }>();
  const keyOf = (key: string | symbol, namespace?: string) => (typeof key === "symbol" ? `${namespace ?? ""}:${key.description}` : `${namespace ?? ""}:${key}`);
  return {
    async set(key, value, expiresAt, options) {
      values.set(keyOf(key as string | symbol, options?.namespace), { value, ...(expiresAt ? { expiresAt } : {}) });
      return true;
    },
    async get(key, options) {
      const entry = values.get(keyOf(key as string | symbol, options?.namespace));
      if (!entry || (entry.expiresAt !== undefined && entry.expiresAt < Date.now())) return undefined;
      return entry.value;
    },
  };
}

export interface ClientOptions {
  appId: string;
  appSecret: string;
  domain?: string;
  logger: FeishuLogger;
  timeoutMs?: number;
}

export function createLarkClient(options: ClientOptions): lark.Client {
  return new lark.Client({
    appId: options.appId,
    appSecret: options.appSecret,
    appType: lark.AppType.SelfBuild,
    domain: resolveDomain(options.domain),
    cache: memoryCache(),
    httpInstance: httpWithTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    logger: sdkLogger(options.logger),
    // Every failed call reaches the caller as an error (a SendError) and is logged there once,
    // in a sentence; the SDK's own dump of the request would only repeat it.
    loggerLevel: lark.LoggerLevel.fatal,
  });
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
