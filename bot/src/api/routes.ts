import type { Request, Response, Server } from 'restify';
import type { LocalDate } from '../domain/dates';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import { DEMO_TENANT_ID, DEMO_USERS } from '../store/demo-borough';
import { StoreUnavailableError } from '../store/errors';
import { ROLE_LABELS } from '../domain/model';
import type { TabCaller } from './authenticate';
import type { ApiError, DevUser } from './contract';
import { ApiFailure } from './failures';
import { registerImportApi } from './imports-api';
import type { TabApi } from './tab-api';
import type { TenantPeopleCache } from './tenant-people';

export interface TabApiRoutes {
  api: TabApi;
  authenticate: (headers: Request['headers']) => Promise<TabCaller>;
  /** Local dev mode: GET /api/dev/users lists the demo people the tab can act as. */
  devMode: boolean;
  people: TenantPeopleCache;
  store: Store;
  today: () => LocalDate;
  log: Logger;
}

type Handler = (caller: TabCaller, req: Request) => Promise<unknown> | unknown;

/** The tab's REST API: every route authenticates, then answers JSON (or a JSON error saying why). */
export function registerTabApi(server: Server, deps: TabApiRoutes): void {
  const route = (handler: Handler, download?: (req: Request) => string) => async (req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    try {
      const caller = await deps.authenticate(req.headers);
      const body = await handler(caller, req);
      if (download) res.header('Content-Disposition', `attachment; filename="${download(req)}"`);
      res.send(200, body);
    } catch (err) {
      const failure = asFailure(err, deps.log, req);
      res.send(failure.status, failure.body);
    }
  };
  const query = (req: Request) => (req.query ?? {}) as Record<string, unknown>;
  const param = (req: Request, name: string) => String(req.params?.[name] ?? '');

  server.get('/api/me', route((caller) => deps.api.whoAmI(caller)));
  server.get('/api/workforce', route((caller, req) => deps.api.workforce(caller, query(req))));
  server.get('/api/workforce/audit-sample', route((caller, req) => deps.api.auditSample(caller, query(req))));
  server.get('/api/team', route((caller, req) => deps.api.team(caller, query(req))));
  server.get('/api/people/:staffId', route((caller, req) => deps.api.person(caller, param(req, 'staffId'))));
  server.get('/api/people/:staffId/supervision/:sessionId/card', route((caller, req) => deps.api.recordCard(caller, param(req, 'staffId'), param(req, 'sessionId'))));
  server.get(
    '/api/people/:staffId/export',
    route((caller, req) => deps.api.exportPerson(caller, param(req, 'staffId')), (req) => `reflect-${param(req, 'staffId').replace(/[^A-Za-z0-9-]/g, '')}.json`),
  );
  registerImportApi(server, deps);
  server.get('/api/dev/users', async (_req: Request, res: Response) => {
    if (!deps.devMode) {
      res.send(404, { error: 'not_found', reason: 'Dev sign-in is available only when the service runs in local dev mode.' } satisfies ApiError);
      return;
    }
    const { byId } = await deps.people.get(DEMO_TENANT_ID);
    const users: DevUser[] = Object.values(DEMO_USERS).flatMap((u) => {
      const p = byId.get(u.staffId);
      return p ? [{ aadObjectId: u.aadObjectId, tenantId: DEMO_TENANT_ID, name: p.name, roleLabel: ROLE_LABELS[p.role] }] : [];
    });
    res.send(200, users);
  });
}

function asFailure(err: unknown, log: Logger, req: Request): ApiFailure {
  if (err instanceof ApiFailure) {
    if (err.status === 401) log.info('tab request refused', { path: req.getPath(), reason: err.body.reason });
    return err;
  }
  log.error('tab request failed', { path: req.getPath(), error: err });
  if (err instanceof StoreUnavailableError) return new ApiFailure(503, { error: 'unavailable', reason: 'Reflect could not reach its database just now. Please try again in a minute.' });
  return new ApiFailure(500, { error: 'internal', reason: 'Something went wrong on our side. Please try again; if it keeps happening, tell your Reflect administrator.' });
}
