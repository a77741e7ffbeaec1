import { TeamsActivityHandler, type TurnContext } from 'botbuilder';
import { formatDate, type LocalDate } from '../domain/dates';
import { ROLE_LABELS } from '../domain/model';
import type { Logger } from '../log';
import type { Store } from '../store/store';

export interface BotDeps {
  store: Store;
  log: Logger;
  today: () => LocalDate;
}

/** Reflect's Teams bot: identifies the person by Entra object id within their tenant. */
export class ReflectBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
  }

  private async answer(context: TurnContext): Promise<void> {
    const tenantId = context.activity.channelData?.tenant?.id ?? context.activity.conversation?.tenantId;
    const aadObjectId = context.activity.from?.aadObjectId;
    const me = tenantId && aadObjectId ? await this.deps.store.status.byAadObjectId(tenantId, aadObjectId) : undefined;
    if (!me || !me.active) {
      await context.sendActivity('You are not on the staff list for this service; ask your Principal Social Worker.');
      return;
    }
    const due = me.nextDue ? `Your next supervision is due on ${formatDate(me.nextDue)}.` : 'You are not supervised through Reflect.';
    await context.sendActivity(`Hello ${me.name.split(' ')[0]} (${ROLE_LABELS[me.role]}, ${me.team}). ${due}`);
  }
}
