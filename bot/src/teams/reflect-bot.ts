import { AuthenticationConstants } from 'botframework-connector';
import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type CloudAdapter,
  type ConversationParameters,
  type InvokeResponse,
} from 'botbuilder';
import { CARD_CONTENT_TYPE, type Card } from '../cards/card';
import { helpCard, notAllowedCard, notOnRosterCard, tryAgainCard, unknownCommandCard, welcomeCard } from '../cards/messages';
import { cpdFormCard, cpdReceiptCard, RECORD_VERBS, trainingFormCard, trainingReceiptCard } from '../cards/records';
import { actionsCard, caseloadCard, developmentCard, teamCard } from '../cards/summaries';
import { TRAINING_STATUS_LABELS } from '../cards/labels';
import { bookedCard, NUDGE_VERBS, snoozedCard } from '../cards/nudges';
import { recordBooking, snoozeNudge } from '../usecases/nudge-controls';
import {
  acknowledgedCard,
  acknowledgementRequestCard,
  pendingCard,
  supervisionFormCard,
  supervisionReceiptCard,
  VERBS,
} from '../cards/supervision';
import type { LocalDate } from '../domain/dates';
import type { TrainingStatus } from '../domain/model';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import { isManager, type Actor, type ActorFinder } from '../usecases/actor';
import { openTrainingForm, saveCpd, saveTraining } from '../usecases/records';
import type { ReferenceData } from '../usecases/reference-data';
import { myCaseload, myDevelopment, myTeam } from '../usecases/summaries';
import {
  NotAllowed,
  addActionRow,
  openSupervisionForm,
  ownSession,
  pendingAcknowledgements,
  respondToSupervision,
  saveSupervision,
  sessionDetail,
} from '../usecases/supervision';
import { parseCommand, type Command } from './commands';
import type { ProactiveSender } from './proactive';
import type { ReferenceKeeper } from './references';

export interface BotDeps {
  store: Store;
  actors: ActorFinder;
  log: Logger;
  today: () => LocalDate;
  now: () => Date;
  reference: ReferenceData;
  references: ReferenceKeeper;
  sender: ProactiveSender;
  adapter: CloudAdapter;
  botAppId: string;
}

const MAX_TEXT_LENGTH = 2000;

const tenantOf = (context: TurnContext): string | undefined => context.activity.channelData?.tenant?.id ?? context.activity.conversation?.tenantId;
const isPersonal = (context: TurnContext): boolean => (context.activity.conversation?.conversationType ?? 'personal') === 'personal';
const cardMessage = (card: Card): ReturnType<typeof MessageFactory.attachment> => MessageFactory.attachment(CardFactory.adaptiveCard(card));
const cardResponse = (card: Card): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: CARD_CONTENT_TYPE, value: card as unknown as Record<string, unknown> });

/**
 * Reflect's Teams bot. People are identified by Entra object id within their tenant and answered with cards.
 * In channels and group chats it answers only when mentioned, and sends anything personal in a 1:1 chat.
 */
