import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "@/test/stack";
import { receiveUpload } from "./receive-upload";

const dir = tempDir("receive");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const block = randomBytes(1024 * 1024);

/** A web stream of `total` pseudo-random bytes in 1 MiB chunks, hashed as it is produced. */
function body(total: number) {
  const hash = createHash("sha256");
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(block.length, total - sent);
      const chunk = new Uint8Array(block.subarray(0, n));
      chunk[0] = sent & 0xff; // vary each chunk so a reordered or repeated chunk changes the hash
      hash.update(chunk);
      sent += n;
      controller.enqueue(chunk);
    },
  });
  return { stream, sha256: () => hash.digest("hex") };
}

describe("receiving an upload", () => {
  it("takes a 200 MB body whole, checked by size and checksum, without holding it in memory", async () => {
    const size = 200 * 1024 * 1024;
    // the client's checksum is computed over the same bytes before the upload
    const probe = body(size);
    for await (const _ of probe.stream as unknown as AsyncIterable<Uint8Array>) void _;
    const expected = probe.sha256();
    const before = process.memoryUsage().rss;
    const got = await receiveUpload({ body: body(size).stream, dir, maxBytes: size, expectedSize: size, expectedSha256: expected });
    expect(got.sizeBytes).toBe(size);
    expect(got.sha256).toBe(expected);
    expect(fs.statSync(got.path).size).toBe(size);
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
    await got.cleanup();
    expect(fs.existsSync(got.path)).toBe(false);
  });

  it("refuses a body over the limit as soon as it passes it, and keeps nothing", async () => {
    await expect(receiveUpload({ body: body(3 * 1024 * 1024).stream, dir, maxBytes: 2 * 1024 * 1024 })).rejects.toMatchObject({
      code: "QUOTA",
      message: expect.stringContaining("larger than the limit of 2.0 MB"),
    });
    await expect(receiveUpload({ body: body(10).stream, dir, maxBytes: 5, expectedSize: 10 })).rejects.toMatchObject({ code: "QUOTA" });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("refuses a truncated or corrupted upload", async () => {
    await expect(receiveUpload({ body: body(1000).stream, dir, maxBytes: 1e6, expectedSize: 2000 })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "The upload arrived incomplete: 1000 of 2000 bytes. Try again.",
    });
    await expect(receiveUpload({ body: body(1000).stream, dir, maxBytes: 1e6, expectedSha256: "0".repeat(64) })).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("SHA-256 checksum does not match"),
    });
    await expect(receiveUpload({ body: body(0).stream, dir, maxBytes: 1e6 })).rejects.toMatchObject({ message: expect.stringContaining("The file is empty") });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
