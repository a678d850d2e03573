// No AWS credential, secret or session token in what the browser downloads (.next/static).
// Needs a build: `npx next build` (the e2e run always builds, and runs the same scan).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { filesUnder, findSecrets, knownSecrets } from "./secret-scan";

const root = path.join(__dirname, "..", "..");
const built = fs.existsSync(path.join(root, ".next", "BUILD_ID"));
if (!built) console.warn("client-bundle secrets scan skipped: no .next/BUILD_ID (run `npx next build` first; e2e always scans)");

describe("client bundles", () => {
  it("the scanner finds what it looks for", () => {
    expect(findSecrets('x="AKIAABCDEFGHIJKLMNOP"', [])).toHaveLength(1);
    expect(findSecrets("key S3RVER", [])).toHaveLength(1);
    expect(findSecrets("the-long-secret-value", ["the-long-secret-value"])).toHaveLength(1);
    expect(findSecrets("nothing to see", ["the-long-secret-value"])).toEqual([]);
  });

  it.skipIf(!built)("contain no AWS key, s3rver key, secret name or auth secret", () => {
    const files = filesUnder(path.join(root, ".next", "static")).filter((f) => /\.(js|css|html|json|txt|map)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const secrets = knownSecrets(root, process.env);
    const leaks = files.flatMap((f) => findSecrets(fs.readFileSync(f, "utf8"), secrets).map((l) => `${path.relative(root, f)}: ${l}`));
    expect(leaks).toEqual([]);
  });
});
