// The HTML shell of the extension's webviews: strict CSP (no network, scripts
// only from the extension with a per-load nonce), one script, one stylesheet.
import { randomBytes } from 'crypto';
import { escapeHtml } from './format';

export interface WebviewShell {
  title: string;
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** Static body markup (trusted: written by the extension). */
  body: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function webviewHtml(s: WebviewShell): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(s.cspSource, s.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(s.styleUri)}">
<title>${escapeHtml(s.title)}</title>
</head>
<body>
${s.body}
<script nonce="${escapeHtml(s.nonce)}" src="${escapeHtml(s.scriptUri)}"></script>
</body>
</html>`;
}

/** A fresh nonce for the script tag and the CSP. */
export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, 'x');
}
