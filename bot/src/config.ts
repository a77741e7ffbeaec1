/**
 * Every environment variable the service reads, validated once at start-up. A bad value stops the service
 * with one line naming the variable and how to fix it (ConfigError), never a stack trace later on.
 */

export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
  port: number;
  host: string;
  /** Absent: the embedded in-memory Cosmos server. */
  cosmos: { endpoint?: string; key?: string; database: string };
  /** Seed the demo borough at start-up (default: only on the embedded database). */
  seedDemo: boolean;
  /** Absent app id: local development mode, no Bot Framework authentication. */
  bot: { appId?: string; appPassword?: string; appType: AppType; appTenantId?: string; connectorTimeoutMs: number };
  timeZone: string;
  logLevel: LogLevel;
  shutdownGraceMs: number;
  /** Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING); absent: no telemetry is sent. */
  telemetry?: { connectionString: string };
  /**
   * Single sign-on for the tab (the manifest's webApplicationInfo). Absent client id: no tab API tokens are
   * accepted; with no bot app id either, the service is in local dev mode and the tab offers a dev sign-in.
   */
  tab: { clientId?: string; audiences: string[]; scope: string; jwksUrl: string };
  /** Where the built tab is (npm run build writes dist/tab). */
  tabDir: string;
  /** Local development: no bot app id and no tab client id (never true in a configured deployment). */
  devMode: boolean;
  nudges: {
    /** Run the daily sweep in this process (several instances are safe: a lease lets one send). */
    scheduler: boolean;
    /** Local time of the daily sweep, "HH:MM". */
    time: string;
    ratePerSecond: number;
    escalateAfterDays: number;
    /** Shared secret for POST /api/nudges/run (an external scheduler); absent: the endpoint is off. */
    triggerKey?: string;
  };
  retention: {
    /** Whole years a leaver's records are kept after their leaving date (RETENTION_YEARS, default 6). */
    years: number;
    /** Run the daily purge of expired leavers in this process (RETENTION_PURGE; a lease lets one instance purge). */
    purge: boolean;
  };
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string, fix: string) {
    super(`${variable} ${problem}: ${fix}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
const APP_TYPES: readonly AppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];

function text(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(name, `is "${raw}"`, `set a whole number from ${min} to ${max}, or leave it unset for ${fallback}`);
  return n;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `is "${raw}"`, 'set true or false');
}

function cosmosEndpoint(env: Env): string | undefined {
  const raw = text(env, 'COSMOS_ENDPOINT');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('COSMOS_ENDPOINT', `"${raw}" is not a URL`, 'set it to the account endpoint, e.g. https://<account>.documents.azure.com:443/, or unset it for the embedded database');
  }
  if (url.protocol !== 'https:') throw new ConfigError('COSMOS_ENDPOINT', `"${raw}" is not https`, 'Cosmos DB endpoints start with https://');
  return raw;
}

function timeZone(env: Env): string {
  const tz = text(env, 'REFLECT_TIME_ZONE') ?? 'Europe/London';
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
  } catch {
    throw new ConfigError('REFLECT_TIME_ZONE', `"${tz}" is not a known time zone`, 'use an IANA name such as Europe/London');
  }
  return tz;
}

function bot(env: Env): Config['bot'] {
  const appId = text(env, 'MicrosoftAppId');
  const appPassword = text(env, 'MicrosoftAppPassword');
  const rawType = text(env, 'MicrosoftAppType');
  const appTenantId = text(env, 'MicrosoftAppTenantId');
  if (rawType !== undefined && !APP_TYPES.includes(rawType as AppType)) {
    throw new ConfigError('MicrosoftAppType', `is "${rawType}"`, `use one of ${APP_TYPES.join(', ')}`);
  }
  const appType = (rawType ?? 'MultiTenant') as AppType;
  const connectorTimeoutMs = integer(env, 'CONNECTOR_TIMEOUT_MS', 15000, 1000, 120000);
  if (!appId) {
    if (rawType || appPassword || appTenantId) {
      const set = rawType ? 'MicrosoftAppType' : appPassword ? 'MicrosoftAppPassword' : 'MicrosoftAppTenantId';
      throw new ConfigError('MicrosoftAppId', `is missing but ${set} is set`, 'set MicrosoftAppId to the bot\'s app id, or unset the other Microsoft* variables for local development');
    }
    return { appType, connectorTimeoutMs };
  }
  if (!GUID.test(appId)) throw new ConfigError('MicrosoftAppId', `"${appId}" is not a GUID`, 'copy the Application (client) ID from the Entra app registration');
  if (appType !== 'MultiTenant' && !appTenantId) throw new ConfigError('MicrosoftAppTenantId', `is required when MicrosoftAppType is ${appType}`, 'set it to your Entra tenant id');
  if (appTenantId && !GUID.test(appTenantId)) throw new ConfigError('MicrosoftAppTenantId', `"${appTenantId}" is not a GUID`, 'set it to your Entra tenant id');
  if (appType === 'UserAssignedMSI' && appPassword) throw new ConfigError('MicrosoftAppPassword', 'is set but MicrosoftAppType is UserAssignedMSI', 'a managed identity has no password: unset it');
  if (appType !== 'UserAssignedMSI' && !appPassword) throw new ConfigError('MicrosoftAppPassword', `is required when MicrosoftAppType is ${appType}`, 'set the client secret, or use UserAssignedMSI');
  return { appId, appPassword, appType, appTenantId, connectorTimeoutMs };
}

function nudges(env: Env): Config['nudges'] {
  const time = text(env, 'NUDGE_TIME') ?? '09:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) throw new ConfigError('NUDGE_TIME', `is "${time}"`, 'use 24-hour HH:MM, e.g. 09:00');
  const triggerKey = text(env, 'NUDGE_TRIGGER_KEY');
  if (triggerKey !== undefined && triggerKey.length < 32) throw new ConfigError('NUDGE_TRIGGER_KEY', 'is shorter than 32 characters', 'use a long random secret (e.g. openssl rand -hex 32)');
  return {
    scheduler: flag(env, 'NUDGE_SCHEDULER', true),
    time,
    ratePerSecond: integer(env, 'NUDGE_RATE_PER_SECOND', 8, 1, 50),
    escalateAfterDays: integer(env, 'NUDGE_ESCALATE_DAYS', 14, 1, 365),
    triggerKey,
  };
}

function telemetry(env: Env): Config['telemetry'] {
  const connectionString = text(env, 'APPLICATIONINSIGHTS_CONNECTION_STRING');
  if (connectionString === undefined) return undefined;
  if (!/(^|;)\s*(InstrumentationKey|IngestionEndpoint)=[^;]+/i.test(connectionString)) {
    throw new ConfigError('APPLICATIONINSIGHTS_CONNECTION_STRING', 'is not an Application Insights connection string', 'copy it from the Application Insights resource (it holds InstrumentationKey=… and IngestionEndpoint=…), or unset it to send no telemetry');
  }
  return { connectionString };
}

function tab(env: Env): Config['tab'] {
  const clientId = text(env, 'AAD_APP_CLIENT_ID');
  if (clientId !== undefined && !GUID.test(clientId)) throw new ConfigError('AAD_APP_CLIENT_ID', `"${clientId}" is not a GUID`, "copy the tab's Entra app (client) id from its app registration");
  const domain = text(env, 'TAB_DOMAIN');
  if (clientId && !domain) throw new ConfigError('TAB_DOMAIN', 'is required when AAD_APP_CLIENT_ID is set', 'set the host name the tab is served from, e.g. reflect-abc123.azurewebsites.net (its Application ID URI is api://<TAB_DOMAIN>/<client id>)');
  const scope = text(env, 'TAB_SCOPE') ?? 'access_as_user';
  const jwksUrl = text(env, 'ENTRA_JWKS_URL') ?? 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
  if (!/^https?:\/\//.test(jwksUrl)) throw new ConfigError('ENTRA_JWKS_URL', `"${jwksUrl}" is not a URL`, 'leave it unset for Entra ID');
  return { clientId, audiences: clientId ? [clientId, `api://${domain!.toLowerCase()}/${clientId}`] : [], scope, jwksUrl };
}

export function loadConfig(env: Env = process.env): Config {
  const endpoint = cosmosEndpoint(env);
  const key = text(env, 'COSMOS_KEY');
  if (key && !endpoint) throw new ConfigError('COSMOS_KEY', 'is set without COSMOS_ENDPOINT', 'set COSMOS_ENDPOINT too, or unset COSMOS_KEY for the embedded database');
  const logLevel = (text(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `is "${logLevel}"`, `use one of ${LOG_LEVELS.join(', ')}`);
  const botConfig = bot(env);
  const tabConfig = tab(env);
  return {
    port: integer(env, 'PORT', 3978, 0, 65535),
    host: text(env, 'HOST') ?? '0.0.0.0',
    cosmos: { endpoint, key, database: text(env, 'COSMOS_DATABASE') ?? 'reflect' },
    seedDemo: flag(env, 'SEED_DEMO', !endpoint),
    bot: botConfig,
    tab: tabConfig,
    tabDir: text(env, 'TAB_DIR') ?? 'dist/tab',
    devMode: !botConfig.appId && !tabConfig.clientId,
    timeZone: timeZone(env),
    logLevel,
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10000, 0, 120000),
    telemetry: telemetry(env),
    nudges: nudges(env),
    retention: { years: integer(env, 'RETENTION_YEARS', 6, 1, 100), purge: flag(env, 'RETENTION_PURGE', true) },
  };
}
