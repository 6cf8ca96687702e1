import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Crm } from "../../src/crm/crm.ts";
import type { Identity } from "../../src/crm/identity.ts";
import { consoleRequest, saveReplyFiles } from "./console-files.ts";
import { renderText } from "./render-text.ts";

export interface ConsoleOptions {
  crm: Crm;
  identity: Identity;
  input: Readable;
  output: Writable;
  prompt: boolean;
  /** Where `export` files are written (DATA_DIR/exports). */
  exportDir?: string;
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
      const reply = await crm.execute(identity, request.line, request.options);
      const saved = await saveReplyFiles(reply, options.exportDir ?? "exports");
      output.write(`${[renderText(reply), ...saved.map((path) => `→ ${path}`)].join("\n")}\n\n`);
    }
    if (signal?.aborted) break;
    showPrompt();
  }
  rl.close();
}
