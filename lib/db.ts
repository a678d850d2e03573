import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { config } from "@/lib/config";
import { onShutdown } from "@/lib/lifecycle";
import { describePostgresUrl } from "@/lib/describe-database";

export type Db = PrismaClient;

type Holder = { prisma: PrismaClient; close: () => Promise<void>; describe: string };

// One database per process. Kept on globalThis because Next.js may load this module more
// than once (dev reloads, separate bundles), and PGlite must be opened exactly once.
const KEY = Symbol.for("recap.db");
const g = globalThis as unknown as { [KEY]?: Promise<Holder> };

async function open(): Promise<Holder> {
  const { databaseUrl, dataDir } = config();
  if (databaseUrl) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
    return { prisma, close: () => prisma.$disconnect(), describe: describePostgresUrl(databaseUrl) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const dir = path.join(dataDir, "pglite");
  fs.mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
    describe: `embedded PostgreSQL (PGlite) in ${dir}`,
  };
}

let override: Holder | undefined;

/** The one Prisma client: PGlite in RECAP_DATA_DIR when DATABASE_URL is unset, else PostgreSQL. */
export async function db(): Promise<PrismaClient> {
  if (override) return override.prisma;
  if (!g[KEY]) {
    g[KEY] = open();
    // PGlite runs with fsync off: close it before the process exits or its folder may not reopen.
    onShutdown("database", closeDb, 100);
  }
  return (await g[KEY]).prisma;
}

/** Where the database lives, for the status panel (no password). */
export async function describeDb(): Promise<string> {
  if (override) return override.describe;
  await db();
  return (await g[KEY]!).describe;
}

/** Close the database; `npm start` calls this on SIGINT/SIGTERM so PGlite's folder stays consistent. */
export async function closeDb(): Promise<void> {
  const holder = g[KEY];
  g[KEY] = undefined;
  if (holder) await (await holder).close();
}

/** Tests point lib/ at their own database. */
export function setDbForTests(prisma: PrismaClient, describe = "test database"): void {
  override = { prisma, close: () => prisma.$disconnect(), describe };
}
