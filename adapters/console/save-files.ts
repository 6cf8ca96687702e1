import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ReplyFile } from "../../src/reply.ts";

/**
 * The console cannot show an image: it writes each file under `dir` (DATA_DIR/reports) with a
 * time-stamped name, so a report asked twice keeps both, and returns the paths to print.
 */
export async function saveReplyFiles(files: ReplyFile[] | undefined, dir: string, now = new Date()): Promise<string[]> {
  if (!files?.length) return [];
  await mkdir(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.(\d+)Z$/, "$1");
  const paths: string[] = [];
  for (const file of files) {
    const path = join(dir, `${stamp}-${file.name.replace(/[^\w.-]+/g, "_")}`);
    await writeFile(path, file.data);
    paths.push(path);
  }
  return paths;
}
