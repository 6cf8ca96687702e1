import { z } from "zod";
import type { Locale } from "./domain/localized.ts";
import { DEFAULT_TIME_ZONE, isValidTimeZone } from "./format/dates.ts";
import { localeFromTag } from "./i18n/messages.ts";

/**
 * Everything the bot reads from its environment, read and checked once at start. Nothing
 * below this reads the environment. Errors name the variable to fix.
 */
export interface Config {
  /** PostgreSQL when set; otherwise the embedded database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** A preset name (default, dealer-4s, opportunity-pipeline) or a path to a YAML/JSON playbook. */
  playbook: string | undefined;
  console: {
    userId: string;
    locale: Locale;
    /** Set when CRM_LOCALE is given explicitly: it then wins over the user's saved choice. */
    localeOverride: Locale | undefined;
    timeZone: string;
  };
}

export class ConfigError extends Error {}

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const envSchema = z.object({
  DATABASE_URL: optional.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: "must be a postgresql:// URL, e.g. postgresql://user@127.0.0.1:5432/crm (or unset it to use the embedded database)",
  }),
  DATA_DIR: optional,
  PLAYBOOK: optional,
  CRM_LOCALE: optional.refine((v) => v === undefined || /^(zh|en)/i.test(v), { message: "must be zh-CN or en" }),
  LANG: optional,
  CRM_TIME_ZONE: optional.refine((v) => v === undefined || isValidTimeZone(v), {
    message: "must be an IANA time zone such as Asia/Shanghai",
  }),
  CRM_CONSOLE_USER: optional.refine((v) => v === undefined || /^[\p{L}\p{N}_.-]{1,40}$/u.test(v), {
    message: "must be a short name of letters, digits, _ . or -",
  }),
});

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Configuration error:\n  ${lines.join("\n  ")}`);
  }
  const e = parsed.data;
  const localeOverride = e.CRM_LOCALE ? localeFromTag(e.CRM_LOCALE) : undefined;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR ?? "./data",
    playbook: e.PLAYBOOK,
    console: {
      userId: e.CRM_CONSOLE_USER ?? "local",
      locale: localeOverride ?? localeFromTag(e.LANG),
      localeOverride,
      timeZone: e.CRM_TIME_ZONE ?? DEFAULT_TIME_ZONE,
    },
  };
}
