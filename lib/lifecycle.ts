// Shutdown hooks shared by everything in this process. Keyed on globalThis because the
// start script and the Next.js server bundle each load their own copy of lib/ modules.
type Closer = { name: string; close: () => Promise<void> | void; order: number };

const KEY = Symbol.for("recap.shutdown");
const g = globalThis as unknown as { [KEY]?: Map<string, Closer> };

function registry(): Map<string, Closer> {
  g[KEY] ??= new Map();
  return g[KEY];
}

/** Register something to close at shutdown; a lower order closes first (the database last). */
export function onShutdown(name: string, close: () => Promise<void> | void, order = 50): void {
  registry().set(name, { name, close, order });
}

/** Close everything registered, in order; errors are reported, not thrown. */
export async function runShutdown(log: (msg: string) => void = console.log): Promise<void> {
  const closers = [...registry().values()].sort((a, b) => a.order - b.order);
  registry().clear();
  for (const c of closers) {
    try {
      await c.close();
      log(`  stopped ${c.name}`);
    } catch (e) {
      log(`  ${c.name} did not stop cleanly: ${(e as Error).message}`);
    }
  }
}
