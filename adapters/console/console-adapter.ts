import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Crm } from "../../src/crm/crm.ts";
import type { Identity } from "../../src/crm/identity.ts";
import type { Reply } from "../../src/reply.ts";
import { consoleRequest, saveExports } from "./console-files.ts";
import { renderText } from "./render-text.ts";
import { saveReplyFiles as saveImages } from "./save-files.ts";

export interface ConsoleOptions {
  crm: Crm;
  identity: Identity;
  input: Readable;
  output: Writable;
  prompt: boolean;
  /** Where `export` files are written (DATA_DIR/exports). */
  exportDir?: string;
  /** Where images and files of replies are written (DATA_DIR/reports); unset: they are only counted. */
  filesDir?: string;
}

const QUIT = new Set(["exit", "quit", "退出"]);

/**
 * Reads commands line by line (typed or piped) and answers in text. Lines run one at a time,
 * in order, so a piped script behaves like a person typing. Resolves at end of input.
 */
export async function runConsole(options: ConsoleOptions, signal?: AbortSignal): Promise<void> {
  const { crm, identity, input, output } = options;
  const rl = createInterface({ input, terminal: false });
  const showPrompt = () => options.prompt && output.write("> ");
  signal?.addEventListener("abort", () => rl.close(), { once: true });
  showPrompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (QUIT.has(line.toLowerCase())) break;
    if (line) {
      const request = await consoleRequest(line);
      // A long import's progress lines are printed as they come, before its answer.
      const onProgress = (update: Reply) => void output.write(`${renderText(update)}\n`);
      const reply = await crm.execute(identity, request.line, { ...request.options, onProgress });
      // Charts go under DATA_DIR/reports, exports under DATA_DIR/exports.
      const images = (reply.files ?? []).filter((f) => f.mimeType.startsWith("image/"));
      const others = (reply.files ?? []).filter((f) => !f.mimeType.startsWith("image/"));
      const saved = [
        ...(options.filesDir ? await saveImages(images, options.filesDir) : []),
        ...(await saveExports(others, options.exportDir ?? "exports")),
      ];
      output.write(`${[renderText(reply), ...saved.map((path) => `→ ${path}`)].join("\n")}\n\n`);
    }
    if (signal?.aborted) break;
    showPrompt();
  }
  rl.close();
}
