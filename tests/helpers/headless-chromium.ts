// Test helper: Debian's Chromium driven through puppeteer-core (no browser download), or the reason the browser tests skip.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';

/** The flags of a quiet, throwaway browser: no sandbox (CI runs as root), no network of its own, nothing synced or updated. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The Chromium to drive: $CHROMIUM_PATH, else the first of the usual names on PATH. */
export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  const folders = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    for (const folder of folders) {
      const path = join(folder, name);
      if (existsSync(path) && statSync(path).isFile()) return path;
    }
  }
  return undefined;
}

async function loadPuppeteer(): Promise<Pick<typeof import('puppeteer-core'), 'launch'> | undefined> {
  try {
    return await import('puppeteer-core');
  } catch {
    return undefined;
  }
}

export const chromium = findChromium();
const puppeteer = chromium ? await loadPuppeteer() : undefined;

/** Why the browser tests cannot run here; undefined when they can. */
export const skipReason = !chromium
  ? 'no Chromium binary found (set CHROMIUM_PATH, or install chromium: apt-get install chromium)'
  : !puppeteer
    ? 'puppeteer-core is not installed (npm ci installs it as a devDependency)'
    : undefined;

/** A browser with a fresh profile; `close` also removes the profile. */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'polyfeed-chromium-'));
  const browser = await puppeteer!.launch({ executablePath: chromium!, headless: true, args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`] });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A new tab for `use`, closed after it. */
export async function inNewTab<T>(browser: Browser, use: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  await page.setViewport({ width: 900, height: 700 });
  try {
    return await use(page);
  } finally {
    await page.close();
  }
}
