import type { IncomingMessage, ServerResponse } from "node:http";
import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import type { Logger } from "../../src/logger.ts";
import type { HttpRoute } from "../adapter.ts";
import { BodyError, readBody, send } from "../shared/read-body.ts";
import { newRequestId, withRequestId } from "../shared/request-context.ts";
import { describeError } from "./slack-logger.ts";
import { classifySlackBody } from "./classify-payload.ts";
import { parseSlackBody } from "./parse-request.ts";
import { verifySlackRequest } from "./verify-request.ts";

/**
 * Slack's HTTP mode, in place of Bolt's HTTPReceiver — whose request handler runs in a promise
 * nobody awaits, so one signed `payload=null` took the whole process down. Here every step is
 * awaited and every failure answered: 413 too big, 401 unsigned or stale (5 minutes either
 * way), 400 not what Slack sends, 200 for the rest — at once for what the app ignores, through
 * Bolt's listeners for what it handles. Each request gets an id that its log lines carry.
 */
export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;

  constructor(
    private readonly options: { signingSecret: string; path: string; logger: Logger; now?: () => number },
  ) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  route(): HttpRoute {
    return { method: "POST", path: this.options.path, handle: (req, res) => withRequestId(newRequestId(), () => this.handle(req, res)) };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { logger } = this.options;
    let raw: string;
    try {
      raw = await readBody(req);
    } catch (error) {
      const status = error instanceof BodyError ? error.status : 400;
      logger.warn(`slack: request refused (${status}): ${describeError(error)}`);
      return send(res, status);
    }
    const verified = verifySlackRequest(raw, req.headers, this.options.signingSecret, (this.options.now ?? Date.now)());
    if (!verified.ok) {
      logger.warn(`slack: request refused (401): ${verified.reason}`);
      return send(res, 401);
    }
    const parsed = parseSlackBody(raw, req.headers["content-type"]);
    if (!parsed.ok) {
      logger.warn(`slack: request refused (400): ${parsed.reason}`);
      return send(res, 400);
    }
    const { body } = parsed;
    if (body.ssl_check === "1") return send(res, 200);
    if (body.type === "url_verification") return send(res, 200, { challenge: typeof body.challenge === "string" ? body.challenge : "" });
    const verdict = classifySlackBody(body);
    if (verdict.kind === "malformed") {
      logger.warn(`slack: request refused (400): ${verdict.reason}`);
      return send(res, 400);
    }
    if (!this.app) return send(res, 503);
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => send(res, 200, response === undefined || response === "" ? undefined : response),
      ...retryOf(req),
    };
    try {
      await this.app.processEvent(event);
    } catch (error) {
      logger.error("slack: request failed", error);
    } finally {
      send(res, 200);
    }
  }
}

function retryOf(req: IncomingMessage): { retryNum?: number; retryReason?: string } {
  const num = Number(req.headers["x-slack-retry-num"]);
  const reason = req.headers["x-slack-retry-reason"];
  return { ...(Number.isInteger(num) && num >= 0 ? { retryNum: num } : {}), ...(typeof reason === "string" ? { retryReason: reason } : {}) };
}
