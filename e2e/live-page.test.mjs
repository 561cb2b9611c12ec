// The live page, as a person sees it: a real chromium opens it, joins a room, and shows an event
// published over HTTP. Needs the service at EVENTGATE_URL and chromium at CHROMIUM (Debian's).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { chromium } from "playwright-core";

const base = process.env.EVENTGATE_URL ?? "http://127.0.0.1:8080";
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const screenshot = process.env.SCREENSHOT ?? "artifacts/live-page.png";

test("the live page shows an event published to a room it joined, resumes across a restart, and goes on", async () => {
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(base + "/");
    await page.getByRole("status").first().filter({ hasText: "connected as" }).waitFor({ timeout: 10000 });

    await page.getByLabel("Room", { exact: true }).fill("lobby");
    await page.getByRole("button", { name: "Join" }).click();
    await page.getByRole("button", { name: "Leave lobby" }).waitFor({ timeout: 10000 });

    const published = await fetch(base + "/events", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ event: "order.created", room: "lobby", data: { orderId: "e2e-42" } }),
    });
    assert.equal(published.status, 202);

    const row = page.locator("tr.event-row").filter({ hasText: "e2e-42" });
    await row.waitFor({ timeout: 10000 });
    assert.equal(await row.locator("td.name").textContent(), "order.created");
    assert.equal(await row.locator("td.room").textContent(), "lobby");

    await page.getByLabel("Event", { exact: true }).fill("system.notice");
    await page.getByLabel("Data (JSON)").fill('{"note": "published from the page"}');
    await page.getByRole("button", { name: "Publish" }).click();
    await page.locator("tr.event-row").filter({ hasText: "published from the page" }).waitFor({ timeout: 10000 });

    // The page's replica restarts (SIGTERM, then a new process on the same port) while another
    // replica takes a publish: the page's client reconnects by itself, in its room again, resumes
    // with the event it missed, and receives live ones.
    const pid = Number(process.env.EVENTGATE_PID);
    const other = process.env.EVENTGATE_OTHER_URL;
    if (pid && other) {
      process.kill(pid, "SIGTERM");
      await page.getByRole("status").first().filter({ hasText: "reconnecting" }).waitFor({ timeout: 20000 });
      const away = await fetch(other + "/events", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ event: "order.created", room: "lobby", data: { orderId: "while-away" } }),
      });
      assert.equal(away.status, 202);
      await page.getByRole("status").first().filter({ hasText: "connected as" }).waitFor({ timeout: 60000 });
      await page.locator("tr.event-row").filter({ hasText: "while-away" }).waitFor({ timeout: 10000 });
      await page.getByRole("button", { name: "Leave lobby" }).waitFor({ timeout: 10000 });
      const again = await fetch(base + "/events", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ event: "order.created", room: "lobby", data: { orderId: "after-restart" } }),
      });
      assert.equal(again.status, 202);
      await page.locator("tr.event-row").filter({ hasText: "after-restart" }).waitFor({ timeout: 10000 });
    }

    await mkdir(screenshot.substring(0, screenshot.lastIndexOf("/")) || ".", { recursive: true });
    await page.screenshot({ path: screenshot });
  } finally {
    await browser.close();
  }
});
