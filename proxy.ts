// Runs before every request it matches, before any layout or page renders:
// - a NUL byte in the path or a query parameter is answered 400, naming the parameter;
// - a page request with no session cookie goes to sign-in (pages still check the session and
//   role themselves, lib/auth/page.ts: a cookie here may be expired or forged);
// - every page gets a fresh CSP nonce (Next reads it from the request's CSP header and puts it on
//   its scripts) and, over HTTPS, HSTS.
// Not matched: /api/uploads and /api/v1/datasets (a route under the proxy has its body cut at 10 MB; they stream 200 MB
// and run guardRoute themselves), Next's static files and the favicon.
import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "@/lib/config";
import { PATH_HEADER } from "@/lib/auth/page-path";
import { nulMessage, nulParameter } from "@/lib/auth/request-checks";
import { newNonce, securityHeaders } from "@/lib/auth/security-headers";

const PUBLIC_PAGES = ["/sign-in", "/setup", "/set-password", "/forbidden"];
// Routes answer 401 themselves (guardRoute); Next's own endpoints (dev's HMR socket, say) are not pages.
const isPublic = (path: string) =>
  path.startsWith("/api/") || path.startsWith("/_next/") || path.startsWith("/__nextjs") || PUBLIC_PAGES.some((p) => path === p || path.startsWith(`${p}/`));

export function proxy(request: NextRequest): NextResponse {
  const { pathname, search, searchParams } = request.nextUrl;
  const nonce = newNonce();
  const headers = securityHeaders({ nonce, dev: process.env.NODE_ENV === "development", publicUrl: appConfig().publicUrl });
  const answer = (res: NextResponse) => {
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  };

  const nul = /%00/i.test(pathname) ? "path" : nulParameter(searchParams);
  if (nul !== null) {
    const message = nul === "path" ? "The address contains a NUL character (%00). Remove it and try again." : nulMessage(nul);
    return answer(
      pathname.startsWith("/api/")
        ? NextResponse.json({ error: { code: "VALIDATION", field: nul, message } }, { status: 400 })
        : new NextResponse(`400 Bad request. ${message}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } }),
    );
  }

  // Only reads: a server action (POST) without a session answers UNAUTHENTICATED itself.
  if ((request.method === "GET" || request.method === "HEAD") && !isPublic(pathname) && !getSessionCookie(request, { cookiePrefix: "recap" })) {
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("next", `${pathname}${search}`);
    return answer(NextResponse.redirect(signIn, 307));
  }

  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", headers["content-security-policy"]!);
  forwarded.set(PATH_HEADER, `${pathname}${search}`);
  return answer(NextResponse.next({ request: { headers: forwarded } }));
}

export const config = {
  matcher: ["/((?!api/uploads|api/v1/datasets|_next/static|_next/image|favicon\\.ico).*)"],
};
