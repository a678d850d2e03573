// What the status panel may say about a PostgreSQL server: host, port and database, never the
// connection string. node-postgres takes passwords in the user-info *and* in query parameters
// (`?password=`, `sslpassword`, `sslkey`...), so masking parts of the URL leaks sooner or later:
// this builds the description from the three parsed parts instead.

/** "PostgreSQL server at db.internal:5432, database recap"; nothing else of the URL. */
export function describePostgresUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "PostgreSQL server (DATABASE_URL could not be parsed)";
  }
  // `postgresql:///recap?host=/var/run/postgresql` names a socket folder in a parameter.
  const host = decodeURIComponent(u.hostname) || u.searchParams.get("host") || "localhost";
  const port = u.port || u.searchParams.get("port") || "5432";
  const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || u.searchParams.get("dbname") || "(default database)";
  const safe = (s: string) => s.replace(/[^\w.\-/:[\]]/g, "?").slice(0, 120);
  return `PostgreSQL server at ${safe(host)}:${safe(port)}, database ${safe(database)}`;
}
