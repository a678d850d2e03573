// Whole `npm start` processes for tests: web server and background work in one process each, as
// production runs them. Each runs in its own process group, so a SIGKILL takes all of it at once.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

export type Instance = {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** resolves with the exit code (or the signal) once the process has ended */
  exited: Promise<string>;
};

const root = path.resolve(__dirname, "..");

// Detached groups outlive this process, and Ctrl-C reaches only the terminal's group: should this
// process end before its afterAll (process.exit, SIGINT, SIGTERM), it takes them along.
const live = new Set<number>();
function killLive() {
  for (const pid of live) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  live.clear();
}
process.once("exit", killLive);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killLive();
    process.kill(process.pid, signal);
  });
}

/** A loopback port in [from, to] that nobody listens on now. */
export async function freePort(from: number, to: number, taken: number[] = []): Promise<number> {
  for (let port = from; port <= to; port++) {
    if (taken.includes(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once("error", () => resolve(false));
      s.listen(port, "0.0.0.0", () => s.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port between ${from} and ${to}`);
}

/**
 * `npm start` (scripts/start.ts, as package.json runs it) with `env` on `port`; its output goes
 * to `log`. The production build must be current, or start.ts would build it first.
 */
export function startInstance(opts: { name: string; port: number; env: Record<string, string>; log: (line: string) => void }): Instance {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "start.ts")], {
    cwd: root,
    detached: true,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...opts.env, PORT: String(opts.port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => opts.log(`${opts.name}: ${d}`));
  child.stderr!.on("data", (d) => opts.log(`${opts.name}: ${d}`));
  live.add(child.pid!);
  const exited = new Promise<string>((resolve) => child.once("exit", (code, signal) => {
    live.delete(child.pid!);
    resolve(signal ?? String(code));
  }));
  return { name: opts.name, port: opts.port, url: `http://127.0.0.1:${opts.port}`, child, exited };
}

/** SIGKILL the instance's whole process group and wait until it has gone; a gone one is left alone. */
export async function killInstance(instance: Instance): Promise<string> {
  if (instance.child.exitCode === null && instance.child.signalCode === null) {
    try {
      process.kill(-instance.child.pid!, "SIGKILL");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ESRCH") throw e;
    }
  }
  return instance.exited;
}

/** Wait until GET /api/health answers 200; fails at once if the process ends first. */
export async function waitForHealth(instance: Instance, limitMs: number): Promise<number> {
  const start = Date.now();
  let ended: string | undefined;
  void instance.exited.then((how) => (ended = how));
  for (;;) {
    if (ended !== undefined) throw new Error(`instance ${instance.name} exited (${ended}) before it answered`);
    try {
      const res = await fetch(`${instance.url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200) return Date.now() - start;
    } catch {
      // not listening yet
    }
    if (Date.now() - start > limitMs) throw new Error(`instance ${instance.name} did not answer /api/health within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
