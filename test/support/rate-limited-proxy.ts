import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { closeServer } from "./close-server.ts";

/**
 * A clock the delivery loop sleeps on without waiting: `sleep(ms)` moves it forward. Rate
 * limits are then checked in simulated time, so minutes of paced sending take seconds.
 */
export function simulatedClock(start: Date) {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    sleep: async (ms: number) => {
      const until = at + ms;
      await Promise.resolve();
      at = Math.max(at, until);
    },
    elapsedMs: () => at - start.getTime(),
  };
}

/** One platform's limits on sending, as its documentation (or experience) gives them. */
export interface SendLimits {
  /** Which requests are sends, and to which channel (a DM, a chat). */
  sendTo(method: string, path: string, body: string): string | undefined;
  perChannel: { max: number; windowMs: number };
  /** Over every channel of the workspace (Slack) or app (Feishu); the strictest applies. */
  overall: { max: number; windowMs: number }[];
  /** How the platform says "too fast". */
  tooFast(retryAfterSeconds: number): { status: number; headers: Record<string, string>; body: unknown };
}

export const SLACK_LIMITS: SendLimits = {
  sendTo: (_method, path, body) => (path.endsWith("/chat.postMessage") ? channelOf(body) : undefined),
  perChannel: { max: 1, windowMs: 1_000 },
  // Slack does not publish its workspace cap; an enterprise bot that DMs at scale documents 525 a minute.
  overall: [{ max: 525, windowMs: 60_000 }],
  tooFast: (s) => ({ status: 429, headers: { "retry-after": String(s) }, body: { ok: false, error: "ratelimited" } }),
};

export const FEISHU_LIMITS: SendLimits = {
  sendTo: (method, path, body) => (method === "POST" && path.startsWith("/open-apis/im/v1/messages") ? receiverOf(body) : undefined),
  perChannel: { max: 5, windowMs: 1_000 },
  overall: [{ max: 50, windowMs: 1_000 }, { max: 1_000, windowMs: 60_000 }],
  tooFast: (s) => ({ status: 429, headers: { "x-ogw-ratelimit-reset": String(s) }, body: { code: 99991400, msg: "request trigger frequency limit" } }),
};

/**
 * Stands between an SDK and a fake platform API and enforces sending limits in a (simulated)
 * clock's time: sliding windows per channel and overall; a send over a limit is answered "too
 * fast" with the wait until the window has room, and never reaches the fake. Everything else
 * passes through unchanged.
 */
export class RateLimitedProxy {
  private server: Server | undefined;
  private readonly perChannel = new Map<string, number[]>();
  private readonly overall: number[][];
  refused = 0;
  accepted = 0;

  constructor(
    private readonly target: string,
    private readonly limits: SendLimits,
    private readonly now: () => Date,
  ) {
    this.overall = limits.overall.map(() => []);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req)
        .then(({ status, headers, body }) => res.writeHead(status, headers).end(body))
        .catch((error) => res.writeHead(502).end(String(error)));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", () => resolve()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await closeServer(server);
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body: string | Buffer }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = req.url ?? "/";
    const channel = this.limits.sendTo(req.method ?? "GET", path, body.toString("utf8"));
    if (channel !== undefined) {
      const wait = this.admit(channel, this.now().getTime());
      if (wait > 0) {
        this.refused++;
        const answer = this.limits.tooFast(Math.ceil(wait / 1000));
        return { status: answer.status, headers: { ...answer.headers, "content-type": "application/json" }, body: JSON.stringify(answer.body) };
      }
      this.accepted++;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host" && k !== "content-length") headers[k] = v;
    const response = await fetch(`${this.target}${path}`, { method: req.method ?? "GET", headers, ...(body.length > 0 ? { body } : {}) });
    const out: Record<string, string> = {};
    response.headers.forEach((v, k) => {
      if (k !== "content-length" && k !== "transfer-encoding" && k !== "content-encoding") out[k] = v;
    });
    return { status: response.status, headers: out, body: Buffer.from(await response.arrayBuffer()) };
  }

  /** 0 when the send is within every window (and is counted), else how long until it would be. */
  private admit(channel: string, at: number): number {
    const windows = [{ log: this.perChannel.get(channel) ?? [], ...this.limits.perChannel }, ...this.overall.map((log, i) => ({ log, ...this.limits.overall[i]! }))];
    let wait = 0;
    for (const w of windows) {
      while (w.log.length > 0 && w.log[0]! <= at - w.windowMs) w.log.shift();
      if (w.log.length >= w.max) wait = Math.max(wait, w.log[w.log.length - w.max]! + w.windowMs - at);
    }
    if (wait > 0) return wait;
    for (const w of windows) w.log.push(at);
    this.perChannel.set(channel, windows[0]!.log);
    return 0;
  }
}

function channelOf(form: string): string | undefined {
  try {
    const json = JSON.parse(form) as { channel?: string };
    return json.channel;
  } catch {
    return new URLSearchParams(form).get("channel") ?? undefined;
  }
}

function receiverOf(json: string): string | undefined {
  try {
    return (JSON.parse(json) as { receive_id?: string }).receive_id ?? "?";
  } catch {
    return "?";
  }
}
