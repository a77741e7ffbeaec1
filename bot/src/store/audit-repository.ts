import { randomUUID } from 'node:crypto';
import type { TenantScoped } from '../domain/model';
import type { Stored, TenantContainer } from './tenant-container';

export type AuditAction = 'read_supervision' | 'import' | 'purge' | 'export' | 'settings_changed';

/** Who did what to whose records, when. Details hold ids and counts, never record content. */
export interface AuditEntry extends TenantScoped {
  at: string;
  actorId: string;
  action: AuditAction;
  subjectId?: string;
  details?: Record<string, unknown>;
}

export class AuditRepository {
  constructor(private readonly docs: TenantContainer<AuditEntry>) {}

  record(entry: Omit<AuditEntry, 'id'>): Promise<Stored<AuditEntry>> {
    return this.docs.create({ ...entry, id: randomUUID() });
  }

  about(tenantId: string, subjectId: string): Promise<Stored<AuditEntry>[]> {
    return this.docs.all(tenantId, 'c.subjectId = @id', { id: subjectId }, 'c.at DESC');
  }

  byActor(tenantId: string, actorId: string): Promise<Stored<AuditEntry>[]> {
    return this.docs.all(tenantId, 'c.actorId = @id', { id: actorId }, 'c.at DESC');
  }

  ofAction(tenantId: string, action: AuditAction): Promise<Stored<AuditEntry>[]> {
    return this.docs.all(tenantId, 'c.action = @action', { action }, 'c.at DESC');
  }
}
