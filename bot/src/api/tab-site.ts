import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';

/**
 * Teams and the other Microsoft 365 hosts that may frame the tab. Anything else (a look-alike page) cannot,
 * which stops clickjacking; 'self' lets the tab open its own pages.
 */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.teams.microsoft.us',
  'https://local.teams.office.com',
  'https://*.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
  'https://*.skype.com',
];

export const TAB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // teams-js fetches its list of valid host domains from Microsoft's CDN.
  "connect-src 'self' https://res.cdn.office.net",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
};

export function securityHeaders(res: Response): void {
  res.header('Content-Security-Policy', TAB_CSP);
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
}

/** Serves the built tab (npm run build writes it to dist/tab) under /tab/. */
export function registerTabSite(server: Server, tabDir: string): void {
  const root = path.resolve(tabDir);
  server.get('/tab', async (_req: Request, res: Response) => {
    res.redirect(301, '/tab/', () => {});
  });
  server.get('/tab/*', async (req: Request, res: Response) => {
    securityHeaders(res);
    let relative: string;
    try {
      relative = decodeURIComponent(req.getPath().slice('/tab/'.length)) || 'index.html';
    } catch {
      return sendText(res, 400, 'Bad path');
    }
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep) || !TYPES[path.extname(file)]) return sendText(res, 404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return relative === 'index.html' ? sendText(res, 503, 'The tab has not been built: run npm run build.') : sendText(res, 404, 'Not found');
    }
    // The files are not content-hashed: the browser must check each time so a deployment shows at once.
    res.header('Cache-Control', 'no-cache');
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)]!, 'Content-Length': body.length });
    res.end(body);
  });
}

function sendText(res: Response, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
