import type { IncomingMessage, ServerResponse } from "node:http";

/** Neither platform sends more than this in one request; anything bigger is refused with 413. */
export const MAX_BODY_BYTES = 1_000_000;

export class BodyError extends Error {
  constructor(readonly status: 400 | 413, message: string) {
    super(message);
  }
}

/** The request body as text. Past the limit the rest is read and dropped, so the 413 can still be answered. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on("end", () => (size > limit ? reject(new BodyError(413, "body too large")) : resolve(Buffer.concat(chunks).toString("utf8"))));
    req.on("error", () => reject(new BodyError(400, "the request was cut off")));
  });
}

/** Answers once; later calls (a fallback racing the real answer) do nothing. */
export function send(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent || res.destroyed) return;
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  if (typeof body === "string") {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(body);
    return;
  }
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}
