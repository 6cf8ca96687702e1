import { parseCommand } from "../../src/commands/parse.ts";
import type { Crm, ExecuteOptions } from "../../src/crm/crm.ts";
import type { Identity } from "../../src/crm/identity.ts";
import type { Locale } from "../../src/domain/localized.ts";
import { RecentKeys } from "../shared/recent-keys.ts";
import { describeError, type AdapterLogger } from "./slack-logger.ts";
import { slackStrings, type SlackStrings } from "./strings.ts";

const TTL_MS = 60 * 60_000;

/**
 * The language of the adapter's own words (modal chrome, notices, the Home button) for each
 * person: the one they chose with `lang` — the core's caller locale — not users.info's, which
 * only seeds a new user. Kept an hour per person and looked up again as soon as they run `lang`
 * through this process, so their next modal already speaks the new language. A `lang` handled
 * by another replica shows here after at most the hour; the core's own text is always current.
 */
export class CallerLocales {
  private readonly known: RecentKeys<Locale>;
  /** Bumped by every refresh, so a lookup that started before a `lang` cannot store the old language after it. */
  private epoch = 0;

  constructor(
    private readonly crm: Pick<Crm, "callerFor">,
    private readonly logger: AdapterLogger,
    ttlMs = TTL_MS,
  ) {
    this.known = new RecentKeys<Locale>(ttlMs, 10_000);
  }

  /** The language when already known, without touching the database (a modal must open first). */
  peek(teamId: string, userId: string): Locale | undefined {
    return this.known.get(key(teamId, userId));
  }

  async of(identity: Identity): Promise<Locale> {
    return this.known.get(key(identity.workspaceId, identity.userId)) ?? (await this.lookup(identity));
  }

  async strings(identity: Identity): Promise<SlackStrings> {
    return slackStrings(await this.of(identity));
  }

  /** After a command ran for this person: a `lang` (in any of its spellings) changes their language. */
  async afterCommand(identity: Identity, line: string): Promise<void> {
    if (!isLang(line)) return;
    this.epoch++;
    this.known.delete(key(identity.workspaceId, identity.userId));
    await this.lookup(identity);
  }

  private async lookup(identity: Identity): Promise<Locale> {
    const started = this.epoch;
    try {
      const { locale } = await this.crm.callerFor(identity);
      if (started === this.epoch) this.known.set(key(identity.workspaceId, identity.userId), locale);
      return locale;
    } catch (error) {
      this.logger.warn(`could not look up the language of ${identity.userId}: ${describeError(error)}`);
      return identity.localeOverride ?? identity.locale ?? "zh-CN";
    }
  }
}

/** Runs a command line through the core, keeping the person's language for the adapter's words in step. */
export async function execute(
  deps: { crm: Pick<Crm, "execute">; locales: CallerLocales },
  identity: Identity,
  line: string,
  options: ExecuteOptions = {},
): ReturnType<Crm["execute"]> {
  const reply = await deps.crm.execute(identity, line, options);
  await deps.locales.afterCommand(identity, line);
  return reply;
}

function isLang(line: string): boolean {
  try {
    return parseCommand(line).name === "lang";
  } catch {
    return false;
  }
}

function key(teamId: string, userId: string): string {
  return `${teamId}:${userId}`;
}
