// The tab's import API over HTTP, signed in with LocalEntra tokens as Teams SSO would: template, preview, apply.
import { createHash } from 'node:crypto';
import type { App } from '../../bot/src/app';
import type { ImportApiError, ImportKinds, ImportReport } from '../../bot/src/api/contract';
import { MAX_IMPORT_BYTES } from '../../bot/src/api/imports-api';
import type { Staff } from '../../bot/src/domain/model';
import { IMPORT_KINDS, templateCsv, templateFileName } from '../../bot/src/imports';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../bot/src/store/demo-borough';
import { startTestApp } from '../support/app';
import { LocalEntra } from '../support/entra';

const OTHER_TENANT = '99999999-0000-4000-8000-000000000099';
const OTHER_PSW_OID = '99999999-0000-4000-8000-00000000b0b1';
const HEADER = 'worker,snapshot_date,cin,cp,cla,care_leaver,pre_proceedings,early_help';

let app: App;
let entra: LocalEntra;
let workers: Staff[];
/** A fourth worker, for rows with problems. */
let spare: Staff;

beforeAll(async () => {
  entra = await LocalEntra.start();
  app = await startTestApp(entra.env());
  const active = (await app.store.staff.all(DEMO_TENANT_ID)).filter((s) => s.status === 'active' && s.role === 'social_worker');
  workers = active.slice(0, 3);
  spare = active[3]!;
  await app.store.staff.save({
    id: 's-0003', tenantId: OTHER_TENANT, name: 'Otherborough Lead', email: 'lead@other.example', role: 'principal_social_worker', team: 'Leadership',
    startDate: '2020-01-06', fte: 1, employment: 'permanent', status: 'active', aadObjectId: OTHER_PSW_OID,
  });
});
afterAll(async () => {
  await app?.stop();
  await entra?.stop();
});

const psw = () => entra.token({ tid: DEMO_TENANT_ID, oid: DEMO_USERS.psw.aadObjectId });
const practitioner = () => entra.token({ tid: DEMO_TENANT_ID, oid: DEMO_USERS.practitioner.aadObjectId });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

async function call<T = any>(method: string, path: string, token?: Promise<string>, body?: string, type = 'text/csv'): Promise<Answer<T>> {
  const t = await token;
  const headers: Record<string, string> = t ? { authorization: `Bearer ${t}` } : {};
  if (body !== undefined) headers['content-type'] = type;
  const res = await fetch(`${app.url}${path}`, { method, headers, body });
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  return { status: res.status, body: json, headers: res.headers };
}

const preview = (csv: string, kind = 'caseloads', token = psw()) => call<ImportReport>('POST', `/api/imports/${kind}/preview?fileName=caseloads.csv`, token, csv);
const apply = (csv: string, hash: string, extra = '', kind = 'caseloads') => call<ImportReport & ImportApiError>('POST', `/api/imports/${kind}/apply?hash=${hash}&fileName=caseloads.csv${extra}`, psw(), csv);

/** A caseload file for the demo workers on `date`, with `bad` rows appended. */
const caseloads = (date: string, bad: string[] = []) => [HEADER, ...workers.map((w, i) => `${w.email},${date},${i + 1},1,0,0,0,0`), ...bad].join('\r\n') + '\r\n';
const snapshotsOn = async (date: string) => (await app.store.collections.caseloads.all(DEMO_TENANT_ID, 'c.date = @date', { date })).length;
const importAudits = async () => (await app.store.audit.ofAction(DEMO_TENANT_ID, 'import')).filter((e) => e.actorId === DEMO_USERS.psw.staffId);

