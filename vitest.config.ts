import { defineConfig } from "vitest/config";

// Tests run on embedded PGlite by default and on PostgreSQL when DATABASE_URL is set
// (.ci/run does both). Each test file gets its own database, cloned from one migrated once.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
