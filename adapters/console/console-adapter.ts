import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Crm } from "../../src/crm/crm.ts";
import type { Identity } from "../../src/crm/identity.ts";
import { renderText } from "./render-text.ts";
import { saveReplyFiles } from "./save-files.ts";

export interface ConsoleOptions {
  crm: Crm;
  identity: Identity;
  input: Readable;
  output: Writable;
  prompt: boolean;
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
      const reply = await crm.execute(identity, line);
      const paths = options.filesDir ? await saveReplyFiles(reply.files, options.filesDir) : [];
      output.write(`${renderText(reply)}${paths.map((p) => `\n→ ${p}`).join("")}\n\n`);
    }
    if (signal?.aborted) break;
    showPrompt();
  }
  rl.close();
}