describe('who may import', () => {
  it('lists the kinds for the PSW, with templates and the size limit', async () => {
    const { status, body } = await call<ImportKinds>('GET', '/api/imports', psw());
    expect(status).toBe(200);
    expect(body.maxBytes).toBe(MAX_IMPORT_BYTES);
    expect(body.kinds.map((k) => k.kind)).toEqual([...IMPORT_KINDS]);
    expect(body.kinds.find((k) => k.kind === 'training')).toMatchObject({ label: 'Training register', templateFileName: 'reflect-training-template.csv' });
  });

  it('refuses a practitioner with 403 and says who imports', async () => {
    const date = '2026-11-10';
    const before = await snapshotsOn(date);
    const csv = caseloads(date);
    for (const [method, path, body] of [['GET', '/api/imports'], ['GET', '/api/imports/roster/template'], ['POST', '/api/imports/caseloads/preview', csv], ['POST', `/api/imports/caseloads/apply?hash=${sha256(csv)}`, csv]] as const) {
      const res = await call(method, path, practitioner(), body);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: 'forbidden', reason: 'Imports are for the principal social worker, service managers and business support.' });
    }
    expect(await snapshotsOn(date)).toBe(before);
  });

  it('refuses a request without a token with 401', async () => {
    const res = await call('POST', '/api/imports/caseloads/preview', undefined, caseloads('2026-11-02'));
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('unauthorized');
  });

  it('answers 404 with a reason for a kind that does not exist', async () => {
    for (const [method, path] of [['GET', '/api/imports/payroll/template'], ['POST', '/api/imports/payroll/preview'], ['POST', `/api/imports/payroll/apply?hash=${'0'.repeat(64)}`]]) {
      const res = await call(method!, path!, psw(), method === 'POST' ? 'a,b\r\n1,2\r\n' : undefined);
      expect(res.status).toBe(404);
      expect(res.body.error).toBe('not_found');
      expect(res.body.reason).toContain('roster, caseloads, training, courses');
    }
  });
});

describe('templates', () => {
  it.each(IMPORT_KINDS)('downloads the %s template as a CSV attachment', async (kind) => {
    const res = await call('GET', `/api/imports/${kind}/template`, psw());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${templateFileName(kind)}"`);
    expect(res.body).toBe(templateCsv(kind));
  });
});

