// The Playwright steps of the end-to-end test (started by e2e/run.sh, which also
// starts code-server and SampleShop and stops them afterwards).
//   node e2e.js --url URL --workspace DIR --shop http://127.0.0.1:PORT --shop-pid PID --artifacts DIR
// Every wait is bounded; the traffic is bounded in count and time and only goes
// to the SampleShop on loopback. Screenshots: <artifacts>/NN-*.png (and *-failure.png).
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const k of ['url', 'workspace', 'shop', 'shop-pid', 'cs-pid', 'artifacts']) {
  if (!args[k]) { console.error(`e2e.js: --${k} is required`); process.exit(2); }
}
const shopPid = Number(args['shop-pid']);
const csPid = Number(args['cs-pid']);
const programCs = path.join(args.workspace, 'Program.cs');
const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

/** The bridge processes (`… devtools.dll lsp`) started under our code-server (descendants of its pid). */
function bridgePids() {
  const parent = new Map();
  const candidates = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      const argv = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
      if (argv.some(a => a.endsWith('devtools.dll')) && argv.includes('lsp')) candidates.push(Number(d));
    } catch { /* gone */ }
  }
  return candidates.filter(pid => {
    for (let p = parent.get(pid), n = 0; p && n < 64; p = parent.get(p), n++) if (p === csPid) return true;
    return false;
  });
}

// The lens the bridge puts on the /orders/{id} handler, with live numbers.
const ORDERS_LENS = /GET \/orders\/\{id(:int)?\} · (<)?\d+(\.\d+)?k? req\/min · p50 \d+(\.\d+)? (ms|s)/;

