// Checks each service's Swagger UI in a real headless Chromium, as a front-end developer uses it: the page
// /q/swagger-ui loads, lists every operation of the service's /q/openapi document, and after "Authorize" with
// a bearer token, "Try it out" + "Execute" on a read operation shows 200 in the page.
// Needs a running platform and /usr/bin/chromium (swagger-ui-check.sh installs what is missing and runs this).
//   base URLs: CATALOG_URL, NEIGHBOURHOOD_URL, EVALUATION_URL, PARTNER_URL, else http://127.0.0.1:PORT_BASE+1..4
//   token:     TOKEN, else deploy/local/mint-token.sh admin
// Prints a line per service, writes a screenshot per service to .local/swagger-ui/, exits 1 on any failure.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const shots = join(root, ".local", "swagger-ui");
const portBase = Number(process.env.PORT_BASE || 8080);
const checks = [
  { service: "catalog", port: portBase + 1, path: "/api/v1/themes" },
  { service: "neighbourhood", port: portBase + 2, path: "/api/v1/indicators" },
  { service: "evaluation", port: portBase + 3, path: "/api/v1/deployments" },
  { service: "partner", port: portBase + 4, path: "/api/v1/organisations" },
];
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const token = process.env.TOKEN || execFileSync(join(root, "deploy", "local", "mint-token.sh"), ["admin"]).toString().trim();
const timeout = 30_000;

mkdirSync(shots, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), "swagger-ui-check-")); // a fresh profile every run
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1400, height: 1000 },
});

let failed = false;
try {
  for (const check of checks) {
    const base = (process.env[`${check.service.toUpperCase()}_URL`] || `http://127.0.0.1:${check.port}`).replace(/\/$/, "");
    const label = `${check.service}-service`;
    try {
      console.log(await checkService(base, check, label));
    } catch (e) {
      failed = true;
      const message = e.message.split("\n")[0];
      console.log(message.startsWith(label) ? `${message}: FAILED` : `${label}: FAILED at ${base}/q/swagger-ui: ${message}`);
    }
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

async function checkService(base, check, label) {
  const response = await fetch(`${base}/q/openapi?format=json`);
  if (!response.ok) throw new Error(`/q/openapi answered ${response.status}`);
  const doc = await response.json();
  const inDocument = Object.values(doc.paths || {}).reduce((n, item) => n + METHODS.filter((m) => m in item).length, 0);

  const page = await browser.newPage();
  const origin = new URL(base).origin;
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // Only the service itself: nothing (such as the online validator badge) may leave the machine.
  await page.route("**/*", (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
  try {
    const load = await page.goto(`${base}/q/swagger-ui`, { waitUntil: "load", timeout });
    if (!load || load.status() !== 200) throw new Error(`the page answered ${load ? load.status() : "nothing"}`);
    await page.locator(".opblock").first().waitFor({ timeout });
    // the operations render tag by tag: wait until their number stops growing
    let listed = -1;
    for (let i = 0; i < 20; i++) {
      const now = await page.locator(".opblock").count();
      if (now === listed) break;
      listed = now;
      await page.waitForTimeout(250);
    }
    const title = (await page.locator(".info .title").first().textContent({ timeout }))?.trim();

    // Authorize: the bearer token into the dialog, "Authorize", close
    await page.locator(".scheme-container button.authorize").click({ timeout });
    const dialog = page.locator(".dialog-ux .modal-ux");
    await dialog.locator("input").first().fill(token, { timeout });
    await dialog.locator(".auth-btn-wrapper button.authorize").click({ timeout });
    await dialog.locator(".auth-btn-wrapper button.btn-done").click({ timeout });

    // Try it out on the read operation, Execute, and read the status Swagger UI shows
    const operation = page.locator(".opblock.opblock-get").filter({
      has: page.locator(`.opblock-summary-path[data-path="${check.path}"]`),
    }).first();
    await operation.locator(".opblock-summary").first().click({ timeout });
    await operation.locator("button.try-out__btn").click({ timeout });
    await operation.locator("button.execute").click({ timeout });
    const statusCell = operation.locator(".live-responses-table .response .response-col_status").first();
    await statusCell.waitFor({ timeout });
    const shown = (await statusCell.textContent()).trim();
    const status = Number((shown.match(/\d{3}/) || [])[0]);

    await operation.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, `${check.service}.png`), fullPage: false });
    await page.screenshot({ path: join(shots, `${check.service}-full.png`), fullPage: true });

    const problems = [];
    if (listed !== inDocument) problems.push(`${listed} operations listed, ${inDocument} in /q/openapi`);
    if (status !== 200) problems.push(`try it out showed "${shown}", not 200`);
    if (pageErrors.length) problems.push(`script errors in the page: ${pageErrors.join("; ")}`);
    const line = `${label}: "${title}" operations listed ${listed} / in the document ${inDocument}; `
      + `try it out GET ${check.path} (after Authorize): ${shown.split(/\s+/)[0]}`;
    if (problems.length) throw new Error(`${line}: ${problems.join("; ")}`);
    return `${line}: ok (screenshot .local/swagger-ui/${check.service}.png)`;
  } catch (e) {
    // what the page showed when it went wrong
    await page.screenshot({ path: join(shots, `${check.service}-failed.png`), fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await page.close();
  }
}
