import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../adapters/logger.ts";
import { withRequestId } from "../../adapters/shared/request-context.ts";

function capture() {
  const stream = new PassThrough();
  const lines: any[] = [];
  stream.on("data", (chunk: Buffer) => chunk.toString().split("\n").filter(Boolean).forEach((l) => lines.push(JSON.parse(l))));
  return { logger: createLogger({ pretty: false, destination: stream }), lines };
}

describe("the log", () => {
  it("writes one JSON object per line with the request id, mobiles masked and secrets blanked", async () => {
    const { logger, lines } = capture();
    withRequestId("r-1", () => logger.info("add 佛山 手机=13800138000 by xoxb-1234-abcd", { text: "call +86 139-1234-5678", signingSecret: "s3cret", nested: { botToken: "xoxb-9" } }));
    logger.child!({ job: "digest" }).error("failed", new Error("mobile 15012345678 refused"));
    await new Promise((r) => setImmediate(r));
    expect(lines[0]).toMatchObject({ level: 30, req: "r-1", msg: "add 佛山 手机=138****8000 by xoxb-***", text: "call +86 139****5678", signingSecret: "***", nested: { botToken: "***" } });
    expect(lines[1]).toMatchObject({ level: 50, job: "digest", msg: "failed", error: { type: "Error", message: "mobile 150****5678 refused" } });
    expect(JSON.stringify(lines)).not.toMatch(/13800138000|15012345678|s3cret|abcd/);
  });
});
