// A small program on the typed client: what a front-end team writes to show a municipality's neighbourhoods
// most in need of attention and the interventions that fit their weakest dimensions, then, for a partner, its
// collaborations with the live priority list of their latest workshop (with its reasons), its actions and the
// collaboration's overdue actions, and the latest signals of its feed.
// Run against a running platform: TOKEN=$(deploy/local/mint-token.sh partner gemeente-demostad) npm run demo
import createClient from "openapi-fetch";
import type { paths as CatalogPaths } from "./generated/catalog.js";
import type { paths as NeighbourhoodPaths } from "./generated/neighbourhood.js";
import type { components as PartnerComponents, paths as PartnerPaths } from "./generated/partner.js";

type Collaboration = PartnerComponents["schemas"]["Collaboration"];
type Workshop = PartnerComponents["schemas"]["Workshop"];
type WorkshopAction = PartnerComponents["schemas"]["WorkshopAction"];
type Signal = PartnerComponents["schemas"]["Signal"];

const token = process.env.TOKEN;
if (!token) {
  console.error("Set TOKEN to a bearer token, e.g. TOKEN=$(deploy/local/mint-token.sh partner gemeente-demostad)");
  process.exit(2);
}
const headers = { Authorization: `Bearer ${token}` };
const neighbourhood = createClient<NeighbourhoodPaths>({ baseUrl: process.env.NEIGHBOURHOOD_URL ?? "http://localhost:8082", headers });
const catalog = createClient<CatalogPaths>({ baseUrl: process.env.CATALOG_URL ?? "http://localhost:8081", headers });
const partner = createClient<PartnerPaths>({ baseUrl: process.env.PARTNER_URL ?? "http://localhost:8084", headers });

const municipality = process.env.MUNICIPALITY ?? "GM0999";
const ranking = await neighbourhood.GET("/api/v1/rankings", { params: { query: { municipality, size: 3 } } });
if (ranking.error || !ranking.data) {
  console.error("ranking failed:", ranking.error);
  process.exit(1);
}
for (const area of ranking.data.items ?? []) {
  console.log(`${area.rank}. ${area.areaCode} ${area.name ?? ""}: class ${area.class ?? "?"} (${area.label ?? "-"}), ${area.quadrant ?? "unknown"}, priority ${area.priority ?? "-"}`);
  const status = await neighbourhood.GET("/api/v1/areas/{code}/status", { params: { path: { code: area.areaCode ?? "" } } });
  const dimensions = status.data?.status?.livability?.dimensions ?? {};
  const weak = Object.entries(dimensions)
    .filter(([, score]) => (score?.class ?? 9) <= 4)
    .map(([dimension]) => dimension as "won" | "fys" | "vrz" | "soc" | "onv");
  if (weak.length === 0) {
    continue;
  }
  const recommended = await catalog.GET("/api/v1/recommendations", { params: { query: { weakDimension: weak, limit: 2 } } });
  for (const r of recommended.data ?? []) {
    console.log(`     - ${r.title} (${r.evidenceLevel ?? "not assessed"}, score ${r.score})`);
  }
}

// The collaborations the caller takes part in (a page of them), each with the priority list of its latest workshop.
const collaborations = await partner.GET("/api/v1/collaborations", { params: { query: { size: 10 } } });
if (collaborations.error || !collaborations.data) {
  console.error("collaborations failed:", collaborations.error);
  process.exit(1);
}
for (const collaboration of (collaborations.data.items ?? []) as Collaboration[]) {
  console.log(`\n${collaboration.name} (${collaboration.municipalityCode}, coordinated by ${collaboration.coordinatorId}): ${(collaboration.areas ?? []).join(", ")}`);
  const workshops = await partner.GET("/api/v1/collaborations/{collaborationId}/workshops", {
    params: { path: { collaborationId: collaboration.id ?? "" }, query: { size: 1 } },
  });
  const latest = workshops.data?.items?.[0];
  if (!latest?.id) {
    continue;
  }
  const workshop = await partner.GET("/api/v1/collaborations/{collaborationId}/workshops/{id}", {
    params: { path: { collaborationId: collaboration.id ?? "", id: latest.id } },
  });
  printPriorities(workshop.data);
  // the collaboration's overdue actions, whoever owns them
  const overdue = await partner.GET("/api/v1/collaborations/{collaborationId}/actions", {
    params: { path: { collaborationId: collaboration.id ?? "" }, query: { overdue: true, size: 20 } },
  });
  const late: WorkshopAction[] = overdue.data?.items ?? [];
  console.log(`  ${late.length} overdue action(s)${late.map((a) => `; ${a.ownerId}: ${a.description} (due ${a.dueOn}, ${a.status})`).join("")}`);
}

// The latest signals of the caller's feed, by the cursor (here from the start).
const feed = await partner.GET("/api/v1/signals", { params: { query: { after: 0, size: 500 } } });
const signals: Signal[] = feed.data?.items ?? [];
console.log(`\n${signals.length} signals in the feed (next cursor ${feed.data?.nextCursor ?? 0}); the latest:`);
for (const signal of signals.slice(-3)) {
  console.log(`  ${signal.createdAt} ${signal.type} ${signal.areaCode ?? "(the whole collaboration)"}`);
}

function printPriorities(workshop: Workshop | undefined) {
  if (!workshop) {
    return;
  }
  console.log(`  workshop ${workshop.title} (${workshop.heldOn}, ${workshop.state}):`);
  const pins = new Map((workshop.pins ?? []).map((pin) => [pin.id, pin]));
  for (const priority of workshop.priorities ?? []) {
    const pinnedBy = pins.get(priority.pinId)?.pinnedBy ?? "recorded afterwards";
    console.log(`    ${priority.rank}. ${priority.areaCode} ${priority.dimension}, ${priority.description} (pinned by ${pinnedBy})`);
    console.log(`       ${(priority.reasons ?? []).join("; ")}`);
  }
  for (const action of workshop.actions ?? []) {
    const deployment = action.deployment ? `; deployment ${action.deployment.state}${action.deployment.verdict ? `, ${action.deployment.verdict}` : ""}` : "";
    console.log(`    action by ${action.ownerId}, due ${action.dueOn}, ${action.status}${deployment}: ${action.description}`);
  }
}
