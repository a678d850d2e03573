// The embedded default's object store: s3rver on loopback, files on local disk.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import S3rver from "s3rver";

export type LocalS3 = { endpoint: string; port: number; close: () => Promise<void> };

export async function startLocalS3(opts: {
  directory: string;
  port?: number;
  buckets?: string[];
}): Promise<LocalS3> {
  fs.mkdirSync(opts.directory, { recursive: true });
  const server = new S3rver({
    address: "127.0.0.1",
    port: opts.port ?? 0,
    directory: opts.directory,
    silent: true,
    // buckets are created at start; s3rver keeps existing ones and their objects
    configureBuckets: (opts.buckets ?? []).map((name) => ({ name, configs: [] })),
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close: () => server.close(),
  };
}
