import type { Writable } from "node:stream";
import type { OutboundMessenger } from "../../src/ports/outbound.ts";
import { renderText } from "./render-text.ts";

/** The console has no one to message: it prints what the jobs would send, and to whom. */
export function consoleOutbound(output: Writable): OutboundMessenger {
  let sent = 0;
  const print = (to: string, text: string) => {
    sent++;
    output.write(`── ${to} ──\n${text}\n\n`);
    return { messageId: `console-${sent}` };
  };
  return {
    platform: "console",
    async sendToUser(target, reply) {
      return print(`@${target.userId}`, renderText(reply));
    },
    async sendToChannel(target, reply) {
      return print(`#${target.channelId}`, renderText(reply));
    },
    async uploadImage(target, image) {
      return print("userId" in target ? `@${target.userId}` : `#${target.channelId}`, `[image ${image.filename}, ${image.data.length} bytes]`);
    },
  };
}
