// A small program on the typed client: what a front-end team writes to show a municipality's neighbourhoods
// most in need of attention and the interventions that fit their weakest dimensions.
// Run against a running platform: TOKEN=$(deploy/local/mint-token.sh partner gemeente-demostad) npm run demo
import createClient from "openapi-fetch";
import type { paths as CatalogPaths } from "./generated/catalog.js";
import type { paths as NeighbourhoodPaths } from "./generated/neighbourhood.js";

const token = process.env.TOKEN;
if (!token) {
  console.error("Set TOKEN to a bearer token, e.g. TOKEN=$(deploy/local/mint-token.sh partner gemeente-demostad)");
  process.exit(2);
}
const headers = { Authorization: `Bearer ${token}` };
const neighbourhood = createClient<NeighbourhoodPaths>({ baseUrl: process.env.NEIGHBOURHOOD_URL ?? "http://localhost:8082", headers });
const catalog = createClient<CatalogPaths>({ baseUrl: process.env.CATALOG_URL ?? "http://localhost:8081", headers });

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
