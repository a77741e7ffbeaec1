import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '../../../bot/src/config';
import { CONTAINERS } from '../../../bot/src/store/containers';
import { bicepFiles, lintFile, lintInfra } from '../../../scripts/bicep/lint';
import { declarations, declaredName, declaredValue, Expression, parseBicep, propertyAt, resources, syntaxErrors, valueOf, type BicepFile } from '../../../scripts/bicep/parse';

const INFRA = join(__dirname, '../../../infra');

async function infraFile(path: string): Promise<BicepFile> {
  return parseBicep(join(INFRA, path));
}

function variable(file: BicepFile, name: string): ReturnType<typeof valueOf> {
  const decl = declarations(file, 'variable_declaration').find((d) => declaredName(d) === name);
  const value = decl && declaredValue(decl);
  if (!value) throw new Error(`no var ${name} in ${file.path}`);
  return valueOf(value);
}

describe('infra/*.bicep', () => {
  it('has main.bicep and its modules, and every file parses without syntax errors', async () => {
    const files = bicepFiles(INFRA);
    expect(files.map((f) => f.slice(INFRA.length + 1)).sort()).toEqual(
      ['main.bicep', 'modules/bot.bicep', 'modules/cosmos.bicep', 'modules/identity.bicep', 'modules/monitoring.bicep', 'modules/web.bicep'].sort(),
    );
    for (const path of files) expect(syntaxErrors(await parseBicep(path))).toEqual([]);
  });

  it('passes every lint rule', async () => {
    expect(await lintInfra(INFRA)).toEqual([]);
  });

  it('refers only to modules that exist', async () => {
    const main = await infraFile('main.bicep');
    const modules = declarations(main, 'module_declaration').map((m) => String(valueOf(m.namedChildren.find((n) => n.type === 'string')!)));
    expect(modules.length).toBeGreaterThanOrEqual(5);
    for (const m of modules) expect(existsSync(join(INFRA, m))).toBe(true);
  });
});

