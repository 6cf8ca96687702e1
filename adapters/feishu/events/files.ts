import { z } from "zod";
import { IMPORT_LIMITS } from "../../../src/import/limits.ts";
import { SendError } from "../../../src/ports/outbound.ts";
import type { OutputFile, Reply } from "../../../src/reply.ts";
import type { FeishuFilesApi } from "../api/files-api.ts";
import { renderReply } from "../cards/render-card.ts";
import type { MessageHandlerDeps } from "./message-handler.ts";
import { feishuProgress } from "./progress.ts";

const fileEventSchema = z.object({
  tenant_key: z.string().min(1),
  sender: z.object({ sender_id: z.object({ open_id: z.string().min(1) }), sender_type: z.string().optional() }),
  message: z.object({
    message_id: z.string().min(1),
    chat_id: z.string().min(1),
    chat_type: z.literal("p2p"),
    message_type: z.literal("file"),
    content: z.string(),
  }),
});

const fileContentSchema = z.object({ file_key: z.string().min(1), file_name: z.string().optional() });

export interface FileMessage {
  messageId: string;
  chatId: string;
  tenantKey: string;
  openId: string;
  fileKey: string;
  fileName: string;
}

/**
 * A file a person sent the bot in their direct chat: an import. A file in a group is the
 * group's business, not a request to the bot (it could not tell it was addressed anyway).
 */
export function parseFileMessage(data: unknown): FileMessage | undefined {
  const parsed = fileEventSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const { message, sender, tenant_key } = parsed.data;
  if (sender.sender_type !== undefined && sender.sender_type !== "user") return undefined;
  let content: unknown;
  try {
    content = JSON.parse(message.content);
  } catch {
    return undefined;
  }
  const file = fileContentSchema.safeParse(content);
  if (!file.success) return undefined;
  return {
    messageId: message.message_id, chatId: message.chat_id, tenantKey: tenant_key, openId: sender.sender_id.open_id,
    fileKey: file.data.file_key, fileName: file.data.file_name ?? "file",
  };
}

/**
 * Downloads the file through the message resource API, runs its dry run and answers in the
 * chat. Keyed on the message id like a typed command, so a re-push writes nothing twice.
 * False when the answer could not be sent for a reason a retry may fix.
 */
export async function answerFile(deps: MessageHandlerDeps & { files: FeishuFilesApi }, file: FileMessage): Promise<boolean> {
  const identity = await deps.people.identity(file.tenantKey, file.openId, { chatId: file.chatId });
  let bytes: Uint8Array;
  try {
    bytes = await deps.files.download(file.messageId, file.fileKey, IMPORT_LIMITS.maxFileBytes);
  } catch (error) {
    deps.logger.error(`feishu: could not download the file of message ${file.messageId}`, error instanceof Error ? error.message : error);
    return !(error instanceof SendError && error.retryable);
  }
  const progress = feishuProgress(deps.api, deps.logger, { type: "chat_id", id: file.chatId }, file.messageId);
  const reply = await deps.crm.execute(identity, "import", { dedupeKey: `feishu:msg:${file.messageId}`, files: [{ name: file.fileName, bytes }], onProgress: progress.push });
  await progress.settled();
  const locale = await deps.people.localeOf(identity);
  const content = JSON.stringify(renderReply(reply, { locale, privateChat: true }));
  try {
    await deps.api.send("chat_id", file.chatId, { msgType: "interactive", content }, `reply:${file.messageId}`);
    return true;
  } catch (error) {
    deps.logger.error(`feishu: could not answer file message ${file.messageId}`, error instanceof Error ? error.message : error);
    return !(error instanceof SendError && error.retryable);
  }
}

/**
 * A reply's files (an export) go to the person by direct message, whichever chat asked: an
 * export holds customers a group must not see. Each send carries a uuid from the asking
 * message, so a re-push shows the file once.
 */
export async function sendReplyFiles(deps: MessageHandlerDeps & { files: FeishuFilesApi }, openId: string, messageId: string, reply: Reply): Promise<void> {
  // Images go with the card (send-files.ts); the rest (an export) privately, as file messages.
  const files: readonly OutputFile[] = (reply.files ?? []).filter((f) => !f.mimeType.startsWith("image/"));
  for (const [i, file] of files.entries()) {
    try {
      const fileKey = await deps.files.upload(file.name, file.data);
      await deps.api.send("open_id", openId, { msgType: "file", content: JSON.stringify({ file_key: fileKey }) }, `file:${messageId}:${i}`);
    } catch (error) {
      deps.logger.error(`feishu: could not send ${file.name} to ${openId}`, error instanceof Error ? error.message : error);
    }
  }
}