export class ReflectBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.onText(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient?.id);
      if (botAdded && isPersonal(context)) await this.welcome(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      const actor = await this.deps.actors.find(tenantOf(context), context.activity.from?.aadObjectId);
      if (actor) await this.deps.references.remember(context.activity, actor.tenantId, actor.me.staffId);
      await next();
    });
  }

  private async welcome(context: TurnContext): Promise<void> {
    const actor = await this.deps.actors.find(tenantOf(context), context.activity.from?.aadObjectId);
    if (!actor) {
      await context.sendActivity(cardMessage(notOnRosterCard()));
      return;
    }
    await this.deps.references.remember(context.activity, actor.tenantId, actor.me.staffId);
    await context.sendActivity(cardMessage(welcomeCard(actor.me.name.split(' ')[0]!, isManager(actor.me.role))));
  }

  private async onText(context: TurnContext): Promise<void> {
    if (!isPersonal(context)) {
      const mentioned = (context.activity.entities ?? []).some((e) => e.type === 'mention' && e.mentioned?.id === context.activity.recipient?.id);
      if (!mentioned) return;
      TurnContext.removeRecipientMention(context.activity);
    }
    const actor = await this.deps.actors.find(tenantOf(context), context.activity.from?.aadObjectId);
    if (!actor) {
      await context.sendActivity(cardMessage(notOnRosterCard()));
      return;
    }
    await this.deps.references.remember(context.activity, actor.tenantId, actor.me.staffId);
    const typed = (context.activity.text ?? '').slice(0, MAX_TEXT_LENGTH).trim();
    const card = await this.safely(() => this.answer(actor, typed));
    if (isPersonal(context)) {
      await context.sendActivity(cardMessage(card));
      return;
    }
    await this.sendPrivately(context, actor, card);
    await context.sendActivity("I've sent you the answer in a private chat with Reflect, to keep your records out of this conversation.");
  }

  private async answer(actor: Actor, typed: string): Promise<Card> {
    const command: Command | undefined = parseCommand(typed);
    const manager = isManager(actor.me.role);
    const deps = this.deps;
    switch (command) {
      case 'help':
        return helpCard(manager);
      case 'log-supervision':
        return supervisionFormCard(await openSupervisionForm(deps, actor));
      case 'log-training':
        return trainingFormCard(await openTrainingForm(deps, actor));
      case 'log-cpd':
        return cpdFormCard({ today: deps.today() });
      case 'development':
        return developmentCard(await myDevelopment(deps, actor));
      case 'caseload':
        return caseloadCard(actor.me.name, await myCaseload(deps, actor));
      case 'actions':
        return actionsCard(await myDevelopment(deps, actor));
      case 'team':
        if (!manager) return notAllowedCard('The team view is for managers. Type "my development" for your own summary.');
        return teamCard(await myTeam(deps, actor));
      case 'pending':
        return pendingCard({ sessions: await pendingAcknowledgements(deps.store, actor) });
      default:
        return unknownCommandCard(typed, manager);
    }
  }

  /** A refusal becomes a card saying why; anything unexpected becomes "please try again", never a 500. */
  private async safely(work: () => Promise<Card>): Promise<Card> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof NotAllowed) return notAllowedCard(err.message);
      this.deps.log.error('could not answer', { error: err });
      return tryAgainCard();
    }
  }

  /** In a channel: send to the person's 1:1 chat (stored reference, or a new conversation). */
  private async sendPrivately(context: TurnContext, actor: Actor, card: Card): Promise<void> {
    if ((await this.deps.sender.sendCard(actor.tenantId, actor.aadObjectId, card)) === 'sent') return;
    const params = {
      isGroup: false,
      bot: context.activity.recipient,
      members: [context.activity.from],
      tenantId: actor.tenantId,
      channelData: { tenant: { id: actor.tenantId } },
    } as ConversationParameters;
    await this.deps.adapter.createConversationAsync(
      this.deps.botAppId,
      context.activity.channelId,
      context.activity.serviceUrl,
      AuthenticationConstants.ToChannelFromBotOAuthScope,
      params,
      async (privateContext) => {
        await privateContext.sendActivity(cardMessage(card));
      },
    );
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const card = await this.safely(() => this.onCardAction(context));
    return { status: 200, body: cardResponse(card) };
  }

  /** Universal Actions: the verb picks the use case; the answer replaces the card in place. */
  private async onCardAction(context: TurnContext): Promise<Card> {
    const value = context.activity.value as { action?: { type?: unknown; verb?: unknown; data?: unknown } } | undefined;
    const action = value?.action;
    const data = action?.data ?? {};
    if (!action || action.type !== 'Action.Execute' || typeof action.verb !== 'string' || typeof data !== 'object' || data === null || Array.isArray(data)) {
      return notAllowedCard('That button sent something Reflect does not understand. Please type "help" to start again.');
    }
    const input = data as Record<string, unknown>;
    const actor = await this.deps.actors.find(tenantOf(context), context.activity.from?.aadObjectId);
    if (!actor) return notOnRosterCard();
    const deps = this.deps;
    switch (action.verb) {
      case VERBS.openSupervision:
        return supervisionFormCard(await openSupervisionForm(deps, actor, typeof input.superviseeId === 'string' ? input.superviseeId : undefined));
      case VERBS.addActionRow:
        return supervisionFormCard(await addActionRow(deps, actor, input));
      case VERBS.saveSupervision: {
        const result = await saveSupervision(deps, actor, input, async (session, supervisee) => {
          if (!supervisee.aadObjectId) return 'unreachable';
          const detail = await sessionDetail(deps.store, actor.tenantId, { ...session, _etag: '' });
          return deps.sender.sendCard(actor.tenantId, supervisee.aadObjectId, acknowledgementRequestCard(detail));
        });
        if (!result.ok) return supervisionFormCard(result.form);
        const first = result.sessions[0]!;
        return supervisionReceiptCard({ supervisees: result.superviseeNames, date: first.date, status: first.status, flags: result.flags, nextDue: result.nextDue, unreachable: result.unreachable });
      }
      case VERBS.reviewSupervision: {
        const detail = await sessionDetail(deps.store, actor.tenantId, await ownSession(deps.store, actor, input.sessionId));
        return detail.session.response ? acknowledgedCard(detail) : acknowledgementRequestCard(detail);
      }
      case VERBS.respond: {
        const result = await respondToSupervision(deps.store, actor, input, deps.now());
        return result.ok ? acknowledgedCard(result.detail) : acknowledgementRequestCard(result.detail, result.errors);
      }
      case RECORD_VERBS.saveTraining: {
        const result = await saveTraining(deps, actor, input);
        if (!result.ok) return trainingFormCard(result.form);
        const r = result.records[0]!;
        return trainingReceiptCard(result.course.title, r.date, TRAINING_STATUS_LABELS[r.status as TrainingStatus], result.people);
      }
      case RECORD_VERBS.saveCpd: {
        const result = await saveCpd(deps, actor, input);
        if (!result.ok) return cpdFormCard({ today: deps.today(), values: result.values, errors: result.errors });
        return cpdReceiptCard(result.date, result.entries, result.peerReflected, result.yearLabel, result.met);
      }
      case NUDGE_VERBS.snooze:
        return snoozedCard(await snoozeNudge(deps.store, actor, input, deps.today(), deps.now()));
      case NUDGE_VERBS.booked: {
        const result = await recordBooking(deps.store, actor, input, deps.today(), deps.now());
        return result.ok ? bookedCard(result.name, result.date) : notAllowedCard(result.message);
      }
      default:
        return notAllowedCard('That button is no longer supported. Please type "help" to start again.');
    }
  }
}
