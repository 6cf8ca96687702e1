import { webApi } from "@slack/bolt";
import { SendError } from "../../src/ports/outbound.ts";

/** Platform errors that may clear up by themselves; every other platform error is permanent. */
const TRANSIENT = new Set(["ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "timeout"]);

/**
 * A Web API failure as the core's SendError. 429 → retryable, after Retry-After; transient
 * platform errors, 5xx and network failures → retryable; invalid_auth, channel_not_found,
 * not_in_channel, is_archived and the like → not (trying again cannot help).
 */
export function toSendError(error: unknown, what: string): SendError {
  if (error instanceof SendError) return error;
  const coded = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
  switch (coded.code) {
    case webApi.ErrorCode.RateLimitedError:
      return new SendError(`${what}: rate limited`, true, Math.max(0, (coded.retryAfter ?? 1) * 1000), true);
    case webApi.ErrorCode.PlatformError: {
      const reason = coded.data?.error ?? "unknown_error";
      return new SendError(`${what}: ${reason}`, TRANSIENT.has(reason));
    }
    case webApi.ErrorCode.HTTPError: {
      const status = coded.statusCode ?? 0;
      return new SendError(`${what}: HTTP ${status}`, status >= 500 || status === 408);
    }
    case webApi.ErrorCode.RequestError:
      return new SendError(`${what}: ${coded.message ?? "request failed"}`, true);
    default:
      return new SendError(`${what}: ${error instanceof Error ? error.message : String(error)}`, true);
  }
}

export function platformErrorOf(error: unknown): string | undefined {
  const coded = error as { code?: string; data?: { error?: string } };
  return coded.code === webApi.ErrorCode.PlatformError ? coded.data?.error : undefined;
}
