import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestS3, tempDir } from "@/test/stack";
import { listObjects, readObject, uploadFile, uploadStream } from "./objects";

let s3: Awaited<ReturnType<typeof startTestS3>>;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(() => s3.close());

async function sha256Of(stream: NodeJS.ReadableStream): Promise<{ hash: string; bytes: number }> {
  const h = createHash("sha256");
  let bytes = 0;
  for await (const chunk of stream) {
    h.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { hash: h.digest("hex"), bytes };
}

describe("storage against s3rver", () => {
  it("round-trips a 50 MB multipart upload streamed from disk, byte for byte", async () => {
    const dir = tempDir("big");
    const file = path.join(dir, "big.bin");
    const fd = fs.openSync(file, "w");
    for (let i = 0; i < 50; i++) fs.writeSync(fd, randomBytes(1024 * 1024));
    fs.closeSync(fd);
    const expected = await sha256Of(fs.createReadStream(file));

    await uploadFile({ client: s3.client, bucket: s3.bucket, key: "rt/big.bin", path: file });
    const got = await sha256Of(await readObject({ client: s3.client, bucket: s3.bucket, key: "rt/big.bin" }));

    expect(got.bytes).toBe(50 * 1024 * 1024);
    expect(got.hash).toBe(expected.hash);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps small streamed text intact (no aws-chunked framing stored)", async () => {
    const text = '{"recordId":"RC000000001","modelInput":{"x":"¿qué?"}}\n';
    await uploadStream({ client: s3.client, bucket: s3.bucket, key: "rt/small.jsonl", body: text });
    const back = await sha256Of(await readObject({ client: s3.client, bucket: s3.bucket, key: "rt/small.jsonl" }));
    expect(back.hash).toBe(createHash("sha256").update(text).digest("hex"));
  });

  it("lists every object under a prefix across pages", async () => {
    for (let i = 0; i < 3; i++) {
      await uploadStream({ client: s3.client, bucket: s3.bucket, key: `list/a/${i}.jsonl`, body: `line ${i}\n` });
    }
    await uploadStream({ client: s3.client, bucket: s3.bucket, key: "list/b/other.jsonl", body: "x" });
    const listed = [];
    for await (const o of listObjects({ client: s3.client, bucket: s3.bucket, prefix: "list/a/" })) listed.push(o);
    expect(listed.map((o) => o.key).sort()).toEqual(["list/a/0.jsonl", "list/a/1.jsonl", "list/a/2.jsonl"]);
    expect(listed.every((o) => o.size === 7)).toBe(true);
  });
});

describe("an object written piece by piece", () => {
  it("arrives whole, in order, and an aborted one is never completed", async () => {
    const { openObjectWriter } = await import("./objects");
    const out = openObjectWriter({ client: s3.client, bucket: s3.bucket, key: "writer/lines.jsonl" });
    const lines = Array.from({ length: 20_000 }, (_, i) => `{"recordId":"RC${String(i).padStart(9, "0")}","text":"¿línea ${i}?"}\n`);
    for (const l of lines) await out.write(l);
    await out.close();
    const chunks: Buffer[] = [];
    for await (const c of await readObject({ client: s3.client, bucket: s3.bucket, key: "writer/lines.jsonl" })) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(lines.join(""));

    const aborted = openObjectWriter({ client: s3.client, bucket: s3.bucket, key: "writer/aborted.jsonl" });
    await aborted.write("partial\n");
    await aborted.abort();
    const keys = [];
    for await (const o of listObjects({ client: s3.client, bucket: s3.bucket, prefix: "writer/" })) keys.push(o.key);
    expect(keys).toEqual(["writer/lines.jsonl"]);
  });
});
