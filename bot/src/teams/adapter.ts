import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../log';
import { cappedHttpClient } from './capped-http-client';

/**
 * The Bot Framework adapter. Without an app id it runs in local development mode: no authentication on
 * /api/messages and no token on replies (the Agents Playground and the tests' fake connector).
 */
export class ReflectAdapter extends CloudAdapter {
  /**
   * Checks the Bot Framework token on an incoming activity (signature, issuer, audience, expiry, service URL)
   * before the adapter sees it. The adapter answers 500 when a token with a known key id has a bad signature;
   * the server calls this first so every bad token gets a 401. In local dev mode (no app id) anything passes.
   */
  async authenticate(activity: Partial<Activity>, authHeader: string): Promise<void> {
    await this.botFrameworkAuthentication.authenticateRequest(activity as Activity, authHeader);
  }
}

export function createAdapter(config: Config['bot'], log: Logger): ReflectAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.appTenantId ?? '',
  }, undefined, undefined, undefined, { httpClient: cappedHttpClient(config.connectorTimeoutMs) } as ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]);
  const adapter = new ReflectAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error('turn failed', { error, activityType: context.activity.type, conversationType: context.activity.conversation?.conversationType });
    try {
      await context.sendActivity('Sorry, something went wrong on our side. Please try again in a minute.');
    } catch (sendError) {
      log.warn('could not send the error reply', { error: sendError });
    }
  };
  return adapter;
}
