import type { FeishuApi } from "../api/feishu-api.ts";

const RETRY_AFTER_MS = 5 * 60_000;

/**
 * The bot's own open_id, asked once (`bot/v3/info`) and remembered; after a failure it is asked
 * again a few minutes later, and meanwhile mentions are told apart without it.
 */
export class BotIdentity {
  private openId: string | undefined;
  private pending: Promise<string | undefined> | undefined;
  private failedAt = 0;

  constructor(private readonly api: FeishuApi, known?: string) {
    this.openId = known;
  }

  async get(): Promise<string | undefined> {
    if (this.openId) return this.openId;
    if (Date.now() - this.failedAt < RETRY_AFTER_MS) return undefined;
    this.pending ??= this.api
      .botOpenId()
      .then((id) => {
        this.openId = id;
        if (!id) this.failedAt = Date.now();
        return id;
      })
      .catch(() => {
        this.failedAt = Date.now();
        return undefined;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}
