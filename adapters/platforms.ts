import type { Config } from "../src/config.ts";
import type { Crm } from "../src/crm/crm.ts";
import type { PlatformAdapter } from "./adapter.ts";
import { createFeishuAdapter } from "./feishu/index.ts";
import type { Logger } from "./logger.ts";
import { createSlackAdapter } from "./slack/index.ts";

/** The messenger adapters whose credentials are configured (created, not yet started). */
export async function createPlatformAdapters(config: Config, crm: Crm, logger: Logger): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  if (config.slack) {
    const { botToken, signingSecret, appToken, apiUrl } = config.slack;
    adapters.push(createSlackAdapter({ crm, botToken, signingSecret, logger, ...(appToken ? { appToken } : {}), ...(apiUrl ? { apiUrl } : {}) }));
  }
  if (config.feishu) {
    const { appId, appSecret, mode, domain, verificationToken, encryptKey } = config.feishu;
    adapters.push(
      createFeishuAdapter({
        crm, appId, appSecret, mode, domain, logger,
        ...(verificationToken ? { verificationToken } : {}),
        ...(encryptKey ? { encryptKey } : {}),
      }),
    );
  }
  return adapters;
}
