// The OpenAPI document is generated from the routes' zod schemas: every /api/v1 route file is in
// it (and nothing else), every $ref resolves, and the schemas' rules show up as JSON Schema.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OPERATIONS, openApiDocument } from "./openapi";

const V1 = path.resolve(__dirname, "../../app/api/v1");

function routeKeys(dir = V1): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeKeys(p);
    if (e.name !== "route.ts") return [];
    const route = "/api/v1/" + path.relative(V1, dir).split(path.sep).join("/").replace(/\[(\w+)\]/g, "{$1}");
    const source = fs.readFileSync(p, "utf8");
    return [...source.matchAll(/export async function (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => `${m[1].toLowerCase()} ${route}`);
  });
}

function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref") out.push(String(v));
      else refs(v, out);
    }
  }
  return out;
}

describe("the OpenAPI 3.1 document", () => {
  const doc = openApiDocument({ serverUrl: "http://localhost:3000" });

  it("lists exactly the operations the route files export", () => {
    expect(OPERATIONS.map((o) => `${o.method} ${o.path}`).sort()).toEqual(routeKeys().sort());
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set(OPERATIONS.map((o) => o.path))].sort());
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "http://localhost:3000" }]);
  });

  it("every $ref points at a component, and no JSON Schema $schema or $defs is left inline", () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(10);
    for (const r of all) {
      expect(r).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[r.split("/").at(-1)!], r).toBeDefined();
    }
    expect(JSON.stringify(doc.paths)).not.toMatch(/"\$schema"|"\$defs"/);
    for (const name of ["Error", "Batch", "BatchPage", "Job", "JobDetail", "Result", "ResultPage", "DatasetUploaded"]) expect(doc.components.schemas[name], name).toBeDefined();
  });

  it("the request body of POST /api/v1/batches is the prepare form's schema", () => {
    const post = doc.paths["/api/v1/batches"].post as { requestBody: { content: { "application/json": { schema: { required: string[]; properties: Record<string, { type?: string; maxLength?: number; format?: string }> } } } } };
    const schema = post.requestBody.content["application/json"].schema;
    expect(schema.required.sort()).toEqual(["datasetId", "modelConfigId", "templateVersionId"]);
    expect(schema.properties.name.maxLength).toBe(100);
    expect(schema.properties.requestKey.format).toBe("uuid");
  });

  it("query parameters carry their rules: sentiment's values, limit's bounds, defaults not required", () => {
    const get = doc.paths["/api/v1/results"].get as { parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[] };
    const p = Object.fromEntries(get.parameters.map((x) => [x.name, x]));
    expect(p.sentiment.schema.enum).toEqual(["positive", "neutral", "negative", "mixed"]);
    expect(p.limit).toMatchObject({ in: "query", required: false, schema: { default: 100, minimum: 1, maximum: 500 } });
    expect(Object.keys(p).sort()).toEqual(["batchId", "cursor", "jobId", "limit", "q", "sentiment"]);
    const upload = doc.paths["/api/v1/datasets"].post as { parameters: { name: string; required: boolean }[] };
    expect(upload.parameters.filter((x) => x.required).map((x) => x.name)).toEqual(["fileName", "X-Recap-Size", "X-Recap-Sha256"]);
  });

  it("says which role each operation needs, and that the document itself is public", () => {
    expect((doc.paths["/api/v1/export"].get as Record<string, unknown>)["x-recap-role"]).toBe("manager");
    expect((doc.paths["/api/v1/openapi.json"].get as Record<string, unknown>).security).toEqual([]);
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
  });
});
