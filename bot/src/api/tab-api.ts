import { supervisionRecordCard } from '../cards/supervision';
import { drawSample } from '../domain/audit-sample';
import { isLocalDate, plusMonths, type LocalDate } from '../domain/dates';
import { isRole, ROLE_LABELS, SUPERVISION_FUNCTIONS, type Role } from '../domain/model';
import { RECENT_MONTHS, type PersonStatus } from '../domain/status';
import { SUPERVISION_TYPE_LABELS } from '../cards/labels';
import type { AuditAction } from '../store/audit-repository';
import type { Store } from '../store/store';
import { seesEveryone } from '../usecases/actor';
import type { ReferenceData } from '../usecases/reference-data';
import { subjectAccessData } from '../usecases/subject-access';
import { lineOf, reachOver, viewsFor, type Reach } from './access';
import type { TabCaller } from './authenticate';
import type { AuditRecord, AuditSample, PersonReport, RecordCard, SubjectAccessExport, WhoAmI, WorkforceReport } from './contract';
import { badRequest, forbidden, notFound } from './failures';
import { personReport } from './person-report';
import type { TenantPeople, TenantPeopleCache } from './tenant-people';
import { workforceReport } from './workforce-report';

export interface TabApiDeps {
  store: Store;
  people: TenantPeopleCache;
  reference: ReferenceData;
  today: () => LocalDate;
  now: () => Date;
}

type Query = Record<string, unknown>;

const MAX_SAMPLE = 50;
const MAX_SEED_LENGTH = 100;
const TEXT_LIMIT = 200;

/** What the tab asks of the service, each answer already checked against who is asking. */
export class TabApi {
  constructor(private readonly deps: TabApiDeps) {}

  whoAmI(caller: TabCaller): WhoAmI {
    const { me } = caller;
    return { staffId: me.staffId, name: me.name, role: me.role, roleLabel: ROLE_LABELS[me.role], team: me.team, views: viewsFor(me.role), devMode: caller.devMode, today: this.deps.today() };
  }

  async workforce(caller: TabCaller, query: Query): Promise<WorkforceReport> {
    if (!seesEveryone(caller.me.role)) throw forbidden('The workforce view is for the principal social worker and service managers. Your team is under "Team".');
    return this.report(caller, 'workforce', query, ({ all }) => all);
  }

  async team(caller: TabCaller, query: Query): Promise<WorkforceReport> {
    if (!viewsFor(caller.me.role).includes('team')) throw forbidden('The team view is for people who supervise others.');
    return this.report(caller, 'team', query, ({ byId }) => lineOf(caller.me.staffId, byId));
  }

  /** The same filters over the same people give the same figures: computed once per change of the tenant's people. */
  private async report(caller: TabCaller, scope: WorkforceReport['scope'], query: Query, inScope: (people: TenantPeople) => readonly PersonStatus[]): Promise<WorkforceReport> {
    const team = optionalText(query, 'team');
    const role = optionalText(query, 'role');
    if (role !== undefined && !isRole(role)) throw badRequest(`role "${role}" is not a role Reflect knows.`);
    const { policy, catalogue } = await this.deps.reference.get(caller.tenantId);
    const today = this.deps.today();
    const key = JSON.stringify([scope, scope === 'team' ? caller.me.staffId : '', team ?? '', role ?? '', today]);
    const report = await this.deps.people.derive(caller.tenantId, key, (tenant) => {
      const people = inScope(tenant);
      if (team !== undefined && !people.some((p) => p.team === team)) return undefined;
      const names = new Map([...tenant.byId.values()].map((p) => [p.staffId, p.name]));
      return workforceReport({ scope, people, names, catalogue, policy, today, filters: { team, role: role as Role | undefined } });
    });
    if (!report) throw badRequest(`team "${team}" is not a team in your view.`);
    return report;
  }

  async person(caller: TabCaller, staffId: string): Promise<PersonReport> {
    const { subject, reach, byId } = await this.subject(caller, staffId);
    const tenantId = caller.tenantId;
    const seesSupervision = reach !== 'training_only';
    const [sessions, training, caseloads, { policy, catalogue }] = await Promise.all([
      seesSupervision ? this.deps.store.supervision.forSupervisee(tenantId, staffId) : undefined,
      this.deps.store.training.forStaff(tenantId, staffId),
      subject.caseload ? this.deps.store.caseloads.recent(tenantId, staffId, 3) : [],
      this.deps.reference.get(tenantId),
    ]);
    if (seesSupervision && reach !== 'self') await this.audit(caller, 'read_supervision', staffId, { view: 'person', records: sessions!.length });
    const names = new Map([...byId.values()].map((p) => [p.staffId, p.name]));
    return personReport(subject, { sessions, training, caseloadsNewestFirst: caseloads }, names, catalogue, policy, this.deps.today());
  }

  async recordCard(caller: TabCaller, staffId: string, sessionId: string): Promise<RecordCard> {
    const { subject, reach, byId } = await this.subject(caller, staffId);
    if (reach === 'training_only') throw forbidden('Business support can see training records, not supervision records.');
    const session = await this.deps.store.supervision.get(caller.tenantId, sessionId);
    if (!session || session.superviseeId !== staffId) throw notFound('There is no such supervision record for this person.');
    if (reach !== 'self') await this.audit(caller, 'read_supervision', staffId, { view: 'record', sessionIds: [sessionId] });
    const nameOf = (id: string) => byId.get(id)?.name ?? 'Unknown';
    const names = Object.fromEntries(session.actions.flatMap((a) => (a.ownerId ? [[a.ownerId, nameOf(a.ownerId)]] : [])));
    return { card: supervisionRecordCard({ session, supervisorName: nameOf(session.supervisorId), superviseeName: subject.name, names }) };
  }

