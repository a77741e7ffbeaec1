import { startApp, type App } from '../../bot/src/app';
import { loadConfig } from '../../bot/src/config';
import { silentLogger } from '../../bot/src/log';

/** The whole service on a free loopback port with the embedded, seeded database and a fixed clock. */
export function startTestApp(env: Record<string, string> = {}, now = new Date('2026-11-23T10:00:00Z')): Promise<App> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SHUTDOWN_GRACE_MS: '2000', ...env });
  return startApp(config, { log: silentLogger, now: () => now });
}

/** A Teams message activity from a person, as Teams would post it to /api/messages. */
export function teamsMessage(serviceUrl: string, tenantId: string, aadObjectId: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `msg-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${aadObjectId}`, aadObjectId, name: 'Test user' },
    conversation: { id: `a:conv-${aadObjectId}`, conversationType: 'personal', tenantId },
    recipient: { id: '28:reflect-bot', name: 'Reflect' },
    channelData: { tenant: { id: tenantId } },
    text,
    ...extra,
  };
}
