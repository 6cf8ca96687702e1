import { defineConfig } from "prisma/config";

// Prisma 6.19 with the WASM schema engine works offline; the native engine (and Prisma 7)
// would download binaries. `prisma generate` must read the schema even with no database
// configured (the embedded PGlite default), so DATABASE_URL gets a placeholder; it never connects.
const realUrl = process.env.DATABASE_URL;
process.env.DATABASE_URL ??= "postgresql://placeholder@localhost:5432/placeholder";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Used only by developer tooling such as `npm run db:diff`; the app applies migrations itself.
  async adapter() {
    if (realUrl) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: realUrl });
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    // Built against an older driver-adapter-utils: the same contract, different declared types.
    return new PrismaPGlite(new PGlite()) as unknown as InstanceType<typeof import("@prisma/adapter-pg").PrismaPg>;
  },
});
