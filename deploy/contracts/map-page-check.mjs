// Checks the map page of neighbourhood-service (/map/) in a real headless Chromium, as a person uses it: it signs in by
// pasting a bearer token, draws the neighbourhoods of a municipality (Demostad GM0999 unless MUNICIPALITY says otherwise)
// in the colours its legend gives their livability classes (the nine Dutch labels), and a click on a neighbourhood shows
// the class its status API answers. Requests may go to this machine only (the page's base layer is its boundaries).
//   base URL: first argument, else NEIGHBOURHOOD_URL, else http://127.0.0.1:PORT_BASE+2
//   token:    TOKEN, else deploy/local/mint-token.sh admin
//   screenshot: SCREENSHOT, else deploy/e2e/target/map-page/map-page.png (printed)
// Needs the municipality's boundaries and Leefbaarometer scores (the demo data has both); exits 1 on any failure.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const base = (process.argv[2] || process.env.NEIGHBOURHOOD_URL || `http://127.0.0.1:${Number(process.env.PORT_BASE || 8080) + 2}`)
  .replace(/\/$/, "");
const municipality = process.env.MUNICIPALITY || "GM0999";
const screenshot = process.env.SCREENSHOT || join(root, "deploy", "e2e", "target", "map-page", "map-page.png");
const token = process.env.TOKEN || execFileSync(join(root, "deploy", "local", "mint-token.sh"), ["admin"]).toString().trim();
const LABELS = ["zeer onvoldoende", "ruim onvoldoende", "onvoldoende", "zwak", "voldoende", "ruim voldoende", "goed",
  "zeer goed", "uitstekend"];
const timeout = 30_000;

async function api(path) {
  const response = await fetch(base + path, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

const expected = (await api(`/api/v1/maps/livability?municipality=${municipality}`)).features.filter((f) => f.geometry);
if (!expected.some((f) => f.properties.class)) {
  console.log(`map page: FAILED: no neighbourhood of ${municipality} has both a boundary and a class (load the demo data)`);
  process.exit(1);
}

mkdirSync(dirname(screenshot), { recursive: true });
const profile = mkdtempSync(join(tmpdir(), "map-page-check-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1400, height: 900 },
});
let failed = false;
try {
  const page = await browser.newPage();
  const errors = [];
  const outside = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    if (["127.0.0.1", "localhost"].includes(host)) return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  const load = await page.goto(`${base}/map/`, { waitUntil: "load", timeout });
  if (!load || load.status() !== 200) throw new Error(`/map/ answered ${load ? load.status() : "nothing"}`);
  await page.fill("#token", token);
  await page.click("#signin-button");
  await page.waitForFunction(() => ["drawn", "failed"].includes(document.body.dataset.state), null, { timeout });
  if (await page.evaluate(() => document.body.dataset.state) === "failed") {
    throw new Error(`the page failed to draw: ${await page.textContent("#message")}`);
  }
  await page.selectOption("#municipality", municipality).catch(() => {});

  // the legend: the nine classes in order, each with its colour
  const legend = await page.$$eval("#legend div", (rows) => rows.map((r) => [r.textContent.trim(), getComputedStyle(r.querySelector("i")).backgroundColor]));
  const legendColour = {};
  LABELS.forEach((label, i) => {
    const row = legend[i];
    if (!row || row[0] !== `${i + 1} ${label}`) throw new Error(`legend row ${i + 1} is ${row ? row[0] : "missing"}, not "${i + 1} ${label}"`);
    legendColour[label] = row[1];
  });

  // every neighbourhood drawn, filled in its class's legend colour (the SVG path's fill as rendered)
  let drawn = 0;
  for (const f of expected) {
    const path = page.locator(`path.area-${f.properties.code}`);
    if (await path.count() !== 1) throw new Error(`${f.properties.code} is not drawn`);
    // the fill Leaflet gave the SVG path, as a colour the browser resolves (the legend's is computed the same way)
    const fill = await path.evaluate((p) => {
      const probe = document.createElement("i");
      probe.style.backgroundColor = p.getAttribute("fill");
      document.body.appendChild(probe);
      const colour = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return colour;
    });
    const want = f.properties.label ? legendColour[f.properties.label] : null;
    if (want && fill !== want) throw new Error(`${f.properties.code} (${f.properties.label}) is filled ${fill}, its legend says ${want}`);
    drawn++;
  }

  // a click on the weakest neighbourhood shows the class of its status
  const target = expected.filter((f) => f.properties.class).sort((a, b) => a.properties.class - b.properties.class)[0];
  const status = await api(`/api/v1/areas/${target.properties.code}/status`);
  const deviation = status.status.livability.deviation;
  await page.locator(`path.area-${target.properties.code}`).click();
  await page.waitForFunction(() => document.body.dataset.state === "selected", null, { timeout });
  const shown = await page.textContent("#area-status");
  const want = `klasse ${deviation.class} ${deviation.label}`;
  if (!shown.includes(want)) throw new Error(`a click on ${target.properties.code} shows "${shown}", not "${want}"`);
  const pins = await page.locator("path.pin").count();
  const recommended = (await page.$$eval("#area-recommendations li", (items) => items.map((i) => i.textContent))).join("; ");
  await page.screenshot({ path: screenshot });
  if (errors.length) throw new Error(`errors in the page: ${errors.join("; ")}`);
  if (outside.length) throw new Error(`the page asked for something outside this machine: ${outside[0]}`);
  console.log(`map page: OK at ${base}/map/: ${drawn} neighbourhoods of ${municipality} drawn in their classes' legend colours;`
    + ` a click on ${target.properties.code} shows "${want}" and recommends: ${recommended}; ${pins} workshop pins; screenshot ${screenshot}`);
} catch (e) {
  failed = true;
  console.log(`map page: FAILED at ${base}/map/: ${e.message.split("\n")[0]}`);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
