// `npm run bench`: every benchmark, one after another, printed as a table for BENCHMARKS.md.
import os from "node:os";
import { benchConvert } from "./convert";
import { benchBedrockLocal } from "./bedrock-local";
import { benchConvertUpload, benchIngest } from "./pipeline";
import { benchTurns } from "./turns";
import { benchSources } from "./sources";
import { benchApi } from "./api";
import { benchCompare } from "./compare";
import { benchOnDemand } from "./ondemand";
import { benchDropLines, benchFailedRecords } from "./retention";

async function main() {
  console.log(`# ${new Date().toISOString()} on ${os.cpus().length} x ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  const convert = await benchConvert();
  console.table(convert.variants);
  console.table([await benchConvertUpload()]);
  console.table([await benchIngest("pglite"), await benchIngest("postgres")]);
  console.log(await benchBedrockLocal());
  console.table(await benchTurns());
  console.table([await benchSources("pglite"), await benchSources("postgres")]);
  console.table([...(await benchApi("pglite")), ...(await benchApi("postgres"))]);
  console.table(await benchCompare());
  console.table(await benchOnDemand());
  console.table([await benchDropLines(), await benchFailedRecords()]);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
