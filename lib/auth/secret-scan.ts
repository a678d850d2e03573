// What must never reach a browser: AWS keys, the local stand-ins' key, secret names, the auth secret.
// Used by the bundle test (vitest) and the page-HTML test (e2e). Pure: no server-only.
import fs from "node:fs";
import path from "node:path";

const PATTERNS: { name: string; re: RegExp }[] = [
  { name: "AWS access key id", re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: "s3rver key", re: /S3RVER/ },
  { name: "aws_secret_access_key", re: /aws_secret_access_key/i },
  { name: "AWS_SECRET", re: /AWS_SECRET/ },
  { name: "AWS_SESSION_TOKEN", re: /AWS_SESSION_TOKEN/ },
  { name: "BETTER_AUTH_SECRET", re: /BETTER_AUTH_SECRET|RECAP_AUTH_SECRET/ },
  { name: "RECAP_ADMIN_PASSWORD", re: /RECAP_ADMIN_PASSWORD/ },
];

/** The auth secrets on this machine: from the environment and the generated files in data folders. */
export function knownSecrets(root: string, env: Record<string, string | undefined>): string[] {
  const out = [env.BETTER_AUTH_SECRET, env.RECAP_AUTH_SECRET, env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN, env.RECAP_ADMIN_PASSWORD];
  for (const dir of [env.RECAP_DATA_DIR ?? ".data", ".data", ".test-data/e2e"]) {
    try {
      out.push(fs.readFileSync(path.resolve(root, dir, "auth-secret"), "utf8").trim());
    } catch {
      // no generated secret there
    }
  }
  // S3RVER is matched by pattern; short or empty values would match everything.
  return [...new Set(out.filter((s): s is string => !!s && s.length >= 12))];
}

/** Names of what `text` leaks, with a little context; [] when clean. */
export function findSecrets(text: string, secrets: string[]): string[] {
  const found: string[] = [];
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (m) found.push(`${p.name} near "${text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, " ")}"`);
  }
  for (const s of secrets) if (text.includes(s)) found.push(`a configured secret (${s.slice(0, 3)}…)`);
  return found;
}

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
