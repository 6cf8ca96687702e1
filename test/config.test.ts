import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

function error(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("defaults to the console on the embedded database", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ databaseUrl: undefined, dataDir: "./data", port: 3000, slack: undefined, feishu: undefined, consoleEnabled: false });
    expect(config.jobs).toEqual({ morningDigestAt: "09:00", weeklySummaryCron: "0 9 * * 1" });
    expect(config.console).toMatchObject({ userId: "local", locale: "zh-CN", timeZone: "Asia/Shanghai" });
  });

  it("enables a platform only with both of its credentials, and names the missing one", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }).slack).toEqual({ botToken: "xoxb-1", signingSecret: "s", appToken: undefined, apiUrl: undefined });
    expect(error({ SLACK_BOT_TOKEN: "xoxb-1" })).toContain("SLACK_SIGNING_SECRET is not set, but SLACK_BOT_TOKEN is");
    expect(error({ FEISHU_APP_SECRET: "x" })).toContain("FEISHU_APP_ID is not set, but FEISHU_APP_SECRET is");
  });

  it("refuses a Feishu webhook nobody has to prove they are Feishu to call", () => {
    const base = { FEISHU_APP_ID: "cli_1", FEISHU_APP_SECRET: "s", FEISHU_MODE: "webhook" };
    expect(error(base)).toContain("FEISHU_MODE=webhook needs FEISHU_ENCRYPT_KEY (recommended) or FEISHU_VERIFICATION_TOKEN");
    expect(loadConfig({ ...base, FEISHU_ENCRYPT_KEY: "k" }).feishu).toMatchObject({ mode: "webhook", encryptKey: "k" });
    expect(loadConfig({ FEISHU_APP_ID: "cli_1", FEISHU_APP_SECRET: "s" }).feishu).toMatchObject({ mode: "ws", domain: "feishu" });
  });

  it("names each bad variable and what it expects", () => {
    const message = error({ DATABASE_URL: "mysql://x", MORNING_DIGEST_AT: "9am", WEEKLY_SUMMARY_CRON: "sometimes", PORT: "http", FEISHU_MODE: "pigeon" });
    expect(message).toContain("DATABASE_URL must be a postgresql:// URL");
    expect(message).toContain("MORNING_DIGEST_AT must be a time of day as HH:mm");
    expect(message).toContain("WEEKLY_SUMMARY_CRON must be a cron expression");
    expect(message).toContain("PORT must be a port number");
    expect(message).toContain("FEISHU_MODE must be ws or webhook");
  });

  it("takes a weekly schedule node-cron accepts, and refuses one with a field out of range", () => {
    expect(loadConfig({ WEEKLY_SUMMARY_CRON: "30 17 * * 5" }).jobs.weeklySummaryCron).toBe("30 17 * * 5");
    expect(loadConfig({ WEEKLY_SUMMARY_CRON: "*/15 8-18 * * 1-5" }).jobs.weeklySummaryCron).toBe("*/15 8-18 * * 1-5");
    expect(error({ WEEKLY_SUMMARY_CRON: "0 25 * * 1" })).toContain("WEEKLY_SUMMARY_CRON must be a cron expression");
  });

  it("takes the console language from CRM_LOCALE, else LANG", () => {
    expect(loadConfig({ LANG: "en_US.UTF-8" }).console).toMatchObject({ locale: "en", localeOverride: undefined });
    expect(loadConfig({ LANG: "en_US.UTF-8", CRM_LOCALE: "zh-CN" }).console).toMatchObject({ locale: "zh-CN", localeOverride: "zh-CN" });
  });
});
