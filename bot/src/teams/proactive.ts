import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import type { ReferenceKeeper } from './references';

export type SendOutcome = 'sent' | 'unreachable' | 'stale';

function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | null;
  const s = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof s === 'number' ? s : undefined;
}

/**
 * Sends a card to one person through their stored 1:1 conversation reference. No reference (the app was never
 * opened) is "unreachable"; a reference Teams refuses with 403 or 404 (app removed, user gone) is marked stale
 * and not tried again until the person messages the bot.
 */
export class ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly store: Store,
    private readonly references: ReferenceKeeper,
    private readonly log: Logger,
  ) {}

  async sendCard(tenantId: string, aadObjectId: string, card: Record<string, unknown>): Promise<SendOutcome> {
    const record = await this.store.conversations.get(tenantId, aadObjectId);
    if (!record || record.staleSince) return record ? 'stale' : 'unreachable';
    // The adapter hands errors inside the turn to onTurnError (which would reply and swallow them): catch
    // the send's own error here and judge it below.
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, record.reference as Partial<ConversationReference>, async (context) => {
        try {
          await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
        } catch (err) {
          failure = err;
        }
      });
    } catch (err) {
      failure = err;
    }
    if (failure === undefined) return 'sent';
    const status = statusOf(failure);
    if (status === 403 || status === 404) {
      await this.store.conversations.markStale(tenantId, aadObjectId, new Date().toISOString());
      this.references.forget(tenantId, aadObjectId);
      this.log.warn('conversation reference is stale', { status });
      return 'stale';
    }
    throw failure;
  }
}
