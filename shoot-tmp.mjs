import { chromium } from "@playwright/test";
const base = "http://localhost:3050";
const [, , who, locale, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: base }]);
const page = await context.newPage();
page.on("console", (m) => { if (m.type() === "error") console.log("console error:", m.text()); });
const csrf = await (await page.request.get(`${base}/api/auth/csrf`)).json();
await page.request.post(`${base}/api/auth/callback/credentials`, { form: { csrfToken: csrf.csrfToken, email: `${who}@skyline.example`, password: "Demo@2026!", json: "true" } });
for (const p of paths) {
  await page.goto(base + p);
  await page.waitForTimeout(800);
  const name = `/tmp/shots/${who}-${locale}-${p.replace(/[/?=&]/g, "_")}.png`;
  await page.screenshot({ path: name, fullPage: true });
  console.log(name);
}
await browser.close();
