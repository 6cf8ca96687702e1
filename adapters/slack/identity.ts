import type { webApi } from "@slack/bolt";
import type { Identity } from "../../src/crm/identity.ts";
import type { Locale } from "../../src/domain/localized.ts";
import { localeFromTag } from "../../src/i18n/messages.ts";
import { describeError, type AdapterLogger } from "./slack-logger.ts";

/** Who clicked or typed, as a Slack payload names them. */
export interface SlackUserRef {
  teamId: string;
  userId: string;
  /** The handle in the payload: the display name when users.info cannot be reached. */
  userName?: string;
  teamDomain?: string;
  channelId?: string;
}

interface Profile {
  displayName: string;
  timeZone?: string;
  locale?: Locale;
  expiresAt: number;
}

export interface IdentityOptions {
  ttlMs?: number;
  /** How long a command waits for users.info before going on with what the payload says. */
  lookupTimeoutMs?: number;
  now?: () => number;
}

const FAILURE_TTL_MS = 60_000;

/**
 * Turns a Slack user into the core's Identity: name, time zone and locale from users.info,
 * cached per user. A users.info failure or a slow answer never blocks the command: it goes on
 * with the payload's user name and the core's defaults, and tries Slack again a minute later.
 */
export class IdentityResolver {
  private readonly cache = new Map<string, Profile>();
  private readonly ttlMs: number;
  private readonly lookupTimeoutMs: number;
  private readonly now: () => number;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: AdapterLogger,
    options: IdentityOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60 * 60_000;
    this.lookupTimeoutMs = options.lookupTimeoutMs ?? 2_000;
    this.now = options.now ?? Date.now;
  }

  async resolve(ref: SlackUserRef): Promise<Identity> {
    const profile = await this.profile(ref);
    return {
      platform: "slack",
      workspaceId: ref.teamId,
      ...(ref.teamDomain ? { workspaceName: ref.teamDomain } : {}),
      userId: ref.userId,
      displayName: profile.displayName,
      ...(profile.timeZone ? { timeZone: profile.timeZone } : {}),
      ...(profile.locale ? { locale: profile.locale } : {}),
      ...(ref.channelId ? { channelId: ref.channelId } : {}),
    };
  }

  /**
   * users.info's language as last seen (even past its TTL), without waiting for anyone: the first
   * guess for a modal that must open before anything slow, when the chosen language is not known.
   */
  cachedLocale(ref: SlackUserRef): Locale | undefined {
    return this.cache.get(key(ref))?.locale;
  }

  private async profile(ref: SlackUserRef): Promise<Profile> {
    const cached = this.cache.get(key(ref));
    if (cached && cached.expiresAt > this.now()) return cached;
    const fetched = await this.lookup(ref);
    this.cache.set(key(ref), fetched);
    return fetched;
  }

  private async lookup(ref: SlackUserRef): Promise<Profile> {
    const fallback: Profile = { displayName: ref.userName || ref.userId, expiresAt: this.now() + FAILURE_TTL_MS };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), this.lookupTimeoutMs);
    });
    try {
      const answer = await Promise.race([this.client.users.info({ user: ref.userId, include_locale: true }), timeout]);
      if (!answer?.user) {
        this.logger.warn(`users.info for ${ref.userId} took too long; going on without it`);
        return fallback;
      }
      const { user } = answer;
      return {
        displayName: user.profile?.display_name || user.real_name || user.name || fallback.displayName,
        ...(user.tz ? { timeZone: user.tz } : {}),
        ...(user.locale ? { locale: localeFromTag(user.locale) } : {}),
        expiresAt: this.now() + this.ttlMs,
      };
    } catch (error) {
      this.logger.warn(`users.info for ${ref.userId} failed (${describeError(error)}); going on without it`);
      return fallback;
    } finally {
      clearTimeout(timer);
    }
  }
}

function key(ref: SlackUserRef): string {
  return `${ref.teamId}:${ref.userId}`;
}
