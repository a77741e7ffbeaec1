import type { LocalDate } from '../domain/dates';
import type { SupervisionSession } from '../domain/model';
import type { StatusRefresher } from './status-keeper';
import type { Page, Stored, TenantContainer } from './tenant-container';

export class SupervisionRepository {
  constructor(
    private readonly docs: TenantContainer<SupervisionSession>,
    private readonly status: StatusRefresher,
  ) {}

  get(tenantId: string, id: string): Promise<Stored<SupervisionSession> | undefined> {
    return this.docs.get(tenantId, id);
  }

  /** A person's sessions as supervisee, newest first. */
  forSupervisee(tenantId: string, superviseeId: string): Promise<Stored<SupervisionSession>[]> {
    return this.docs.all(tenantId, 'c.superviseeId = @id', { id: superviseeId }, 'c.date DESC');
  }

  forSupervisor(tenantId: string, supervisorId: string, since: LocalDate): Promise<Stored<SupervisionSession>[]> {
    return this.docs.all(tenantId, 'c.supervisorId = @id AND c.date >= @since', { id: supervisorId, since }, 'c.date DESC');
  }

  /** Sessions held in a date range, a page at a time (audit samples, dashboards). */
  heldBetween(tenantId: string, from: LocalDate, to: LocalDate, pageSize = 500, continuation?: string): Promise<Page<SupervisionSession>> {
    return this.docs.page(tenantId, "c.status = 'held' AND c.date >= @from AND c.date <= @to", { from, to }, { pageSize, continuation });
  }

  /** Sessions the supervisee has not yet agreed to or commented on. */
  awaitingResponse(tenantId: string, superviseeId: string): Promise<Stored<SupervisionSession>[]> {
    return this.docs.all(tenantId, "c.superviseeId = @id AND c.status = 'held' AND NOT IS_DEFINED(c.response)", { id: superviseeId }, 'c.date DESC');
  }

  /**
   * Saves new sessions (one per supervisee; several for a group session) and refreshes each supervisee.
   * Upserts, so a write retried after its reply was lost does not fail as a duplicate. If the database gives
   * out before everything (sessions and status documents) is written, the sessions are taken back as far as it
   * allows, so a record is never left half-saved, and the person is told to try again.
   */
  async create(sessions: readonly SupervisionSession[]): Promise<Stored<SupervisionSession>[]> {
    const saved: Stored<SupervisionSession>[] = [];
    try {
      for (const s of sessions) saved.push(await this.docs.upsert(s));
      await this.status.refresh(sessions[0]?.tenantId ?? '', [...new Set(sessions.map((s) => s.superviseeId))]);
    } catch (err) {
      await Promise.allSettled(saved.map((s) => this.docs.delete(s.tenantId, s.id)));
      throw err;
    }
    return saved;
  }

  /** Updates a session only if it is unchanged since it was read (`etag`). */
  async update(session: SupervisionSession, etag: string): Promise<Stored<SupervisionSession>> {
    const saved = await this.docs.replace(session, etag);
    await this.status.refresh(session.tenantId, [session.superviseeId]);
    return saved;
  }

  delete(tenantId: string, id: string): Promise<boolean> {
    return this.docs.delete(tenantId, id);
  }
}
