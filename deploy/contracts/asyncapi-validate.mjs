// Validates the AsyncAPI 3 documents of the platform's topics (deploy/contracts/asyncapi) with the AsyncAPI
// parser; any error fails, warnings are printed.
import { Parser, fromFile } from "@asyncapi/parser";
import { readdirSync } from "node:fs";

const parser = new Parser();
let failed = false;
for (const file of readdirSync(new URL("./asyncapi/", import.meta.url)).filter(f => f.endsWith("-service.yaml"))) {
  const { document, diagnostics } = await fromFile(parser, new URL(`./asyncapi/${file}`, import.meta.url).pathname).parse();
  const errors = diagnostics.filter(d => d.severity === 0);
  for (const d of diagnostics) {
    console.log(`${file}: ${["error", "warning", "info", "hint"][d.severity]} ${d.code} ${d.message} at ${d.path.join(".")}`);
  }
  if (errors.length > 0 || !document) {
    failed = true;
  } else {
    console.log(`${file}: valid AsyncAPI ${document.version()}, channels: ${document.channels().all().map(c => c.address()).join(", ")}`);
  }
}
process.exit(failed ? 1 : 0);
