import { z } from "zod";
import type { Locale } from "./domain/localized.ts";
import { DEFAULT_TIME_ZONE, isValidTimeZone } from "./format/dates.ts";
import { localeFromTag } from "./i18n/messages.ts";
import { isValidCron } from "./jobs/cron-expression.ts";

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
  port: number;
  jobs: {
    /** HH:mm in each rep's time zone. */
    morningDigestAt: string;
    /** Cron expression in each workspace's time zone. */
    weeklySummaryCron: string;
  };
  slack: { botToken: string; signingSecret: string; appToken: string | undefined; apiUrl: string | undefined } | undefined;
  feishu:
    | { appId: string; appSecret: string; mode: "ws" | "webhook"; domain: string; verificationToken: string | undefined; encryptKey: string | undefined }
    | undefined;
  /** Run the console too when a messenger is configured (it always runs when none is). */
  consoleEnabled: boolean;
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
  PORT: optional.refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) <= 65535), { message: "must be a port number such as 3000" }),
  MORNING_DIGEST_AT: optional.refine((v) => v === undefined || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), {
    message: "must be a time of day as HH:mm, e.g. 09:00",
  }),
  WEEKLY_SUMMARY_CRON: optional.refine((v) => v === undefined || isValidCron(v), {
    message: 'must be a cron expression, e.g. "0 9 * * 1" (Mondays 09:00)',
  }),
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith("xapp-"), { message: "must be an app-level token starting with xapp-" }),
  SLACK_API_URL: optional.refine((v) => v === undefined || /^https?:\/\//.test(v), { message: "must be a URL such as https://slack.com/api/" }),
  FEISHU_APP_ID: optional,
  FEISHU_APP_SECRET: optional,
  FEISHU_MODE: optional.refine((v) => v === undefined || v === "ws" || v === "webhook", { message: "must be ws or webhook" }),
  FEISHU_DOMAIN: optional.refine((v) => v === undefined || v === "feishu" || v === "lark" || /^https?:\/\//.test(v), {
    message: "must be feishu, lark or a base URL",
  }),
  FEISHU_VERIFICATION_TOKEN: optional,
  FEISHU_ENCRYPT_KEY: optional,
  CRM_CONSOLE: optional.refine((v) => v === undefined || /^(0|1|true|false)$/.test(v), { message: "must be 1 or 0" }),
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
  const pairs: [string, string | undefined, string, string | undefined][] = [
    ["SLACK_BOT_TOKEN", e.SLACK_BOT_TOKEN, "SLACK_SIGNING_SECRET", e.SLACK_SIGNING_SECRET],
    ["FEISHU_APP_ID", e.FEISHU_APP_ID, "FEISHU_APP_SECRET", e.FEISHU_APP_SECRET],
  ];
  // Half a platform's credentials is a typo, not a choice: say which half is missing.
  const halves = pairs.filter(([, a, , b]) => (a === undefined) !== (b === undefined)).map(([na, a, nb]) => `${a === undefined ? na : nb} is not set, but ${a === undefined ? nb : na} is: set both to enable the platform, or neither`);
  // A webhook anyone can post to would let anyone act as anyone: it needs the app's secret.
  if (e.FEISHU_APP_ID && e.FEISHU_MODE === "webhook" && !e.FEISHU_ENCRYPT_KEY && !e.FEISHU_VERIFICATION_TOKEN) {
    halves.push("FEISHU_MODE=webhook needs FEISHU_ENCRYPT_KEY (recommended) or FEISHU_VERIFICATION_TOKEN, from the app's Events & Callbacks page");
  }
  if (halves.length > 0) throw new ConfigError(`Configuration error:\n  ${halves.join("\n  ")}`);
  const localeOverride = e.CRM_LOCALE ? localeFromTag(e.CRM_LOCALE) : undefined;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR ?? "./data",
    playbook: e.PLAYBOOK,
    port: e.PORT === undefined ? 3000 : Number(e.PORT),
    jobs: { morningDigestAt: e.MORNING_DIGEST_AT ?? "09:00", weeklySummaryCron: e.WEEKLY_SUMMARY_CRON ?? "0 9 * * 1" },
    slack:
      e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET
        ? { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL }
        : undefined,
    feishu:
      e.FEISHU_APP_ID && e.FEISHU_APP_SECRET
        ? {
            appId: e.FEISHU_APP_ID,
            appSecret: e.FEISHU_APP_SECRET,
            mode: (e.FEISHU_MODE ?? "ws") as "ws" | "webhook",
            domain: e.FEISHU_DOMAIN ?? "feishu",
            verificationToken: e.FEISHU_VERIFICATION_TOKEN,
            encryptKey: e.FEISHU_ENCRYPT_KEY,
          }
        : undefined,
    consoleEnabled: e.CRM_CONSOLE === "1" || e.CRM_CONSOLE === "true",
    console: {
      userId: e.CRM_CONSOLE_USER ?? "local",
      locale: localeOverride ?? localeFromTag(e.LANG),
      localeOverride,
      timeZone: e.CRM_TIME_ZONE ?? DEFAULT_TIME_ZONE,
    },
  };
}
