// Where to go after sign-in. Pure: unit-tested (safe-next.test.ts) and walked in Chromium (e2e/redirects.spec.ts).

const BASE = "http://recap.invalid";
// C0 controls, space and DEL: browsers strip tabs and newlines inside URLs ("/\t/evil" is "//evil"),
// and a raw newline in a Location header is a 500.
const UNSAFE = /[\u0000-\u0020\u007f\\]/;

/**
 * A path on this site, normalised, or "/" for anything else: another origin ("//evil",
 * "https://...", "/\\evil"), control characters, backslashes, or a path that normalises to "//".
 */
export function safeNext(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v || !v.startsWith("/") || v.startsWith("//") || UNSAFE.test(v)) return "/";
  let url: URL;
  try {
    url = new URL(v, BASE);
  } catch {
    return "/";
  }
  // "/.//evil.example" parses to the path "//evil.example", which a browser reads as another host.
  if (url.origin !== BASE || url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
