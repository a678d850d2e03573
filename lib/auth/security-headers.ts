// The Content-Security-Policy and HSTS that proxy.ts sends with every page. Pure: unit-tested.

/** A fresh, unguessable nonce for one response (Next puts it on its own scripts). */
export function newNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}

/**
 * Scripts run only with this response's nonce (or when loaded by one: 'strict-dynamic'), so an
 * injected inline script is refused. <style> elements need the nonce too; style attributes are
 * allowed (charts and progress bars set widths inline, and an attribute cannot run code).
 * Dev mode (`npm run dev`) needs 'unsafe-eval' (React rebuilds server stacks with eval there) and
 * inline <style> (the dev overlay inserts its own without the nonce); production has neither.
 */
export function contentSecurityPolicy({ nonce, dev, https }: { nonce: string; dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // a nonce would make the browser ignore 'unsafe-inline', so dev leaves it out
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Response headers for a page: the CSP, and HSTS when Recap is served over HTTPS. */
export function securityHeaders({ nonce, dev, publicUrl }: { nonce: string; dev: boolean; publicUrl: string }): Record<string, string> {
  const https = new URL(publicUrl).protocol === "https:";
  return {
    "content-security-policy": contentSecurityPolicy({ nonce, dev, https }),
    ...(https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
