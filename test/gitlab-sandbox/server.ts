// The HTTP server: /api/* (REST v4), /__sandbox/* (test controls), /assets/* and avatars, pages.

import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleApi } from './api-server.ts';
import { handleControl } from './control-server.ts';
import type { Controls } from './controls.ts';
import type { Dataset } from './dataset.ts';
import { handlePage } from './pages/routes.ts';
import { avatarSvg } from './pages/widgets.ts';

const ASSET_TYPES: Record<string, string> = {
  'sandbox.css': 'text/css; charset=utf-8',
  'sandbox.js': 'text/javascript; charset=utf-8',
  'sandbox-board.js': 'text/javascript; charset=utf-8',
};

function loadAssets(): Map<string, string> {
  const assets = new Map<string, string>();
  for (const name of Object.keys(ASSET_TYPES)) {
    assets.set(name, readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8'));
  }
  return assets;
}

export interface ServerContext {
  data: Dataset;
  controls: Controls;
}

export function createSandboxServer(ctx: ServerContext): Server {
  const assets = loadAssets();
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const path = url.pathname;
    if (path.startsWith('/api/')) return handleApi(ctx, req, res, url);
    if (path.startsWith('/__sandbox/')) return handleControl(ctx.controls, req, res, url);
    if (path.startsWith('/assets/')) {
      const name = path.slice('/assets/'.length);
      const body = assets.get(name);
      const type = ASSET_TYPES[name];
      if (body === undefined || type === undefined) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
        return;
      }
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' }).end(body);
      return;
    }
    const avatar = /^\/uploads\/-\/system\/user\/avatar\/(\d+)\/avatar\.png$/.exec(path);
    if (avatar) {
      const user = ctx.data.user(Number(avatar[1]));
      if (!user) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' }).end(avatarSvg(user));
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'Content-Type': 'text/plain' }).end('Method Not Allowed');
      return;
    }
    const page = handlePage(ctx.data, ctx.controls, url);
    res.writeHead(page.status, { 'Content-Type': page.contentType, 'Cache-Control': 'no-store', ...page.headers });
    res.end(req.method === 'HEAD' ? undefined : page.body);
  };
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[gitlab-sandbox] request failed', error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('Internal Server Error');
    });
  });
}
