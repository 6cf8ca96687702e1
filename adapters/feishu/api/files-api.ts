import type { Readable } from "node:stream";
import type * as lark from "@larksuiteoapi/node-sdk";
import { SendError } from "../../../src/ports/outbound.ts";
import { bodyError, toSendError } from "./send-errors.ts";

/** The Open API calls for files in chat: reading one a person sent, uploading one to send. */
export interface FeishuFilesApi {
  /** The bytes of a file message (`GET /im/v1/messages/:id/resources/:file_key?type=file`). */
  download(messageId: string, fileKey: string, maxBytes: number): Promise<Uint8Array>;
  /** Uploads a file (`POST /im/v1/files`) and returns its file_key, for a `file` message. */
  upload(name: string, bytes: Uint8Array): Promise<string>;
}

export function createFeishuFilesApi(client: lark.Client): FeishuFilesApi {
  return {
    async download(messageId, fileKey, maxBytes) {
      let stream: Readable;
      try {
        const resource = await client.im.v1.messageResource.get({ path: { message_id: messageId, file_key: fileKey }, params: { type: "file" } });
        stream = resource.getReadableStream();
      } catch (error) {
        throw toSendError(error, "message.resource.get");
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of stream) {
        size += (chunk as Buffer).length;
        // Stop reading a file past the import limit: the core refuses it by its size alone.
        if (size > maxBytes) {
          stream.destroy();
          return new Uint8Array(size);
        }
        chunks.push(chunk as Buffer);
      }
      return new Uint8Array(Buffer.concat(chunks));
    },

    async upload(name, bytes) {
      const fileType = name.endsWith(".xlsx") ? "xls" : "stream";
      let body: { file_key?: string } | null;
      try {
        body = await client.im.v1.file.create({ data: { file_type: fileType, file_name: name, file: Buffer.from(bytes) } });
      } catch (error) {
        throw toSendError(error, "file.create");
      }
      const failure = bodyError(body, "file.create");
      if (failure) throw failure;
      if (!body?.file_key) throw new SendError("file.create: no file_key in the answer", false);
      return body.file_key;
    },
  };
}
