import type { Reply, ReplyFile } from "../reply.ts";

/** A file as the outbox stores it: JSON has no bytes, so base64. */
interface StoredFile {
  name: string;
  mimeType: string;
  base64: string;
}

/**
 * The outbox carries the whole message, images included, so a retry or a resumed send delivers
 * exactly what was decided at enqueue time — and the chart is rendered once, not per attempt.
 */
export function toStoredPayload(reply: Reply): object {
  if (!reply.files?.length) return reply;
  return { ...reply, files: reply.files.map((f): StoredFile => ({ name: f.name, mimeType: f.mimeType, base64: f.data.toString("base64") })) };
}

export function fromStoredPayload(payload: unknown): Reply {
  const reply = payload as Reply & { files?: (StoredFile | ReplyFile)[] };
  if (!reply?.files?.length) return reply;
  return {
    ...reply,
    files: reply.files.map((f) => ("base64" in f ? { name: f.name, mimeType: f.mimeType, data: Buffer.from((f as StoredFile).base64, "base64") } : f)),
  };
}
