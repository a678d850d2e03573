import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { config } from "@/lib/config";

/**
 * The key that signs session cookies: BETTER_AUTH_SECRET / RECAP_AUTH_SECRET, or, on the embedded
 * default, one generated on first start and kept in RECAP_DATA_DIR so sessions survive restarts.
 * Several server instances must share one: set the variable in production.
 */
export function authSecret(): string {
  const configured = config().authSecret;
  if (configured) return configured;
  const file = path.join(config().dataDir, "auth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  try {
    // wx: if another process wrote it first, use theirs.
    fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    return secret;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw e;
  }
}
