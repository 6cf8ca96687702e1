import { createHash } from "node:crypto";
import type { webApi } from "@slack/bolt";
import { toSendError } from "./send-errors.ts";
import { platformErrorOf } from "./send-errors.ts";
import { describeError, type AdapterLogger } from "./slack-logger.ts";

/**
 * `funnel.png` sent under outbox key K becomes `funnel-<hash of K>.png`: files.uploadV2 takes no
 * metadata, so the name is what marks the upload as this message's and lets a resumed send find it.
 */
export function keyedFileName(name: string, key: string): string {
  const hash = createHash("sha256").update(key).digest("hex").slice(0, 10);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)}-${hash}${name.slice(dot)}` : `${name}-${hash}`;
}

export interface UploadOnceOptions {
  /** An earlier attempt may have uploaded it: look in the channel's recent history first. */
  check: boolean;
  title?: string;
}

/** Uploads a file into a conversation unless an earlier attempt under the same key already did. */
export async function uploadOnce(
  client: webApi.WebClient,
  logger: AdapterLogger,
  channel: string,
  file: { name: string; data: Buffer },
  key: string,
  options: UploadOnceOptions,
): Promise<string> {
  const filename = keyedFileName(file.name, key);
  if (options.check) {
    const earlier = await findUpload(client, logger, channel, filename);
    if (earlier) return earlier;
  }
  try {
    const result = (await client.files.uploadV2({ channel_id: channel, file: file.data, filename, title: options.title ?? file.name })) as {
      files?: { files?: { id?: string }[] }[];
    };
    return result.files?.[0]?.files?.[0]?.id ?? `${channel}:upload`;
  } catch (error) {
    throw toSendError(error, `files.uploadV2 to ${channel}`);
  }
}

async function findUpload(client: webApi.WebClient, logger: AdapterLogger, channel: string, filename: string): Promise<string | undefined> {
  try {
    const history = await client.conversations.history({ channel, limit: 50 });
    for (const message of history.messages ?? []) {
      const found = (message as { files?: { id?: string; name?: string }[] }).files?.find((f) => f.name === filename);
      if (found) return found.id ?? filename;
    }
    return undefined;
  } catch (error) {
    // As for messages: when we cannot look, a possible duplicate beats a chart never sent.
    logger.warn(`could not check ${channel} for an earlier upload (${platformErrorOf(error) ?? describeError(error)})`);
    return undefined;
  }
}
