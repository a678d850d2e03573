// /api/auth/*: better-auth's HTTP handler (sign-in, sign-out, session, set password from an invitation).
// The browser signs in here, not through a server action, so the sign-in rate limit applies.
import { auth } from "@/lib/auth/auth";
import { withoutSessionToken } from "@/lib/auth/strip-token";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  return withoutSessionToken(await (await auth()).handler(request));
}

export { handle as GET, handle as POST };
