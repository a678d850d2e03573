// Start scripts/stack/local-s3-main.ts as a child process and wait until it listens.
import { spawn } from "node:child_process";
import path from "node:path";
import { stopChild } from "./child";
import readline from "node:readline";

export async function startLocalS3Process(opts: { root: string; directory: string; port: number; buckets: string[] }) {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(opts.root, "scripts", "stack", "local-s3-main.ts")], {
    cwd: opts.root,
    env: { ...process.env, RECAP_EXIT_WITH_PARENT: "1", LOCAL_S3_DIR: opts.directory, LOCAL_S3_PORT: String(opts.port), LOCAL_S3_BUCKETS: opts.buckets.join(",") },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once("line", (line) => resolve((JSON.parse(line) as { endpoint: string }).endpoint));
    child.once("exit", (code) => reject(new Error(`the local S3 server exited with code ${code}`)));
  });
  return {
    endpoint,
    close: () => stopChild(child),
  };
}
