// Tests: the headers next/headers hands to server code, so actions run "as" a signed-in user.
// Use with: vi.mock("next/headers", () => import("@/lib/auth/testing/next-headers-mock"));
let current = new Headers();

export function setRequestHeaders(h: Headers): void {
  current = h;
}

export function getRequestHeaders(): Headers {
  return current;
}
