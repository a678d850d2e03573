// The worker entry and RECAP_ROLE: what runs where, and a clear refusal where a worker cannot run.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

const root = path.resolve(__dirname, "..");

describe("RECAP_ROLE", () => {
  it("defaults to all, takes web or worker, and names itself when wrong", () => {
    expect(parseConfig({}).role).toBe("all");
    expect(parseConfig({ RECAP_ROLE: "web" }).role).toBe("web");
    expect(parseConfig({ RECAP_ROLE: "worker" }).role).toBe("worker");
    expect(() => parseConfig({ RECAP_ROLE: "both" })).toThrow(ConfigError);
    expect(() => parseConfig({ RECAP_ROLE: "both" })).toThrow(/RECAP_ROLE="both": must be web, worker or all/);
    expect(() => parseConfig({ RECAP_LEASE_MS: "10" })).toThrow(/RECAP_LEASE_MS="10": must be at least 1000/);
    expect(parseConfig({}).leaseMs).toBe(120_000);
  });
});

describe("npm run worker", () => {
  it("refuses to start on the embedded database, saying why (PGlite lives inside one process)", () => {
    const out = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "worker.ts")], {
      cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production" }, encoding: "utf8", timeout: 60_000,
    });
    expect(out.status).toBe(78);
    expect(out.stderr).toMatch(/DATABASE_URL is not set: a worker shares a PostgreSQL server with the web instances/);
  });
});
