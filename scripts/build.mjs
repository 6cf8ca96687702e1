// `npm run build [-- name]` (run before `npm start` and `npm run job`): the bot and the job
// command as plain JavaScript in dist/<name>/ (dist/bot/ by default), so they run on bare node.
// Transpiling TypeScript at run time (tsx) kept its loader thread and every module's transform
// in memory: ~90 MiB of the idle bot. Tests and benchmarks build under a name of their own.
//
// One bundle of our own code (packages stay in node_modules); each platform adapter is a chunk of
// its own, loaded only when configured. Every file lands directly in dist/<name>/, two levels below
// the repository like src/<dir>/: the paths our code resolves from its own location
// (`../../prisma/migrations/`, `../../playbooks/`) stay right, and the PGlite worker, which runs
// as a file of its own, is copied beside them.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
const name = process.argv[2] ?? "bot";
if (!/^[\w-]+$/.test(name)) throw new Error(`build: "${name}" is not a folder name (letters, digits, - and _)`);
const out = `${root}dist/${name}`;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: ["adapters/main.ts", "adapters/job.ts"],
  outdir: out,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  outExtension: { ".js": ".mjs" },
  logLevel: "warning",
});
copyFileSync(`${root}src/db/pglite-worker.mjs`, `${out}/pglite-worker.mjs`);
