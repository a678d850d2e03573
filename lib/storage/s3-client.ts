import "server-only";
import { S3Client } from "@aws-sdk/client-s3";
import { config } from "@/lib/config";

let client: S3Client | undefined;

/** The one S3 client; in the embedded stack only its endpoint differs. */
export function s3(): S3Client {
  client ??= createS3Client({ region: config().awsRegion, endpoint: config().s3Endpoint });
  return client;
}

export function createS3Client(opts: { region: string; endpoint?: string }): S3Client {
  return new S3Client({
    region: opts.region,
    endpoint: opts.endpoint,
    forcePathStyle: Boolean(opts.endpoint),
    // s3rver 3.7 stores aws-chunked framing bytes as the object when the SDK streams with a
    // trailing checksum (SDK >= 3.729); WHEN_REQUIRED keeps bodies byte-for-byte on every store.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}
