// Set by proxy.ts on every request it passes on (overwriting any the client sent): the path and
// query that page() sends a signed-out visitor back to after sign-in. No server-only: the proxy reads it.
export const PATH_HEADER = "x-recap-path";
