import type { ServerResponse } from "node:http";
import type { EventDispatcher } from "@larksuiteoapi/node-sdk";
import type { HttpRoute } from "../../adapter.ts";
import type { FeishuLogger } from "../api/lark-client.ts";
import { BodyError, readBody } from "../../shared/read-body.ts";
import { newRequestId, withRequestId } from "../../shared/request-context.ts";
import { verifyWebhook, type WebhookSecrets } from "./verify.ts";

/**
 * `POST /feishu/events`: message events and card callbacks on one path. The request is checked
 * here (the SDK's `adaptDefault` would throw on a body that does not decrypt and cannot answer
 * with a status), then handed to the SDK's dispatcher, whose handler's value is the answer — the
 * card callback's toast and card, or nothing for an event, which is acknowledged at once.
 */
export function webhookRoute(path: string, dispatcher: EventDispatcher, secrets: WebhookSecrets, logger: FeishuLogger, now: () => number = Date.now): HttpRoute {
  return {
    method: "POST",
    path,
    handle: (req, res) => withRequestId(newRequestId(), async () => {
      let raw: string;
      try {
        raw = await readBody(req);
      } catch (error) {
        const status = error instanceof BodyError ? error.status : 400;
        logger.warn(`feishu: webhook request refused (${status}): unreadable body`);
        return sendJson(res, status, { error: "unreadable body" });
      }
      const verified = verifyWebhook(raw, req.headers, secrets, now);
      if (verified.kind === "rejected") {
        logger.warn(`feishu: webhook request refused (${verified.status}): ${verified.reason}`);
        return sendJson(res, verified.status, { error: verified.reason });
      }
      if (verified.kind === "challenge") return sendJson(res, 200, { challenge: verified.challenge });
      try {
        // Verified above (against the raw body); the SDK decrypts and dispatches.
        const data = Object.assign(Object.create({ headers: req.headers }) as object, verified.body);
        const result: unknown = await dispatcher.invoke(data, { needCheck: false });
        sendJson(res, 200, result && typeof result === "object" ? result : {});
      } catch (error) {
        logger.error("feishu: webhook handler failed", error);
        sendJson(res, 500, { error: "internal error" });
      }
    }),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}
