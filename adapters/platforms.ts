import type { Config } from "../src/config.ts";
import type { Crm } from "../src/crm/crm.ts";
import type { PlatformAdapter } from "./adapter.ts";
import type { Logger } from "./logger.ts";

/**
 * The messenger adapters whose credentials are configured (created, not yet started). Each is
 * imported only when configured: the Feishu SDK alone adds ~75 MiB to the process, Slack's ~15.
 */
export async function createPlatformAdapters(config: Config, crm: Crm, logger: Logger): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  if (config.slack) {
    const { botToken, signingSecret, appToken, apiUrl } = config.slack;
    const { createSlackAdapter } = await import("./slack/index.ts");
    adapters.push(createSlackAdapter({ crm, botToken, signingSecret, logger, ...(appToken ? { appToken } : {}), ...(apiUrl ? { apiUrl } : {}) }));
  }
  if (config.feishu) {
    const { appId, appSecret, mode, domain, verificationToken, encryptKey } = config.feishu;
    const { createFeishuAdapter } = await import("./feishu/index.ts");
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
