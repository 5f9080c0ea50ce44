// What the browser tests share: how Chromium is launched here, and local dates.
import { chromium } from 'playwright-core';

/** Debian's Chromium; no browser is downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Headless Chromium with a fresh profile in `userDataDir`, with the flags this machine
 * needs (no sandbox as root; no background connections, which the closed network refuses).
 */
export async function launchBrowser(userDataDir) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: !process.env.E2E_HEADED,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
  });
  context.setDefaultTimeout(15_000);
  return context;
}

/** YYYY-MM-DD, `days` from today in local time (the widget's default today). */
export function localDay(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
