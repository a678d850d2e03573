// Issue 8, item 5: a page on another port of the same host (same site, so the Lax session cookie
// rides along) posts a text/plain form to /api/uploads for a signed-in supervisor: refused with 403,
// and no dataset appears.
import http from "node:http";
import { expect, test } from "./fixtures/auth";

const ATTACKER_PORT = Number(process.env.E2E_PORT ?? 3100) + 1;

test("a form post from another origin cannot plant a dataset", async ({ supervisorPage: page, baseURL }) => {
  const name = `planted-${Date.now()}`;
  const target = `${baseURL}/api/uploads?fileName=planted.txt&name=${name}`;
  const html = `<form id="f" method="POST" enctype="text/plain" action="${target}"><input name="Agent: Hello. Customer: planted" value="1"></form><script>document.getElementById("f").submit()</script>`;
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((r) => server.listen(ATTACKER_PORT, "localhost", r));
  try {
    const answer = page.waitForResponse((r) => r.url().startsWith(`${baseURL}/api/uploads`));
    await page.goto(`http://localhost:${ATTACKER_PORT}/`);
    const res = await answer;
    // the attack is real: the browser sent the supervisor's session along
    expect((await res.request().allHeaders())["cookie"]).toContain("session_token");
    expect(res.status()).toBe(403);
    expect((await res.json()).error.message).toContain(`Requests from http://localhost:${ATTACKER_PORT} may not change anything here`);
  } finally {
    server.close();
  }
  await page.goto(`${baseURL}/datasets`);
  await expect(page.getByRole("heading", { name: "Datasets" })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
});
