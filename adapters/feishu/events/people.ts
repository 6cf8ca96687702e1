import type { Crm } from "../../../src/crm/crm.ts";
import type { Identity } from "../../../src/crm/identity.ts";
import type { Locale } from "../../../src/domain/localized.ts";
import { isValidTimeZone } from "../../../src/format/dates.ts";
import type { FeishuApi } from "../api/feishu-api.ts";
import type { FeishuLogger } from "../api/lark-client.ts";

const NAME_TTL_MS = 6 * 3_600_000;
const MISS_TTL_MS = 10 * 60_000;
const MAX_NAMES = 20_000;

export interface PeopleOptions {
  /** Read display names from the contact API (scope contact:user.base:readonly). */
  lookupNames: boolean;
  logger: FeishuLogger;
}

/**
 * Who is speaking, as the core wants it: the tenant is the workspace, the open_id the user, and
 * the name comes from the directory when the app may read it (cached; the open_id otherwise).
 * Feishu users start in Chinese.
 */
export class People {
  private readonly names = new Map<string, { name?: string; until: number }>();
  private readonly lookups = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly api: FeishuApi,
    private readonly crm: Crm,
    private readonly options: PeopleOptions,
  ) {}

  async identity(tenantKey: string, openId: string, where: { chatId?: string; timeZone?: string } = {}, budgetMs?: number): Promise<Identity> {
    const name = await this.nameOf(tenantKey, openId, budgetMs);
    return {
      platform: "feishu",
      workspaceId: tenantKey,
      userId: openId,
      // Unknown (the lookup failed): the core keeps the name it has, or uses the open_id for a newcomer.
      ...(name ? { displayName: name } : {}),
      locale: "zh-CN",
      ...(where.chatId ? { channelId: where.chatId } : {}),
      ...(where.timeZone && isValidTimeZone(where.timeZone) ? { timeZone: where.timeZone } : {}),
    };
  }

  /** The language the person reads (after the command ran, so `lang en` counts at once). */
  async localeOf(identity: Identity): Promise<Locale> {
    try {
      return (await this.crm.callerFor(identity)).locale;
    } catch {
      return identity.locale ?? "zh-CN";
    }
  }

  private async nameOf(tenantKey: string, openId: string, budgetMs?: number): Promise<string | undefined> {
    if (!this.options.lookupNames) return undefined;
    const key = `${tenantKey}:${openId}`;
    const cached = this.names.get(key);
    if (cached && cached.until > Date.now()) return cached.name;
    let lookup = this.lookups.get(key);
    if (!lookup) {
      lookup = this.fetch(key, openId, cached?.name);
      this.lookups.set(key, lookup);
      void lookup.finally(() => this.lookups.delete(key));
    }
    if (budgetMs === undefined) return lookup;
    const late = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), budgetMs));
    return (await Promise.race([lookup, late])) ?? cached?.name;
  }

  private async fetch(key: string, openId: string, known: string | undefined): Promise<string | undefined> {
    let name: string | undefined;
    try {
      name = await this.api.userName(openId);
    } catch (error) {
      this.options.logger.warn(`feishu: cannot read the name of ${openId} (grant contact:user.base:readonly to show names)`, error instanceof Error ? error.message : error);
    }
    // A failed lookup keeps the name known before, so a hiccup never renames anyone.
    const value = name ?? known;
    this.names.delete(key);
    this.names.set(key, { ...(value ? { name: value } : {}), until: Date.now() + (name ? NAME_TTL_MS : MISS_TTL_MS) });
    while (this.names.size > MAX_NAMES) this.names.delete(this.names.keys().next().value!);
    return value;
  }
}
