// better-auth answers several endpoints with session tokens in the JSON body as well as in the
// httpOnly cookie: sign-in and get-session (`token`, `session.token`), list-sessions (every
// session's `token`), change-password with revokeOtherSessions (`token`). A token that page
// scripts can read defeats httpOnly, so every `token` field is removed, at any depth.

function dropTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropTokens);
  if (!value || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== "token") out[k] = dropTokens(v);
  return out;
}

/** The same response without any `token` field anywhere in its JSON body; other answers unchanged. */
export async function withoutSessionToken(response: Response): Promise<Response> {
  if (!response.headers.get("content-type")?.includes("application/json")) return response;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, response);
  }
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(dropTokens(body)), { status: response.status, statusText: response.statusText, headers });
}