// ---- bounded traffic against SampleShop (loopback only) -------------------------------------
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
let sent = 0;
let failed = 0;
function get(pathAndQuery) {
  return new Promise(resolve => {
    const req = http.get(`${args.shop}${pathAndQuery}`, { agent, timeout: 5000 }, res => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => { failed++; resolve(0); });
    sent++;
  });
}
/** `count` requests (orders, plus every 5th a CPU-heavy /work) with `concurrency` in flight, over ≥ `minMs`. */
async function burst(count, concurrency, minMs) {
  const start = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await get(i % 5 === 4 ? '/work?n=3000000' : `/orders/${1 + (i % 120)}`);
      const due = start + (minMs * next) / count;
      if (Date.now() < due) await new Promise(r => setTimeout(r, due - Date.now()));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
/** Light background traffic until stopped, at most `maxRequests` / `maxMs`. */
function backgroundTraffic(maxRequests, maxMs) {
  let stop = false;
  const done = (async () => {
    const end = Date.now() + maxMs;
    let n = 0;
    while (!stop && n < maxRequests && Date.now() < end) {
      await burst(20, 2, 1000);
      n += 20;
    }
  })();
  return { stop: async () => { stop = true; await done; } };
}

// ---- workbench helpers -----------------------------------------------------------------------
async function shot(page, name) {
  const file = path.join(args.artifacts, `${name}.png`);
  await page.screenshot({ path: file });
  log('screenshot', path.relative(process.cwd(), file));
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`>${title}`);
  // click the row whose label is the title (Enter would run whatever fuzzy-matched first)
  const esc = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const row = page.locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${esc}`) }) }).first();
  await row.waitFor({ timeout: 15000 });
  await row.click();
}

async function statusText(page) {
  const item = page.locator('.statusbar-item', { hasText: 'Devtools' }).first();
  return (await item.innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
}

async function waitForStatus(page, re, timeout, failRe) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await statusText(page);
    if (re.test(last)) return last;
    if (failRe && failRe.test(last)) throw new Error(`status bar says "${last}" (see artifacts/e2e/devtools-output.log)`);
    await page.waitForTimeout(250);
  }
  throw new Error(`status bar never matched ${re} (last: "${last}")`);
}

async function waitForLens(page, re, timeout, trafficNudge) {
  const deadline = Date.now() + timeout;
  let texts = [];
  while (Date.now() < deadline) {
    texts = await page.locator('.monaco-editor .codelens-decoration').allInnerTexts().catch(() => []);
    const hit = texts.find(t => re.test(t));
    if (hit) return hit;
    if (trafficNudge) await trafficNudge();
    await page.waitForTimeout(500);
  }
  throw new Error(`no CodeLens matched ${re}; lenses were: ${JSON.stringify(texts)}`);
}

async function goToLine(page, line1) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`:${line1}`);
  await page.keyboard.press('Enter');
}

/** The hot-line decoration: its "▮ N%" after-text is CSS ::after content on a span of that view line. */
function hotLineDecoration(marker) {
  // Monaco renders spaces as U+00A0
  for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
    if (!line.textContent.replace(/\u00a0/g, ' ').includes(marker)) continue;
    for (const span of line.querySelectorAll('span')) {
      const content = getComputedStyle(span, '::after').content;
      if (content && content.includes('▮')) {
        return { after: content, lineText: line.textContent.replace(/\u00a0/g, ' ') };
      }
    }
  }
  return null;
}

async function waitForToast(page, re, timeout) {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: re }).first();
  await toast.waitFor({ timeout });
  await page.waitForFunction(() => {
    for (let el = document.querySelector('.notifications-toasts .notification-toast'); el; el = el.parentElement) {
      if (getComputedStyle(el).opacity !== '1') return false;
    }
    return true;
  }, null, { timeout: 5000 }).catch(() => log('warning: toast still animating'));
  return (await toast.innerText()).replace(/\s+/g, ' ');
}

/** A webview's content frame (webviews are nested iframes) that has `selector`. */
async function webviewFrameWith(page, selector, timeout) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const f of page.frames()) {
      if (f === page.mainFrame()) continue;
      const n = await f.locator(selector).count().catch(() => 0);
      if (n > 0) return f;
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`no webview showed ${selector}`);
}

// ---- the scenario ----------------------------------------------------------------------------
(async () => {
  const source = fs.readFileSync(programCs, 'utf8').split('\n');
  const hotLine = source.findIndex(l => l.includes('// HOT:')) + 1;
  if (hotLine <= 0) throw new Error(`${programCs} has no "// HOT:" marker line`);

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'devtools-e2e-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1800, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] || await ctx.newPage();
  page.on('pageerror', e => log('pageerror:', e.message));
  let traffic;
  try {
    await page.goto(args.url, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'Program.cs' }).first().waitFor({ timeout: 60000 });
    log('workbench up, explorer shows Program.cs');

    // 1) open the handler file; the extension activates on C# and starts the bridge
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('Program.cs');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Program.cs' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: 'MapGet' }).first().waitFor({ timeout: 30000 });
    log('editor shows Program.cs');
    log('status:', await waitForStatus(page, /Devtools: (detached|\S+ \d)/, 120000, /bridge stopped/));

    // 2) Devtools: Attach to Process… → pick SampleShop by pid
    await runCommand(page, 'Devtools: Attach to Process');
    const pickRow = page.locator('.quick-input-list .monaco-list-row', { hasText: `pid ${shopPid}` }).first();
    await page.locator('.quick-input-widget input').fill(String(shopPid));
    await pickRow.waitFor({ timeout: 30000 });
    log('picker row:', (await pickRow.innerText()).replace(/\s+/g, ' '));
    await shot(page, '01-attach-picker');
    await pickRow.click();
    log('status:', await waitForStatus(page, /Devtools: SampleShop/, 60000));

    // 3) traffic: 200 requests over ~4 s, then light bounded traffic while we look
    await burst(200, 4, 4000);
    log(`burst sent: ${sent} requests (${failed} failed)`);
    traffic = backgroundTraffic(2000, 90000);

    // 4) the /orders/{id} handler's lens shows live numbers
    await goToLine(page, source.findIndex(l => l.includes('"/orders/{id')) + 1);
    const lens = await waitForLens(page, ORDERS_LENS, 60000);
    log('CodeLens:', lens);
    log('status:', await waitForStatus(page, /Devtools: SampleShop [\d.]+k? req\/min/, 30000));
    await shot(page, '02-codelens');

    // 5) the hot line of /work is decorated (background + "▮ N%" after the text)
    await goToLine(page, hotLine);
    const deco = await page.waitForFunction(hotLineDecoration, '// HOT:', { timeout: 60000, polling: 500 });
    const { after, lineText } = await deco.jsonValue();
    log('hot line decoration:', after);
    if (!/▮ (<)?\d+(\.\d)?%/.test(after)) throw new Error(`unexpected hot-line text ${after}`);
    if (lineText.includes('▮')) log('warning: the bridge\'s inlay hint is shown next to the decoration');
    await page.keyboard.press('Escape');
    await shot(page, '03-hot-line');

    // 6) the flame graph webview renders the profile
    await runCommand(page, 'Devtools: Show Flame Graph');
    await page.locator('.tab', { hasText: 'Flame Graph' }).first().waitFor({ timeout: 20000 });
    const fg = await webviewFrameWith(page, 'svg.flame g.frame', 45000);
    const frames = await fg.locator('svg.flame g.frame').count();
    const names = await fg.locator('svg.flame g.frame').evaluateAll(gs => gs.map(g => g.getAttribute('data-name')));
    log(`flame graph: ${frames} frames; Spin ${names.some(n => /Spin/.test(n)) ? 'present' : 'absent'}`);
    if (!names.some(n => /Spin/.test(n))) log('warning: Work.Spin is not in the flame graph');
    await shot(page, '04-flame-graph');

    // 7) clicking the lens opens the endpoint's recent requests
    await page.locator('.tab', { hasText: 'Program.cs' }).first().click();
    await goToLine(page, source.findIndex(l => l.includes('"/orders/{id')) + 1);
    await page.keyboard.press('Escape');
    // the lens is re-rendered whenever the bridge refreshes (up to once a second while traffic
    // flows), so a click can land on a node being replaced: retry until the panel opens
    const lensLink = page.locator('.monaco-editor .codelens-decoration a', { hasText: ORDERS_LENS }).first();
    const requestsTab = page.locator('.tab', { hasText: /Requests: GET/ }).first();
    for (let attempt = 1; ; attempt++) {
      await lensLink.waitFor({ timeout: 20000 });
      await lensLink.hover({ timeout: 5000 }).catch(() => {});
      await page.waitForTimeout(300);
      await lensLink.click({ timeout: 5000 }).catch(e => log(`lens click ${attempt}: ${e.message.split('\n')[0]}`));
      if (await requestsTab.waitFor({ timeout: 5000 }).then(() => true, () => false)) break;
      if (attempt >= 6) throw new Error('clicking the /orders/{id} lens did not open its recent requests');
      const tabs = await page.locator('.tab').allInnerTexts().catch(() => []);
      log(`lens click ${attempt} opened nothing; tabs: ${JSON.stringify(tabs.map(t => t.trim()))}; again`);
    }
    const rq = await webviewFrameWith(page, '#requests tbody tr td.path', 30000);
    const rows = await rq.locator('#requests tbody tr').count();
    log(`recent requests: ${rows} rows, first: ${(await rq.locator('#requests tbody tr').first().innerText()).replace(/\s+/g, ' ')}`);
    await shot(page, '05-recent-requests');

    // 8) detach: status says so, decorations go
    await page.locator('.tab', { hasText: 'Program.cs' }).first().click();
    await runCommand(page, 'Devtools: Detach');
    log('status:', await waitForStatus(page, /Devtools: detached/, 20000));
    await goToLine(page, hotLine);
    await page.keyboard.press('Escape');
    // the line must be rendered (found by its marker) and carry no "▮" decoration any more
    await page.waitForFunction(marker => {
      for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
        if (!line.textContent.replace(/\u00a0/g, ' ').includes(marker)) continue;
        for (const span of line.querySelectorAll('span')) if ((getComputedStyle(span, '::after').content || '').includes('▮')) return false;
        return true;
      }
      return false;
    }, '// HOT:', { timeout: 15000, polling: 500 });
    log('hot-line decoration cleared');
    await shot(page, '06-detached');

    // 9) attach again, then the target exits: the user is told and offered to re-attach
    await runCommand(page, 'Devtools: Attach to Process');
    await page.locator('.quick-input-widget input').fill(String(shopPid));
    await pickRow.waitFor({ timeout: 30000 });
    await pickRow.click();
    await waitForStatus(page, /Devtools: SampleShop/, 60000);
    await traffic.stop();
    traffic = undefined;
    process.kill(-shopPid, 'SIGTERM');
    log('SampleShop stopped');
    const toast = await waitForToast(page, /Re-attach/, 30000);
    log('notification:', toast);
    log('status:', await waitForStatus(page, /Devtools: detached/, 10000));
    await shot(page, '07-target-exited');

    // 10) the bridge dies: the user is told and can restart it from the notification
    const bridges = bridgePids();
    if (bridges.length !== 1) throw new Error(`expected one bridge process under code-server, found ${JSON.stringify(bridges)}`);
    process.kill(bridges[0], 'SIGKILL');
    log(`bridge (pid ${bridges[0]}) killed`);
    const died = await waitForToast(page, /bridge stopped/, 30000);
    log('notification:', died);
    log('status:', await waitForStatus(page, /bridge stopped/, 10000));
    await shot(page, '08-bridge-died');
    await page.locator('.notifications-toasts .notification-toast', { hasText: /bridge stopped/ }).first()
      .locator('.monaco-button', { hasText: 'Restart Bridge' }).first().click();
    log('status:', await waitForStatus(page, /Devtools: detached/, 60000));
    const restarted = bridgePids();
    if (restarted.length !== 1 || restarted[0] === bridges[0]) throw new Error(`the bridge was not restarted (${JSON.stringify(restarted)})`);
    log(`bridge restarted (pid ${restarted[0]})`);

    // 11) Connect to Agent… (a `devtools agent --no-ebpf` that run.sh started with its own socket + token)
    if (args.agent) {
      await runCommand(page, 'Devtools: Connect to Agent');
      const input = page.locator('.quick-input-widget input');
      await page.locator('.quick-input-widget', { hasText: '1/2' }).waitFor({ timeout: 10000 });
      await input.fill(args.agent);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: '2/2' }).waitFor({ timeout: 10000 });
      await input.fill(args['agent-token']);
      await page.keyboard.press('Enter');
      log('status:', await waitForStatus(page, /Devtools: agent /, 30000));
      await shot(page, '09-agent');
      await runCommand(page, 'Devtools: Detach');
      log('status:', await waitForStatus(page, /Devtools: detached/, 20000));
    }

    log(`PASSED (${sent} requests sent, ${failed} failed)`);
  } catch (e) {
    log('FAILED:', e.message);
    await page.screenshot({ path: path.join(args.artifacts, 'failure.png') }).catch(() => {});
    // the editor's DOM at the time, for the post-mortem
    await page.evaluate(() => {
      const ed = document.querySelector('.monaco-editor');
      return ed ? ed.outerHTML : '';
    }).then(html => fs.writeFileSync(path.join(args.artifacts, 'failure-editor.html'), html)).catch(() => {});
    await page.evaluate(() => {
      const out = [];
      for (const sheet of document.styleSheets) {
        let rules;
        try { rules = sheet.cssRules; } catch { continue; }
        for (const r of rules) if (r.cssText.includes('ced-')) out.push(r.cssText);
      }
      return out.join('\n');
    }).then(css => fs.writeFileSync(path.join(args.artifacts, 'failure-decorations.css'), css)).catch(() => {});
    process.exitCode = 1;
  } finally {
    if (traffic) await traffic.stop().catch(() => {});
    agent.destroy();
    await ctx.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
})().catch(e => { console.error(e); process.exit(1); });