  /** Subject access: yourself, or anyone for the PSW and service managers (who answer requests for others). */
  async exportPerson(caller: TabCaller, staffId: string): Promise<SubjectAccessExport> {
    const { reach } = await this.subject(caller, staffId);
    if (reach !== 'self' && reach !== 'tenant') throw forbidden('You can download only your own data.');
    const containers = await subjectAccessData(this.deps.store, caller.tenantId, staffId);
    await this.audit(caller, 'export', staffId, { containers: Object.fromEntries(Object.entries(containers).map(([k, v]) => [k, v.length])) });
    return { exportedAt: this.deps.now().toISOString(), tenantId: caller.tenantId, staffId, containers };
  }

  async auditSample(caller: TabCaller, query: Query): Promise<AuditSample> {
    if (!seesEveryone(caller.me.role)) throw forbidden('Audit samples are for the principal social worker and service managers.');
    const today = this.deps.today();
    const n = wholeNumber(query, 'n', 10, 1, MAX_SAMPLE);
    const seed = optionalText(query, 'seed') ?? today;
    if (seed.length > MAX_SEED_LENGTH) throw badRequest(`seed must be at most ${MAX_SEED_LENGTH} characters.`);
    const to = dateParam(query, 'to') ?? today;
    const from = dateParam(query, 'from') ?? plusMonths(to, -3);
    if (from > to) throw badRequest('from must be on or before to.');
    if (to > today) throw badRequest('to cannot be in the future.');
    if (from < plusMonths(today, -RECENT_MONTHS + 1)) throw badRequest(`Audit samples cover the last ${RECENT_MONTHS - 1} months: choose a from date on or after ${plusMonths(today, -RECENT_MONTHS + 1)}.`);
    const { all, byId } = await this.deps.people.get(caller.tenantId);
    const candidates = all.flatMap((p) => p.recentSessions.filter((s) => s.date >= from && s.date <= to).map((s) => ({ id: s.id, staffId: p.staffId })));
    const drawn = drawSample(candidates, n, seed);
    const sessions = await Promise.all(drawn.map((d) => this.deps.store.supervision.get(caller.tenantId, d.id)));
    const records: AuditRecord[] = sessions.flatMap((s) => {
      const person = s && byId.get(s.superviseeId);
      if (!s || !person) return [];
      return [{
        sessionId: s.id,
        date: s.date,
        supervisee: { staffId: person.staffId, name: person.name, team: person.team, roleLabel: ROLE_LABELS[person.role] },
        supervisorName: byId.get(s.supervisorId)?.name ?? 'Unknown',
        type: s.type,
        typeLabel: SUPERVISION_TYPE_LABELS[s.type],
        durationMinutes: s.durationMinutes,
        functions: SUPERVISION_FUNCTIONS.filter((f) => s.functions.includes(f)).length,
        cycle: [s.experience, s.reflection, s.analysis, s.plan].filter((t) => t && t.trim()).length,
        actions: s.actions.length,
        specificActions: s.actions.filter((a) => a.ownerId && a.due).length,
        qualityFlags: s.qualityFlags,
        response: !s.response ? 'none' : s.response.comment ? 'commented' : 'agreed',
      }];
    });
    for (const r of records) await this.audit(caller, 'read_supervision', r.supervisee.staffId, { view: 'audit_sample', sessionIds: [r.sessionId], seed });
    return { seed, n, from, to, population: candidates.length, records: records.sort((a, b) => a.date.localeCompare(b.date) || a.sessionId.localeCompare(b.sessionId)) };
  }

  private async subject(caller: TabCaller, staffId: string): Promise<{ subject: PersonStatus; reach: Reach; byId: ReadonlyMap<string, PersonStatus> }> {
    const { byId } = await this.deps.people.get(caller.tenantId);
    const subject = byId.get(staffId);
    const reach = subject ? reachOver(caller.me, subject, byId) : 'none';
    // Someone out of reach gets the same answer whether or not they exist, so ids cannot be probed.
    if (!subject || reach === 'none') throw forbidden('You can see your own records, and those of people you supervise.');
    return { subject, reach, byId };
  }

  private async audit(caller: TabCaller, action: AuditAction, subjectId: string, details: Record<string, unknown>): Promise<void> {
    await this.deps.store.audit.record({ tenantId: caller.tenantId, at: this.deps.now().toISOString(), actorId: caller.me.staffId, action, subjectId, details });
  }
}

function optionalText(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be given once, as text.`);
  if (value.length > TEXT_LIMIT) throw badRequest(`${name} is too long.`);
  return value;
}

function wholeNumber(query: Query, name: string, fallback: number, min: number, max: number): number {
  const raw = optionalText(query, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw badRequest(`${name} must be a whole number from ${min} to ${max}.`);
  return n;
}

function dateParam(query: Query, name: string): LocalDate | undefined {
  const raw = optionalText(query, name);
  if (raw !== undefined && !isLocalDate(raw)) throw badRequest(`${name} must be a date as YYYY-MM-DD.`);
  return raw;
}
