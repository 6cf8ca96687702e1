import type { Writable } from "node:stream";
import type { OutboundMessenger } from "../../src/ports/outbound.ts";
import type { Reply } from "../../src/reply.ts";
import { renderText } from "./render-text.ts";
import { saveReplyFiles } from "./save-files.ts";

/** The console has no one to message: it prints what the jobs would send, and to whom. */
export function consoleOutbound(output: Writable, filesDir?: string): OutboundMessenger {
  let sent = 0;
  const print = (to: string, text: string) => {
    sent++;
    output.write(`── ${to} ──\n${text}\n\n`);
    return { messageId: `console-${sent}` };
  };
  const withFiles = async (reply: Reply) => {
    const paths = filesDir ? await saveReplyFiles(reply.files, filesDir) : [];
    const unsaved = filesDir ? [] : (reply.files ?? []).map((f) => `[${f.name}, ${f.data.length} bytes]`);
    return [renderText(reply), ...paths.map((p) => `→ ${p}`), ...unsaved].join("\n");
  };
  return {
    platform: "console",
    async sendToUser(target, reply) {
      return print(`@${target.userId}`, await withFiles(reply));
    },
    async sendToChannel(target, reply) {
      return print(`#${target.channelId}`, await withFiles(reply));
    },
    async uploadImage(target, image) {
      return print("userId" in target ? `@${target.userId}` : `#${target.channelId}`, `[image ${image.filename}, ${image.data.length} bytes]`);
    },
  };
}
