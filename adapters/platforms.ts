import type { Config } from "../src/config.ts";
import type { Crm } from "../src/crm/crm.ts";
import type { PlatformAdapter } from "./adapter.ts";
import type { Logger } from "./logger.ts";

/** The messenger adapters whose credentials are configured. */
export async function createPlatformAdapters(_config: Config, _crm: Crm, _logger: Logger): Promise<PlatformAdapter[]> {
  return [];
}
