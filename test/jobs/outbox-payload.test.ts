import { describe, expect, it } from "vitest";
import { fromStoredPayload, toStoredPayload } from "../../src/jobs/outbox-payload.ts";
import type { Reply } from "../../src/reply.ts";

const reply = (over: Partial<Reply> = {}): Reply => ({ ok: true, ephemeral: false, text: "Weekly summary", cards: [], ...over });
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);

describe("a message as the outbox stores it", () => {
  it("keeps a reply without files as it is", () => {
    const plain = reply();
    expect(toStoredPayload(plain)).toBe(plain);
    expect(toStoredPayload(reply({ files: [] }))).toEqual(reply({ files: [] }));
    expect(fromStoredPayload(plain)).toBe(plain);
  });

  it("stores a file's bytes as base64 text, which survives JSON, and reads them back as the same bytes", () => {
    const withChart = reply({ files: [{ name: "funnel.png", mimeType: "image/png", data: png }] });
    const stored = toStoredPayload(withChart);
    expect(stored).toEqual({ ...reply(), files: [{ name: "funnel.png", mimeType: "image/png", base64: "iVBORwD/" }] });
    const back = fromStoredPayload(JSON.parse(JSON.stringify(stored)));
    expect(back).toEqual(withChart);
    expect(Buffer.isBuffer(back.files![0]!.data)).toBe(true);
  });

  it("reads a file that is already bytes as it is", () => {
    const file = { name: "list.csv", mimeType: "text/csv", data: Buffer.from("a,b\n") };
    expect(fromStoredPayload(reply({ files: [file] })).files![0]).toBe(file);
  });

  it("reads a missing payload as missing", () => {
    expect(fromStoredPayload(null)).toBeNull();
    expect(fromStoredPayload(undefined)).toBeUndefined();
  });
});
