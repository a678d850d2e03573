// s3rver as its own process, so its hashing and disk writes do not share the app's event loop.
// Prints one JSON line {"endpoint": ...} when it listens; SIGTERM closes it.
import { startLocalS3 } from "./local-s3";

async function main() {
  const s3 = await startLocalS3({
    directory: process.env.LOCAL_S3_DIR ?? ".data/s3",
    port: Number(process.env.LOCAL_S3_PORT ?? 4569),
    buckets: (process.env.LOCAL_S3_BUCKETS ?? "recap").split(",").filter(Boolean),
  });
  process.stdout.write(JSON.stringify({ endpoint: s3.endpoint }) + "\n");
  const stop = () => void s3.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // Started by `npm start` with a pipe on stdin: when that process dies, even by SIGKILL, the
  // pipe closes and this one goes too.
  if (process.env.RECAP_EXIT_WITH_PARENT === "1") process.stdin.once("close", stop).resume();
}

main().catch((e) => {
  console.error(`[local-s3] ${(e as Error).message}`);
  process.exit(1);
});
