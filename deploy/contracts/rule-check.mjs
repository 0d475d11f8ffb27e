// Checks that the rule typed-json-answer (.spectral.yaml) really fails: it lints the planted answers of
// fixtures/untyped-answers.openapi.yaml with the same rule set as lint.sh and expects the rule to report exactly the
// planted untyped answers (by where they are defined: a referenced schema is reported where it is declared) and
// nothing else. lint.sh runs it; exits 1 when the rule misses a planted answer or reports a typed one.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const fixture = join(here, "fixtures", "untyped-answers.openapi.yaml");
const expected = [
  "paths./untyped-object.get.responses.200.content.application/json.schema",
  "paths./untyped-empty.post.responses.201.content.application/json.schema",
  "paths./untyped-any-map.get.responses.200.content.application/json.schema",
  "paths./untyped-array.get.responses.200.content.application/json.schema.items",
  "components.schemas.PageMapStringObject.properties.items.items",
  "components.schemas.Nothing",
];

let output;
try {
  output = execFileSync(join(here, "node_modules", ".bin", "spectral"),
    ["lint", "--ruleset", join(here, ".spectral.yaml"), "--format", "json", "--quiet", fixture], { encoding: "utf8" });
} catch (failed) {
  output = failed.stdout; // spectral exits 1 when it finds errors: here it must
}
const results = JSON.parse(output);
const reported = results.filter((r) => r.code === "typed-json-answer").map((r) => r.path.join("."));
const others = results.filter((r) => r.code !== "typed-json-answer").map((r) => `${r.code} at ${r.path.join(".")}`);
const missed = expected.filter((p) => !reported.includes(p));
const unexpected = reported.filter((p) => !expected.includes(p));
for (const p of missed) console.error(`typed-json-answer missed the planted untyped answer at ${p}`);
for (const p of unexpected) console.error(`typed-json-answer reported a typed answer at ${p}`);
for (const o of others) console.error(`the fixture breaks another rule: ${o}`);
if (missed.length || unexpected.length || others.length) {
  process.exit(1);
}
console.log(`typed-json-answer fails on all ${expected.length} planted untyped answers of ${fixture.slice(here.length + 1)} and on none of its typed ones`);
