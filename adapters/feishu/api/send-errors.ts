import { SendError } from "../../../src/ports/outbound.ts";

/**
 * Feishu's "slow down" codes (HTTP 429 aside): 99991400 is the Open API's generic frequency
 * limit ("request trigger frequency limit" in the server error-code list), 230020 the message
 * API's, 11232 the older message-send one.
 */
const RATE_LIMITED = new Set([99991400, 230020, 11232]);

/** Feishu's own transient failures ("internal error, try again"). */
const TRANSIENT = new Set([99991200, 99991203, 230003, 1000004, 1000005]);

/** What a failed Open API call looks like, whichever way the SDK surfaced it. */
interface FailureShape {
  status?: number;
  code?: number;
  message: string;
  headers: Record<string, unknown>;
  network: boolean;
}

/**
 * Turns any failure of an Open API call into a SendError: retryable for rate limits, 5xx,
 * timeouts and lost connections (with the wait Feishu asked for, from `x-ogw-ratelimit-reset`
 * or `Retry-After`), permanent for everything the same request would hit again — no permission
 * (99991401, 99991672, 230027…), bad content (230001, 230025, 230099…), a user who left.
 */
export function toSendError(error: unknown, what: string): SendError {
  if (error instanceof SendError) return error;
  const f = shapeOf(error);
  const label = `${what} failed: ${f.code !== undefined ? `code ${f.code}, ` : ""}${f.status !== undefined ? `HTTP ${f.status}, ` : ""}${f.message}`;
  const rateLimited = f.status === 429 || (f.code !== undefined && RATE_LIMITED.has(f.code));
  if (rateLimited) return new SendError(label, true, retryAfterMs(f.headers), true);
  if (f.code !== undefined && TRANSIENT.has(f.code)) return new SendError(label, true);
  if (f.status !== undefined && f.status >= 500) return new SendError(label, true, retryAfterMs(f.headers));
  if (f.status === undefined && f.code === undefined && f.network) return new SendError(label, true);
  return new SendError(label, false);
}

/** A response body with a non-zero `code` (Feishu sometimes answers HTTP 200 with one). */
export function bodyError(body: unknown, what: string): SendError | undefined {
  if (!body || typeof body !== "object") return undefined;
  const { code, msg } = body as { code?: unknown; msg?: unknown };
  if (typeof code !== "number" || code === 0) return undefined;
  return toSendError({ response: { status: 200, data: { code, msg }, headers: {} } }, what);
}

function shapeOf(error: unknown): FailureShape {
  const e = (error ?? {}) as {
    response?: { status?: number; data?: { code?: unknown; msg?: unknown }; headers?: Record<string, unknown> };
    code?: unknown;
    message?: unknown;
    isAxiosError?: unknown;
  };
  const message = String(e.response?.data?.msg ?? e.message ?? error);
  const dataCode = e.response?.data?.code;
  // The SDK's token request throws a plain Error naming the code ("failed to get …, code: 10014").
  const tokenCode = /failed to get \w+, code: (\d+)/.exec(message)?.[1];
  const code = typeof dataCode === "number" ? dataCode : tokenCode ? Number(tokenCode) : undefined;
  // Timeouts, refused or reset connections: no answer at all, so trying again may work.
  const network = (typeof e.code === "string" && /^(E[A-Z]+|ERR_[A-Z_]+)$/.test(e.code)) || (e.isAxiosError === true && !e.response);
  return {
    ...(e.response?.status !== undefined ? { status: e.response.status } : {}),
    ...(code !== undefined ? { code } : {}),
    message,
    headers: e.response?.headers ?? {},
    network,
  };
}

function retryAfterMs(headers: Record<string, unknown>): number | undefined {
  const header = (name: string) => {
    const value = headers[name] ?? headers[name.toLowerCase()];
    return typeof value === "string" || typeof value === "number" ? Number(value) : NaN;
  };
  const reset = header("x-ogw-ratelimit-reset");
  if (Number.isFinite(reset) && reset >= 0) return Math.ceil(reset * 1000);
  const retryAfter = header("retry-after");
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return Math.ceil(retryAfter * 1000);
  return undefined;
}
