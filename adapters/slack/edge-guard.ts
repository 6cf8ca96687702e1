import type { App, ReceiverEvent } from "@slack/bolt";
import type { Logger } from "../../src/logger.ts";
import { currentRequestId, newRequestId, withRequestId } from "../shared/request-context.ts";
import { describeError } from "./slack-logger.ts";
import { classifySlackBody } from "./classify-payload.ts";
import { normalizeSlackBody } from "./normalize-payload.ts";

/** Past this an unanswered request is acknowledged anyway: Slack gives up at 3 s. */
export const ACK_FALLBACK_MS = 2_500;

/**
 * Puts every body Bolt is handed — by the HTTP route or by Socket Mode — through one gate:
 * what the app does not handle is acknowledged at once and dropped; what it handles is completed
 * (see normalize.ts) and dispatched; whatever a listener throws is logged, never passed on; and
 * whatever happens, Slack gets its ack within `ACK_FALLBACK_MS`.
 */
export function guardProcessEvent(app: App, logger: Logger): void {
  const dispatch = app.processEvent.bind(app);
  // Socket Mode requests get their id here; HTTP ones already have it.
  app.processEvent = (event: ReceiverEvent) => withRequestId(currentRequestId() ?? newRequestId(), () => guarded(event));
  const guarded = async (event: ReceiverEvent) => {
    let acked = false;
    const ack: ReceiverEvent["ack"] = async (response?: unknown) => {
      if (acked) return;
      acked = true;
      await event.ack(response as never);
    };
    const ackQuietly = () => ack().catch((error: unknown) => logger.warn(`slack: could not acknowledge: ${describeError(error)}`));
    const verdict = classifySlackBody(event.body);
    if (verdict.kind !== "handled") {
      await ackQuietly();
      if (verdict.kind === "malformed") logger.warn(`slack: malformed payload acknowledged and dropped: ${verdict.reason}`);
      else logger.info(`slack: ${verdict.what} is not for this app; acknowledged and ignored`);
      return;
    }
    const fallback = setTimeout(() => {
      if (acked) return;
      logger.warn(`slack: ${verdict.what} not acknowledged within ${ACK_FALLBACK_MS} ms; acknowledged now`);
      void ackQuietly();
    }, ACK_FALLBACK_MS);
    try {
      await dispatch({ ...event, body: normalizeSlackBody(event.body), ack });
    } catch (error) {
      logger.error(`slack: ${verdict.what} failed`, error);
    } finally {
      clearTimeout(fallback);
      if (!acked) await ackQuietly();
    }
  };
}
