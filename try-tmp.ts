import fs from "node:fs";
import { parseTurns } from "./bedrock-local/summarizer/transcript";
const UNRESOLVED = /\b(recommend (contacting|calling|reaching)|contact your (bank|card issuer|provider)|unfortunately,? (there'?s nothing|we (can'?t|cannot|are unable)|I (can'?t|cannot|am unable|'m unable))|still (not|hasn't|haven't|isn't|don't)|not resolved|no longer available|try (using )?(a )?different)\b/i;
for (const n of process.argv.slice(2)) {
  const said = parseTurns(fs.readFileSync(`/tmp/calls/textual/${n}.txt`, "utf8")).flatMap((t, i) => t.sentences.map((s) => ({ role: t.role, s, i })));
  const tail = said.slice(Math.floor((said.length * 2) / 3));
  console.log(n, tail.filter((x) => UNRESOLVED.test(x.s)).map((x) => `${x.role}: ${x.s}`));
}
