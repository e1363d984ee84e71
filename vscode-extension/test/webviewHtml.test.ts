import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentSecurityPolicy, makeNonce, webviewHtml } from '../src/webviewHtml';

test('CSP allows only the nonce script and extension resources, no network', () => {
  const csp = contentSecurityPolicy('https://x.vscode-cdn.net', 'abc');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-abc'(;|$)/);
  assert.match(csp, /connect-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
});

test('the shell escapes what it inserts', () => {
  const html = webviewHtml({ title: 'a<b', cspSource: 'src', nonce: 'n1', scriptUri: 's.js?"x', styleUri: 'c.css', body: '<div id="graph"></div>' });
  assert.match(html, /<title>a&lt;b<\/title>/);
  assert.match(html, /<script nonce="n1" src="s\.js\?&quot;x"><\/script>/);
  assert.match(html, /<div id="graph"><\/div>/);
});

test('nonces are fresh and alphanumeric', () => {
  const a = makeNonce();
  assert.match(a, /^[A-Za-z0-9]{24}$/);
  assert.notEqual(a, makeNonce());
});
