// A stand-in for next/headers in vitest (see request-headers.ts).
import { getRequestHeaders } from "./request-headers";

export async function headers(): Promise<Headers> {
  return getRequestHeaders();
}

export async function cookies() {
  const jar = new Map<string, string>();
  for (const part of (getRequestHeaders().get("cookie") ?? "").split(/;\s*/)) {
    const i = part.indexOf("=");
    if (i > 0) jar.set(part.slice(0, i), part.slice(i + 1));
  }
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: () => undefined,
    delete: () => undefined,
  };
}
