import type { ReplyFile } from "../../src/reply.ts";
import type { FeishuApi, ReceiveIdType } from "./api/feishu-api.ts";

/**
 * A reply's images, each uploaded (im/v1/images) and sent as an image message after the card.
 * The send's `uuid` is derived from the card's key and the file name, so a retried or resumed
 * send shows each image once; an upload repeated by a retry only leaves an unused image key.
 * Other files wait for a file message of their own (not needed by any reply yet).
 */
export async function sendImages(api: FeishuApi, receiveIdType: ReceiveIdType, receiveId: string, files: ReplyFile[] | undefined, key: string): Promise<void> {
  for (const file of files ?? []) {
    if (!file.mimeType.startsWith("image/")) continue;
    const imageKey = await api.uploadImage(file.data);
    await api.send(receiveIdType, receiveId, { msgType: "image", content: JSON.stringify({ image_key: imageKey }) }, `${key}:${file.name}`);
  }
}