describe('preview and apply', () => {
  it('lists row errors by row and field, and applies nothing unless only the valid rows are asked for', async () => {
    const date = '2026-11-03';
    const csv = caseloads(date, [`${workers[0]!.email.replace('@', '.x@')},${date},1,0,0,0,0,0`, `${spare.email},${date},Jane Smith,0,0,0,0,0`]);
    const auditsBefore = (await importAudits()).length;

    const checked = await preview(csv);
    expect(checked.status).toBe(200);
    const report = checked.body;
    expect(report).toMatchObject({ kind: 'caseloads', mode: 'preview', fileName: 'caseloads.csv', rows: 5, validRows: 3, invalidRows: 2, creates: 3, applied: false, written: 0, fileHash: sha256(csv) });
    // Row 1 is the header: the two bad rows are 5 and 6, as a spreadsheet numbers them.
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([[5, 'worker'], [6, 'cin']]);
    expect(report.errors[0]!.reason).toContain('Unknown worker');
    // A child's name in a count cell is never echoed back.
    expect(JSON.stringify(report)).not.toContain('Jane Smith');
    expect(await snapshotsOn(date)).toBe(0);

    const refused = await apply(csv, report.fileHash);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('has_errors');
    expect(refused.body.reason).toContain('Nothing was applied');
    expect(refused.body.report).toMatchObject({ applied: false, written: 0, invalidRows: 2 });
    expect(await snapshotsOn(date)).toBe(0);
    expect((await importAudits()).length).toBe(auditsBefore);

    const partial = await apply(csv, report.fileHash, '&onlyValidRows=true');
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ mode: 'apply-valid', applied: true, creates: 3, invalidRows: 2, written: 3 });
    expect(await snapshotsOn(date)).toBe(3);
  });

  it('applies a valid file, saves it and writes an audit entry naming the importer', async () => {
    const date = '2026-11-04';
    const csv = caseloads(date);
    const checked = await preview(csv);
    expect(checked.body).toMatchObject({ rows: 3, validRows: 3, invalidRows: 0, creates: 3, errors: [] });
    expect(await snapshotsOn(date)).toBe(0);

    const done = await apply(csv, checked.body.fileHash);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ mode: 'apply', applied: true, creates: 3, written: 3 });
    expect(done.body.summary).toBe('Applied: 3 created, 0 updated, 0 unchanged.');
    const stored = await app.store.collections.caseloads.all(DEMO_TENANT_ID, 'c.date = @date', { date });
    expect(stored.map((s) => s.staffId).sort()).toEqual(workers.map((w) => w.id).sort());
    expect(stored.find((s) => s.staffId === workers[1]!.id)?.counts.cin).toBe(2);

    const audit = (await importAudits()).find((e) => (e.details as { fileHash?: string }).fileHash === checked.body.fileHash);
    expect(audit).toMatchObject({ tenantId: DEMO_TENANT_ID, actorId: DEMO_USERS.psw.staffId, action: 'import', details: { kind: 'caseloads', mode: 'apply', fileName: 'caseloads.csv', applied: true } });
  });

  it('refuses to apply a file that is not the one previewed, and saves nothing', async () => {
    const date = '2026-11-05';
    const checked = await preview(caseloads(date));
    const changed = caseloads(date).replace(',1,1,0,0,0,0', ',9,1,0,0,0,0');
    const res = await apply(changed, checked.body.fileHash);
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('conflict');
    expect(res.body.reason).toContain('The file changed since the check');
    expect(await snapshotsOn(date)).toBe(0);
    expect((await apply(caseloads(date), 'not-a-hash')).status).toBe(400);
    expect((await call('POST', '/api/imports/caseloads/apply', psw(), caseloads(date))).body.reason).toContain('Check the file first');
  });

  it('applies nothing of a roster with a bad row (all or nothing)', async () => {
    const before = await app.store.collections.staff.count(DEMO_TENANT_ID);
    const roster = [
      'email,name,role,team,start_date',
      'new.starter@demo.example,New Starter,social_worker,Assessment 1,2026-11-02',
      'second.starter@demo.example,Second Starter,social wizard,Assessment 1,2026-11-02',
    ].join('\n');
    const checked = await preview(roster, 'roster');
    expect(checked.body.errors).toEqual([expect.objectContaining({ row: 3, column: 'role' })]);
    const refused = await apply(roster, checked.body.fileHash, '', 'roster');
    expect(refused.status).toBe(422);
    expect(await app.store.collections.staff.count(DEMO_TENANT_ID)).toBe(before);
    expect((await app.store.collections.staff.all(DEMO_TENANT_ID, 'c.email = @e', { e: 'new.starter@demo.example' })).length).toBe(0);
  });

  it('imports into the caller\'s tenant only, whatever the request says', async () => {
    const other = entra.token({ tid: OTHER_TENANT, oid: OTHER_PSW_OID });
    const date = '2026-11-06';
    const res = await call<ImportReport>('POST', `/api/imports/caseloads/preview?tenantId=${DEMO_TENANT_ID}`, other, caseloads(date));
    expect(res.status).toBe(200);
    // The demo borough's workers are strangers in the other council.
    expect(res.body.invalidRows).toBe(3);
    expect(res.body.errors.every((e) => e.reason.startsWith('Unknown worker'))).toBe(true);
  });
});

describe('bodies', () => {
  it('takes a file larger than the 256 KB limit of the rest of the service', async () => {
    const row = `nobody@demo.example,2026-11-07,1,0,0,0,0,0`;
    const csv = [HEADER, ...Array.from({ length: 8000 }, () => row)].join('\n');
    expect(csv.length).toBeGreaterThan(300 * 1024);
    const res = await preview(csv);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 8000, invalidRows: 8000 });
    // The Bot Framework endpoint keeps its own limit.
    const activity = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }) });
    expect(activity.status).toBe(413);
  });

  it('answers 413 with a JSON reason for a file over the limit', async () => {
    const big = 'a'.repeat(MAX_IMPORT_BYTES + 1);
    const res = await call('POST', '/api/imports/caseloads/preview', psw(), big);
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('too_large');
    expect(res.body.reason).toContain('up to 5 MB');
    // The connection was not spoilt: the service still answers.
    expect((await call('GET', '/api/imports', psw())).status).toBe(200);
  });

  it('refuses an empty body with 400 and a JSON body with 415', async () => {
    const empty = await call('POST', '/api/imports/caseloads/preview', psw(), '');
    expect(empty.status).toBe(400);
    expect(empty.body.reason).toContain('The file is empty');
    const json = await call('POST', '/api/imports/caseloads/preview', psw(), '{"rows":[]}', 'application/json');
    expect(json.status).toBe(415);
    expect(json.body.error).toBe('unsupported_media_type');
  });
});
