import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { Store } from '../store/store';

/**
 * Keeps each person's 1:1 conversation reference current, for proactive messages. Writing it on every message
 * would add a Cosmos round trip to every turn, so an unchanged reference is written at most once an hour.
 */
export class ReferenceKeeper {
  private readonly written = new Map<string, { key: string; at: number }>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  async remember(activity: Partial<Activity>, tenantId: string, staffId?: string): Promise<void> {
    const aadObjectId = activity.from?.aadObjectId;
    if (!aadObjectId || activity.conversation?.conversationType !== 'personal') return;
    const reference = TurnContext.getConversationReference(activity);
    const key = `${reference.serviceUrl}|${reference.conversation?.id}`;
    const last = this.written.get(`${tenantId}|${aadObjectId}`);
    if (last && last.key === key && this.now() - last.at < 3_600_000) return;
    await this.store.conversations.save({ tenantId, aadObjectId, staffId, reference: reference as Record<string, unknown>, updatedAt: new Date(this.now()).toISOString() });
    this.written.set(`${tenantId}|${aadObjectId}`, { key, at: this.now() });
  }

  /** After a send is refused (403/404), the next message must write the reference again. */
  forget(tenantId: string, aadObjectId: string): void {
    this.written.delete(`${tenantId}|${aadObjectId}`);
  }
}

export type StoredReference = Partial<ConversationReference>;
