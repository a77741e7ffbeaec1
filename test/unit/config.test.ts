import { ConfigError, loadConfig } from '../../bot/src/config';

const APP_ID = '0f3c5d2a-1b2c-4d5e-8f90-123456789abc';
const TENANT = '7d3f8a2e-5b1c-4e6a-9f0d-2c8b4a6e1f30';

describe('loadConfig', () => {
  it('gives embedded defaults with no environment', () => {
    expect(loadConfig({})).toEqual({
      port: 3978,
      host: '0.0.0.0',
      cosmos: { endpoint: undefined, key: undefined, database: 'reflect' },
      seedDemo: true,
      bot: { appType: 'MultiTenant', connectorTimeoutMs: 15000 },
      timeZone: 'Europe/London',
      logLevel: 'info',
      shutdownGraceMs: 10000,
      nudges: { scheduler: true, time: '09:00', ratePerSecond: 8, escalateAfterDays: 14, triggerKey: undefined },
      tab: { clientId: undefined, audiences: [], scope: 'access_as_user', jwksUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys' },
      tabDir: 'dist/tab',
      devMode: true,
      retention: { years: 6, purge: true },
    });
  });

  it('sets up tab single sign-on from the client id and the tab domain, and leaves local dev mode', () => {
    const c = loadConfig({ AAD_APP_CLIENT_ID: APP_ID, TAB_DOMAIN: 'Reflect.Example.gov.uk' });
    expect(c.tab.audiences).toEqual([APP_ID, `api://reflect.example.gov.uk/${APP_ID}`]);
    expect(c.devMode).toBe(false);
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's' }).devMode).toBe(false);
    expect(() => loadConfig({ AAD_APP_CLIENT_ID: APP_ID })).toThrow('TAB_DOMAIN is required when AAD_APP_CLIENT_ID is set');
    expect(() => loadConfig({ AAD_APP_CLIENT_ID: 'tab' })).toThrow('AAD_APP_CLIENT_ID "tab" is not a GUID');
  });

  it('uses Azure Cosmos DB and seeds nothing when an endpoint is set', () => {
    const c = loadConfig({ COSMOS_ENDPOINT: 'https://reflect.documents.azure.com:443/', COSMOS_KEY: 'k' });
    expect(c.cosmos).toEqual({ endpoint: 'https://reflect.documents.azure.com:443/', key: 'k', database: 'reflect' });
    expect(c.seedDemo).toBe(false);
    expect(loadConfig({ COSMOS_ENDPOINT: 'https://reflect.documents.azure.com/', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('accepts each Bot Framework app type with what it needs', () => {
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret' }).bot).toEqual({ appId: APP_ID, appPassword: 'secret', appType: 'MultiTenant', appTenantId: undefined, connectorTimeoutMs: 15000 });
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT }).bot.appType).toBe('UserAssignedMSI');
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 's', MicrosoftAppTenantId: TENANT }).bot.appTenantId).toBe(TENANT);
  });

  it.each([
    [{ COSMOS_ENDPOINT: 'not a url' }, 'COSMOS_ENDPOINT "not a url" is not a URL'],
    [{ COSMOS_ENDPOINT: 'http://localhost:8081' }, 'COSMOS_ENDPOINT "http://localhost:8081" is not https'],
    [{ COSMOS_KEY: 'k' }, 'COSMOS_KEY is set without COSMOS_ENDPOINT'],
    [{ MicrosoftAppType: 'UserAssignedMSI' }, 'MicrosoftAppId is missing but MicrosoftAppType is set'],
    [{ MicrosoftAppPassword: 'x' }, 'MicrosoftAppId is missing but MicrosoftAppPassword is set'],
    [{ MicrosoftAppId: 'bot' }, 'MicrosoftAppId "bot" is not a GUID'],
    [{ MicrosoftAppId: APP_ID, MicrosoftAppType: 'Single' }, 'MicrosoftAppType is "Single"'],
    [{ MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 's' }, 'MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant'],
    [{ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT, MicrosoftAppPassword: 's' }, 'MicrosoftAppPassword is set but MicrosoftAppType is UserAssignedMSI'],
    [{ MicrosoftAppId: APP_ID }, 'MicrosoftAppPassword is required when MicrosoftAppType is MultiTenant'],
    [{ REFLECT_TIME_ZONE: 'Europe/Londres' }, 'REFLECT_TIME_ZONE "Europe/Londres" is not a known time zone'],
    [{ PORT: 'eighty' }, 'PORT is "eighty"'],
    [{ PORT: '70000' }, 'PORT is "70000"'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL is "verbose"'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO is "maybe"'],
    [{ NUDGE_TIME: '9am' }, 'NUDGE_TIME is "9am"'],
    [{ NUDGE_TRIGGER_KEY: 'short' }, 'NUDGE_TRIGGER_KEY is shorter than 32 characters'],
    [{ NUDGE_RATE_PER_SECOND: '0' }, 'NUDGE_RATE_PER_SECOND is "0"'],
  ])('stops on %j with a message naming the variable', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message.startsWith(message)).toBe(true);
    expect((error as Error).message).toContain(': ');
    expect((error as Error).message).not.toContain('\n');
  });
});
