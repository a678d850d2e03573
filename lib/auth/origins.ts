// Where sign-in may come from, and whether cookies need HTTPS. Pure: unit-tested.

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Secure cookies everywhere but loopback, where the embedded default serves plain HTTP. */
export function secureCookies(publicUrl: string): boolean {
  return !isLoopbackUrl(publicUrl);
}

/** The public URL, plus its loopback twins on the embedded default (localhost and 127.0.0.1 are both used). */
export function trustedOrigins(publicUrl: string): string[] {
  const u = new URL(publicUrl);
  if (!isLoopbackUrl(publicUrl)) return [u.origin];
  const port = u.port ? `:${u.port}` : "";
  return [...new Set([u.origin, `${u.protocol}//localhost${port}`, `${u.protocol}//127.0.0.1${port}`, `${u.protocol}//[::1]${port}`])];
}
