// Joins the four services' OpenAPI documents (as each build stores them in <svc>-service/target/openapi) into
// one document of the whole platform for front-end teams: build/leefbaarheid-platform.openapi.yaml.
// With `redocly join` of the pinned @redocly/cli: components, security schemes and tags get the service's name
// as prefix (catalog_Problem, partner_bearer, ...), so equal names of two services cannot clash, and every path
// carries the server of the service that serves it. Build first (mvn package). lint.sh runs this and lints the result.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const build = join(here, "build");
const work = join(build, "join");
const output = join(build, "leefbaarheid-platform.openapi.yaml");
const redocly = join(here, "node_modules", ".bin", "redocly");
// The ports of the services, the same in the local run, Docker Compose and the Kubernetes Services.
const services = { catalog: 8081, neighbourhood: 8082, evaluation: 8083, partner: 8084 };

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const inputs = [];
for (const [service, port] of Object.entries(services)) {
  const file = join(root, `${service}-service`, "target", "openapi", "openapi.json");
  if (!existsSync(file)) {
    console.error(`missing ${file}: run mvn package first`);
    process.exit(1);
  }
  const doc = JSON.parse(readFileSync(file, "utf8"));
  leaveOutOperatorOperations(doc);
  doc.info["x-service"] = service; // the prefix join puts before this service's components and tags
  // The service's own document says "/" (the host that served it); here each service needs its own address.
  doc.servers = [{
    url: `http://{host}:${port}`,
    description: `${service}-service: host ${service}-service in Docker Compose and Kubernetes, localhost in a local run (deploy/local/run.sh)`,
    variables: { host: { default: `${service}-service`, enum: [`${service}-service`, "localhost"] } },
  }];
  const input = join(work, `${service}.json`);
  writeFileSync(input, JSON.stringify(doc, null, 2));
  inputs.push(input);
}

/**
 * The platform library's operations for an operator (dead letters, set-aside outbox events, the audit trail across records:
 * tags "Dead letters", "Outbox" and "Audit") have the same paths in every service that has them, and are not for front-end
 * teams: they stay in each service's own document and are left out of the joined one, with the schemas only they use.
 */
function leaveOutOperatorOperations(doc) {
  const original = JSON.parse(JSON.stringify(doc));
  const operatorTags = new Set(["Dead letters", "Outbox", "Audit"]);
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of Object.keys(item)) {
      if ((item[method].tags || []).some((tag) => operatorTags.has(tag))) {
        delete item[method];
      }
    }
    if (Object.keys(item).length === 0) {
      delete doc.paths[path];
    }
  }
  doc.tags = (doc.tags || []).filter((tag) => !operatorTags.has(tag.name));
  // and the schemas that only those operations used
  const before = reachableSchemas(original);
  const after = reachableSchemas(doc);
  for (const name of before) {
    if (!after.has(name)) {
      delete doc.components.schemas[name];
    }
  }
}

/** The schemas the document's paths refer to, directly or through other schemas. */
function reachableSchemas(doc) {
  const names = new Set();
  const visit = (node) => {
    const text = JSON.stringify(node);
    for (const match of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      if (!names.has(match[1])) {
        names.add(match[1]);
        visit(doc.components.schemas[match[1]]);
      }
    }
  };
  visit(doc.paths);
  return names;
}

const run = (args) => execFileSync(redocly, args, { cwd: here, stdio: ["ignore", "ignore", "inherit"] });
const joined = join(work, "joined.json");
run(["join", ...inputs, "--prefix-components-with-info-prop", "x-service", "--prefix-tags-with-info-prop", "x-service",
  "--output", joined]);

// join keeps the first document's info; the platform gets its own. The servers differ per service, so join
// moved them to the paths; the root lists the choices (every path names its own, which wins).
const platform = JSON.parse(readFileSync(joined, "utf8"));
const contact = platform.info.contact;
platform.info = {
  title: "Leefbaarheid platform",
  version: platform.info.version,
  description: "The four services of the Leefbaarheid platform in one document, for front-end teams: "
    + Object.keys(services).map((s) => `${s}-service (port ${services[s]})`).join(", ") + ". "
    + "Each path names the server of the service that serves it; component, security scheme and tag names "
    + "start with the service's name. Every API needs a bearer token (JWT).",
  ...(contact ? { contact } : {}),
};
platform.servers = [{
  url: "http://{host}:{port}",
  description: "One of the four services; every path names its own, which takes precedence over this one.",
  variables: {
    host: { default: "catalog-service", enum: [...Object.keys(services).map((s) => `${s}-service`), "localhost"] },
    port: { default: String(services.catalog), enum: Object.values(services).map(String) },
  },
}];
// keep the usual order of the top-level keys: openapi, info, servers, then the rest
const ordered = { openapi: platform.openapi, info: platform.info, servers: platform.servers };
for (const [key, value] of Object.entries(platform)) if (!(key in ordered)) ordered[key] = value;
const platformJson = join(work, "platform.json");
writeFileSync(platformJson, JSON.stringify(ordered, null, 2));

// bundle writes it as YAML (and checks every $ref resolves)
run(["bundle", platformJson, "--output", output]);
const operations = Object.values(ordered.paths).flatMap((item) =>
  Object.keys(item).filter((k) => ["get", "put", "post", "delete", "patch", "head", "options", "trace"].includes(k)));
console.log(`platform document: ${output} (${Object.keys(ordered.paths).length} paths, ${operations.length} operations)`);
