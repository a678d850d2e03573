import { describe, expect, it } from "vitest";
import { describePostgresUrl } from "./describe-database";

describe("describePostgresUrl", () => {
  it("names host, port and database only", () => {
    expect(describePostgresUrl("postgresql://recap:s3cret-pw@db.internal:6543/recap")).toBe("PostgreSQL server at db.internal:6543, database recap");
    expect(describePostgresUrl("postgres://db.internal/recap")).toBe("PostgreSQL server at db.internal:5432, database recap");
  });

  it.each([
    "postgresql://db.internal/recap?password=s3cret-pw",
    "postgresql://recap:s3cret-pw@db.internal/recap?sslmode=require",
    "postgresql://db.internal/recap?sslpassword=s3cret-pw&sslkey=/keys/s3cret-pw.key",
    "postgresql://recap@db.internal/recap?options=-c%20password%3Ds3cret-pw",
    "postgresql://s3cret-pw@db.internal/recap",
  ])("never repeats a secret: %s", (url) => {
    const d = describePostgresUrl(url);
    expect(d).not.toContain("s3cret");
    expect(d).toContain("db.internal");
  });

  it("reads a socket folder given as a parameter", () => {
    expect(describePostgresUrl("postgresql:///recap?host=/var/run/postgresql")).toBe("PostgreSQL server at /var/run/postgresql:5432, database recap");
  });

  it("says so when the URL cannot be parsed, without echoing it", () => {
    expect(describePostgresUrl("not a url s3cret-pw")).toBe("PostgreSQL server (DATABASE_URL could not be parsed)");
  });
});
