import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { messageContent } from "../support/fake-feishu-api.ts";
import { useFakeMessengers } from "../support/fake-messengers.ts";
import { messageEvent, postWebhook, webhookRequest } from "../support/feishu-webhook.ts";
import { sign } from "../slack/harness.ts";
import { useBuiltBot } from "../support/built-bot.ts";

const built = useBuiltBot("bot");
const SLACK_SECRET = "process-test-signing-secret";
const FEISHU = { encryptKey: "process-test-encrypt-key", verificationToken: "process-test-token" };
const dataDir = mkdtempSync(join(tmpdir(), "crm-bot-"));
const fakes = useFakeMessengers();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe("npm start with Slack (HTTP mode) and Feishu (webhook) configured", () => {
  it("serves both on one PORT, answers each platform, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const bot = built.spawn("main", [], {
      DATA_DIR: dataDir, PORT: String(port), CRM_LOCALE: "en",
      SLACK_BOT_TOKEN: "xoxb-process", SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_API_URL: fakes.slack.apiUrl,
      FEISHU_APP_ID: "cli_process", FEISHU_APP_SECRET: "secret", FEISHU_MODE: "webhook", FEISHU_DOMAIN: fakes.feishu.url,
      FEISHU_ENCRYPT_KEY: FEISHU.encryptKey, FEISHU_VERIFICATION_TOKEN: FEISHU.verificationToken,
    });
    let stderr = "";
    bot.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => bot.on("exit", (code) => resolve(code)));
    const base = `http://127.0.0.1:${port}`;
    const until = Date.now() + 75_000; // PGlite and the migrations start slowly on a loaded machine
    while (!stderr.includes(`HTTP :${port}`)) {
      if (Date.now() > until || bot.exitCode !== null) throw new Error(`the bot did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(stderr).toContain("slack · feishu · HTTP :");
    expect(await (await fetch(`${base}/healthz`)).text()).toBe("ok");

    // Slack: a signed slash command; the answer goes to its response_url.
    const body = new URLSearchParams({
      command: "/prospect", text: "add ProcessCo", user_id: "U_P", user_name: "p", team_id: "T_P", channel_id: "C_P",
      response_url: fakes.slack.responseUrl("r1"), trigger_id: "trig", api_app_id: "A1", team_domain: "t", channel_name: "sales",
    }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const ack = await fetch(`${base}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": String(ts), "x-slack-signature": sign(body, ts, SLACK_SECRET) },
      body,
    });
    expect(ack.status).toBe(200);
    expect((await fakes.slack.waitForResponse("r1", { timeoutMs: 15_000 })).body.text).toBe("Added #1 ProcessCo.");

    // Feishu: an encrypted, signed message event; the answer is sent through the Open API.
    const event = messageEvent({ tenantKey: "tenant-p", openId: "ou_p", chatId: "oc_p", text: "客户 新增 进程公司", token: FEISHU.verificationToken });
    const posted = await postWebhook(`${base}/feishu/events`, webhookRequest(event, FEISHU));
    expect(posted.status).toBe(200);
    await fakes.feishu.waitFor(() => fakes.feishu.sentMessages().length > 0, 15_000);
    expect(JSON.stringify(messageContent(fakes.feishu.sentMessages()[0]!))).toContain("进程公司");

    bot.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 90_000);
});
