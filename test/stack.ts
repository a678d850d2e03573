// Real stand-ins for integration tests: s3rver in a temp folder on a random loopback port.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startLocalS3 } from "@/scripts/stack/local-s3";
import { createS3Client } from "@/lib/storage/s3-client";

// s3rver accepts only its own fixed key pair; bedrock-local accepts any.
process.env.AWS_ACCESS_KEY_ID ??= "S3RVER";
process.env.AWS_SECRET_ACCESS_KEY ??= "S3RVER";

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `recap-${name}-`));
}

export async function startTestS3(bucket = "recap") {
  const dir = tempDir("s3");
  const s3 = await startLocalS3({ directory: dir, buckets: [bucket] });
  const client = createS3Client({ region: "us-east-1", endpoint: s3.endpoint });
  return {
    ...s3,
    client,
    bucket,
    dir,
    close: async () => {
      client.destroy();
      await s3.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
