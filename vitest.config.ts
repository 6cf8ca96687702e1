import { configDefaults, defineConfig } from "vitest/config";

// Tests run on embedded PGlite by default and on PostgreSQL when DATABASE_URL is set
// (.ci/run does both). Each test file gets its own database, cloned from one migrated once.
//
// The console process tests spawn `npm start`/`npm run job` with no DATABASE_URL: they test the
// embedded database a fresh clone runs on, whatever database the suite is given. On the
// PostgreSQL run they would repeat the PGlite run's work unchanged (a fifth of its time), so
// they run on the PGlite run only.
const EMBEDDED_ONLY = ["test/console/console.test.ts", "test/console/job-command.test.ts", "test/console/bot-process.test.ts"];

// One process runs many test files (isolate: false): loading the ORM, the SDKs and our modules
// again for each of ~100 files was a third of the run. Nothing here keeps state between files
// beyond pure caches — each file opens its own database and servers and closes them.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: [...configDefaults.exclude, ...(process.env.DATABASE_URL ? EMBEDDED_ONLY : [])],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    isolate: false,
  },
});
