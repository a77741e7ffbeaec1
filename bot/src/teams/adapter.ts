import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../log';
import { cappedRetryAfterHttpClient } from './capped-http-client';

/**
 * The Bot Framework adapter. Without an app id it runs in local development mode: no authentication on
 * /api/messages and no token on replies (the Agents Playground and the tests' fake connector).
 */
export function createAdapter(config: Config['bot'], log: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.appTenantId ?? '',
  }, undefined, undefined, undefined, { httpClient: cappedRetryAfterHttpClient } as ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]);
  const adapter = new CloudAdapter(auth);
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
