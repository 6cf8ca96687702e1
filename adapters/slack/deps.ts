import type { types, webApi } from "@slack/bolt";
import type { Crm } from "../../src/crm/crm.ts";
import type { IdentityResolver } from "./identity.ts";
import type { CallerLocales } from "./locales.ts";
import type { RecentKeys } from "../shared/recent-keys.ts";
import type { AdapterLogger } from "./slack-logger.ts";

/** What the Slack handlers share; built once in index.ts. */
export interface SlackDeps {
  crm: Crm;
  /** Web API client for interactive calls (views, replies, users.info). */
  api: webApi.WebClient;
  identities: IdentityResolver;
  /** The language each person chose (`lang`), for the adapter's own words. */
  locales: CallerLocales;
  logger: AdapterLogger;
  /** A message's blocks while its prompt modal is open, so the card can be updated in place after. */
  stash: RecentKeys<(types.KnownBlock | types.Block)[]>;
  /** Event ids being handled or handled lately (Slack retries deliveries). */
  events: RecentKeys<true>;
  /** How long a modal submission waits for the core before answering "working on it" (Slack allows 3 s). */
  submitDeadlineMs: number;
}
