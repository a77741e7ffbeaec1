import { DEMO_TENANT_ID } from '../../bot/src/store/demo-borough';

/** Activities as Teams posts them to /api/messages, for a person identified by Entra object id. */
export class TeamsUser {
  constructor(
    readonly appUrl: string,
    readonly serviceUrl: string,
    readonly aadObjectId: string,
    readonly tenantId: string = DEMO_TENANT_ID,
  ) {}

  private base(conversation: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      id: `act-${Math.random().toString(36).slice(2)}`,
      timestamp: new Date().toISOString(),
      serviceUrl: this.serviceUrl,
      channelId: 'msteams',
      from: { id: `29:${this.aadObjectId}`, aadObjectId: this.aadObjectId, name: 'Test user' },
      conversation: { id: `a:personal-${this.aadObjectId}`, conversationType: 'personal', tenantId: this.tenantId, ...conversation },
      recipient: { id: '28:reflect-bot', name: 'Reflect' },
      channelData: { tenant: { id: this.tenantId } },
    };
  }

  post(activity: Record<string, unknown>): Promise<Response> {
    return fetch(`${this.appUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  }

  say(text: string, extra: Record<string, unknown> = {}): Promise<Response> {
    return this.post({ ...this.base(), type: 'message', text, ...extra });
  }

  install(): Promise<Response> {
    return this.post({ ...this.base(), type: 'conversationUpdate', membersAdded: [{ id: '28:reflect-bot' }, { id: `29:${this.aadObjectId}` }] });
  }

  /** A message in a team channel, mentioning the bot or not. */
  sayInChannel(text: string, mention: boolean): Promise<Response> {
    const entities = mention ? [{ type: 'mention', text: '<at>Reflect</at>', mentioned: { id: '28:reflect-bot', name: 'Reflect' } }] : [];
    return this.post({
      ...this.base({ id: '19:channel@thread.tacv2;messageid=1', conversationType: 'channel', isGroup: true }),
      type: 'message',
      text: mention ? `<at>Reflect</at> ${text}` : text,
      entities,
      channelData: { tenant: { id: this.tenantId }, team: { id: '19:team@thread.tacv2' }, channel: { id: '19:channel@thread.tacv2' } },
    });
  }

  /**
   * An Action.Execute press: the card's inputs and the button's data arrive together in `data`. `value`
   * replaces the whole invoke value (null: none at all), to send what Teams never would.
   */
  async invoke(verb: string, data: unknown, value?: unknown): Promise<{ status: number; body: { statusCode?: number; type?: string; value?: Record<string, unknown> } }> {
    const res = await this.post({
      ...this.base(),
      type: 'invoke',
      name: 'adaptiveCard/action',
      ...(value === null ? {} : { value: value ?? { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  }
}