describe('the lint rules', () => {
  const BAD = `
param location string = resourceGroup().location
param otherLocation string = 'westeurope'
param adminPassword string = 'hunter2'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: 'a'
  location: 'westeurope'
  properties: {
    disableLocalAuth: false
    minimalTlsVersion: 'Tls'
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'w'
  location: location
  properties: {
    httpsOnly: false
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      minTlsVersion: '1.0'
      ftpsState: 'AllAllowed'
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'b'
  location: 'global'
}

output cosmosKey string = account.listKeys().primaryMasterKey
output endpoint string = account.properties.documentEndpoint
`;

  it('find each problem in a deliberately bad file, with its line', async () => {
    const findings = lintFile(await parseBicep('bad.bicep', BAD), { entry: true });
    const rules = findings.map((f) => `${f.rule} ${f.line}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'uk-location 2', // resourceGroup().location
        'uk-location 3', // westeurope default
        'uk-location 8', // resource pinned to westeurope
        'secure-params 4',
        'cosmos-local-auth 10',
        'tls 11',
        'https-only 19',
        'node-runtime 21',
        'tls 22',
        'tls 23',
        'no-secrets-in-outputs 33',
      ]),
    );
    // The bot may be global; a plain endpoint output is fine.
    expect(findings.filter((f) => f.line === 30 || f.line === 34)).toEqual([]);
    expect(findings.find((f) => f.rule === 'no-secrets-in-outputs' && /listKeys/.test(f.message))).toBeDefined();
  });

  it('require the entry point to default to UK South', async () => {
    const findings = lintFile(await parseBicep('main.bicep', "param location string = 'ukwest'\n"), { entry: true });
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining("param location string = 'uksouth'")]);
  });

  it('report syntax errors with their position', async () => {
    const findings = lintFile(await parseBicep('broken.bicep', "param a string\nresource r 'Microsoft.Web/sites@2024-04-01' = {\n  name: 'x'\n  properties: {\n"));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.rule === 'syntax')).toBe(true);
  });
});

describe('Cosmos DB in Bicep', () => {
  it('declares exactly the containers, partition keys and indexing policies of bot/src/store/containers.ts', async () => {
    const cosmos = await infraFile('modules/cosmos.bicep');
    const expected = Object.values(CONTAINERS).map(({ id, partitionKey, indexingPolicy }) => ({ id, partitionKey, indexingPolicy }));
    expect(variable(cosmos, 'containers')).toEqual(expected);
  });

  it('creates one container per entry with that partition key and indexing policy', async () => {
    const cosmos = await infraFile('modules/cosmos.bicep');
    const container = resources(cosmos).find((r) => r.type === 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers')!;
    expect(container.loop).toBe(true);
    expect(container.node.text).toMatch(/\[for c in containers:/);
    expect(propertyAt(container.body, ['properties', 'resource', 'id'])?.text).toBe('c.id');
    expect(valueOf(propertyAt(container.body, ['properties', 'resource', 'partitionKey'])!)).toEqual({ paths: [new Expression('c.partitionKey')], kind: 'Hash', version: 2 });
    expect(propertyAt(container.body, ['properties', 'resource', 'indexingPolicy'])?.text).toBe('c.indexingPolicy');
  });

  it('is serverless by default, keeps local auth off, and gives the app identity the data contributor role', async () => {
    const cosmos = await infraFile('modules/cosmos.bicep');
    const account = resources(cosmos).find((r) => r.type === 'Microsoft.DocumentDB/databaseAccounts')!;
    expect(valueOf(propertyAt(account.body, ['properties', 'disableLocalAuth'])!)).toBe(true);
    expect(propertyAt(account.body, ['properties', 'capabilities'])?.text).toMatch(/EnableServerless/);
    const roles = resources(cosmos).filter((r) => r.type === 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
    expect(roles.map((r) => propertyAt(r.body, ['properties', 'principalId'])?.text)).toContain('appPrincipalId');
    expect(variable(cosmos, 'dataContributorRoleId')).toBe('00000000-0000-0000-0000-000000000002');

    const main = await infraFile('main.bicep');
    const param = (name: string): unknown => {
      const decl = declarations(main, 'parameter_declaration').find((d) => declaredName(d) === name)!;
      return valueOf(declaredValue(decl)!);
    };
    expect(param('cosmosCapacityMode')).toBe('serverless');
    expect(param('location')).toBe('uksouth');
    expect(param('cosmosDatabaseName')).toBe(loadConfig({}).cosmos.database);
  });
});

describe('the web app and the bot', () => {
  it('run Node 22 LTS with the settings the service reads, and no secret', async () => {
    const web = await infraFile('modules/web.bicep');
    const site = resources(web).find((r) => r.type === 'Microsoft.Web/sites')!;
    expect(valueOf(propertyAt(site.body, ['properties', 'siteConfig', 'linuxFxVersion'])!)).toBe('NODE|22-lts');
    expect(valueOf(propertyAt(site.body, ['identity', 'type'])!)).toBe('UserAssigned');
    const settings = valueOf(propertyAt(site.body, ['properties', 'siteConfig', 'appSettings'])!) as { name: string; value: unknown }[];
    const byName = Object.fromEntries(settings.map((s) => [s.name, s.value]));
    expect(Object.keys(byName)).toEqual(
      expect.arrayContaining(['MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'AZURE_CLIENT_ID', 'COSMOS_ENDPOINT', 'COSMOS_DATABASE', 'APPLICATIONINSIGHTS_CONNECTION_STRING']),
    );
    expect(byName.MicrosoftAppType).toBe('UserAssignedMSI');
    expect(byName.MicrosoftAppId).toEqual(new Expression('identityClientId'));
    expect(byName.AZURE_CLIENT_ID).toEqual(new Expression('identityClientId'));
    for (const absent of ['PORT', 'COSMOS_KEY', 'MicrosoftAppPassword']) expect(byName).not.toHaveProperty(absent);
  });

  it('register the bot as the managed identity with the Teams channel, pointing at the web app', async () => {
    const bot = await infraFile('modules/bot.bicep');
    const service = resources(bot).find((r) => r.type === 'Microsoft.BotService/botServices')!;
    expect(valueOf(propertyAt(service.body, ['properties', 'msaAppType'])!)).toBe('UserAssignedMSI');
    const channel = resources(bot).find((r) => r.type === 'Microsoft.BotService/botServices/channels')!;
    expect(valueOf(propertyAt(channel.body, ['name'])!)).toBe('MsTeamsChannel');
    const main = await infraFile('main.bicep');
    expect(main.text).toContain("endpoint: 'https://${web.outputs.hostName}/api/messages'");
  });
});

describe('parameters and outputs', () => {
  it('outputs what npm run package reads, and no secret', async () => {
    const main = await infraFile('main.bicep');
    const outputs = declarations(main, 'output_declaration').map(declaredName);
    expect(outputs).toEqual(expect.arrayContaining(['botId', 'tabDomain', 'aadAppClientId', 'webAppName']));
  });

  it('has a parameters file that sets only declared parameters and leaves only the SSO app id to the command line', async () => {
    const main = await infraFile('main.bicep');
    const params = declarations(main, 'parameter_declaration');
    const declared = params.map(declaredName);
    const required = params.filter((d) => !declaredValue(d)).map(declaredName);
    const file = JSON.parse(readFileSync(join(INFRA, 'main.parameters.json'), 'utf8')) as { parameters: Record<string, { value: unknown }> };
    const given = Object.keys(file.parameters);
    expect(given.filter((p) => !declared.includes(p))).toEqual([]);
    expect(required.filter((p) => !given.includes(p))).toEqual(['aadAppClientId']);
    expect(file.parameters.location?.value).toBe('uksouth');
    expect(existsSync(dirname(join(INFRA, 'main.parameters.json')))).toBe(true);
  });
});
