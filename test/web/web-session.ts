import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './launch-browser.js';
import { watchPage, type PageWatch } from './page-checks.js';
import { startServer, type RunningServer } from './start-server.js';
import { serviceApi } from './web-helpers.js';

/** A browser test's set-up: a fresh store, `plenty serve` on it, Chromium on a 1440×900 page watched for errors, the planner API. */
export interface WebSession {
  readonly server: RunningServer;
  readonly page: Page;
  readonly watch: PageWatch;
  /** The service's planner API with the session's token. */
  readonly call: ReturnType<typeof serviceApi>;
  /** Closes the browser, stops the server and deletes the store. */
  close(): Promise<void>;
}

/** Starts a session whose store folder is named after `name`. */
export async function openWebSession(name: string): Promise<WebSession> {
  const dataDir = await mkdtemp(join(tmpdir(), `plenty-web-${name}-`));
  const browser = await launchBrowser();
  const server = await startServer(dataDir);
  const { token } = (await (await fetch(`${server.url}/api/session`)).json()) as { token: string };
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  return {
    server,
    page,
    watch: watchPage(page),
    call: serviceApi(server, () => token),
    close: async () => {
      await browser.close();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
