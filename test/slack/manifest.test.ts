import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const DIR = fileURLToPath(new URL("../../adapters/slack/", import.meta.url));
const manifest = JSON.parse(readFileSync(`${DIR}manifest.json`, "utf8"));
const sources = readdirSync(DIR).filter((f) => f.endsWith(".ts")).map((f) => [f, readFileSync(`${DIR}${f}`, "utf8")] as const);
const code = sources.map(([, text]) => text).join("\n");

describe("the Slack app manifest", () => {
  it("declares /prospect, interactivity and the events on Bolt's endpoint, and the Home tab", () => {
    expect(manifest.features.slash_commands).toMatchObject([{ command: "/prospect", url: "https://YOUR-HOST/slack/events", should_escape: true }]);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: "https://YOUR-HOST/slack/events" });
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_home_opened", "message.im", "file_shared"]);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it("asks for the scope of every Web API method the adapter calls, and no more", () => {
    // conversations.history: a resumed job send checks a DM, a public or a private channel for its earlier message.
    const needs: Record<string, string[]> = {
      "chat.postMessage": ["chat:write"], "chat.postEphemeral": ["chat:write"], "conversations.open": ["im:write"],
      "conversations.history": ["im:history", "channels:history", "groups:history"], "users.info": ["users:read"], "files.uploadV2": ["files:write"],
      "files.info": ["files:read"],
    };
    const called = [...code.matchAll(/\.(chat|conversations|users|files|views|auth)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`);
    expect(new Set(called).size).toBeGreaterThanOrEqual(8);
    const scopes = new Set<string>(manifest.oauth_config.scopes.bot);
    for (const method of new Set(called)) {
      if (method.startsWith("views.") || method === "auth.test") continue; // no scope needed
      expect(needs[method], `scope for ${method}`).toBeDefined();
      for (const scope of needs[method]!) expect(scopes.has(scope), `${method} needs ${scope}`).toBe(true);
    }
    // commands for /prospect, im:history for message.im too, chat:write.public to post the summary in a channel the bot has not joined.
    expect([...scopes].sort()).toEqual([
      "channels:history", "chat:write", "chat:write.public", "commands", "files:read", "files:write", "groups:history", "im:history", "im:write", "users:read",
    ]);
  });
});

describe("the adapter's boundaries", () => {
  it("imports Slack only through @slack/bolt, and of the app only the core, the adapter contract and the adapters' shared helpers", () => {
    const offenders: string[] = [];
    for (const [file, text] of sources) {
      for (const [, target] of text.matchAll(/from\s+["']([^"']+)["']/g)) {
        const allowed = /^(@slack\/bolt|zod|node:.+)$/.test(target!) || /^\.\/[\w-]+\.ts$/.test(target!) || /^\.\.\/\.\.\/src\//.test(target!) || target === "../adapter.ts" || /^\.\.\/shared\/[\w-]+\.ts$/.test(target!);
        if (!allowed) offenders.push(`${file} → ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("keeps every file small", () => {
    const long = sources.filter(([, text]) => text.split("\n").length > 250).map(([f]) => f);
    expect(long).toEqual([]);
  });
});
