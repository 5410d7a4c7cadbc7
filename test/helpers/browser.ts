import { after, before } from 'node:test';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, REPO } from '../e2e/driver';

/** Where the browser tier's screenshots go (the README takes them from here). */
export const BROWSER_RESULTS = join(REPO, 'test-results', 'browser');

/**
 * Debian's Chromium through playwright-core (as the e2e tier drives it), launched once for the test file
 * that calls this (its before/after hooks): the browser, once launched.
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not launched: call useChromium() at the top level of the test file');
    return browser;
  };
}
