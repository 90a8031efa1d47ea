import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HubConfigError, parseHubConfig } from '../../../src-hub/hub-config';

const FILE = join('/etc/ioc', 'hub.json');
const department = { id: 'so-tnmt', name: 'Sở TN&MT', apiKey: 'k'.repeat(24), topics: ['kpi', 'environment'], subsystems: ['environment'] };

describe('hub config', () => {
  it('fills defaults and resolves paths against the config file', () => {
    const config = parseHubConfig(FILE, JSON.stringify({ dbPath: 'data/hub.db', wallTokens: ['t'], departments: [department], assetsDir: '../assets' }));
    expect(config).toEqual({
      host: '127.0.0.1',
      port: 4781,
      dbPath: '/etc/ioc/data/hub.db',
      wallTokens: ['t'],
      departments: [department],
      logRetention: 200_000,
      maxReplay: 50_000,
      compressSnapshots: true,
      demo: false,
      assetsDir: '/etc/assets',
    });
  });

  it('names the file and each bad field', () => {
    const attempt = (config: unknown): string => {
      try {
        parseHubConfig(FILE, JSON.stringify(config));
        return 'accepted';
      } catch (error) {
        expect(error).toBeInstanceOf(HubConfigError);
        return (error as Error).message;
      }
    };
    expect(attempt({ dbPath: 'x', wallTokens: [] })).toMatch(/^hub config \/etc\/ioc\/hub\.json: wallTokens: at least one wall token$/);
    expect(attempt({ dbPath: 'x', wallTokens: ['t'], port: 70000, dbpath: 'y' })).toMatch(/port: .*; \(file\): .*dbpath/);
    expect(attempt({ dbPath: 'x', wallTokens: ['t'], departments: [department, { ...department, topics: ['weather'], subsystems: ['roads'] }] })).toMatch(
      /departments\.1\.topics\.0: .*departments\.1\.subsystems\.0: /,
    );
    expect(attempt({ dbPath: 'x', wallTokens: ['t'], departments: [department, { ...department, name: 'again' }] })).toMatch(
      /departments\.1\.id: duplicate department id "so-tnmt"; departments\.1\.apiKey: department "so-tnmt" shares its apiKey/,
    );
    const { subsystems, ...rest } = department;
    expect(attempt({ dbPath: 'x', wallTokens: ['t'], departments: [{ ...rest, subsytems: subsystems }] })).toMatch(/departments\.0: Unrecognized key: "subsytems"/);
    expect(() => parseHubConfig(FILE, '{')).toThrow(/^hub config \/etc\/ioc\/hub\.json: not valid JSON/);
  });

  it('reads the README\'s cluster node example (docs/cluster.json)', () => {
    const file = join(__dirname, '../../../docs/cluster.json');
    const config = parseHubConfig(file, readFileSync(file, 'utf8'));
    expect(config.cluster?.redis).toMatch(/^redis:\/\//);
    expect(config.dbPath).toBeUndefined();
  });

  it('takes a cluster node: cluster instead of dbPath, never both, never the demo', () => {
    const node = parseHubConfig(FILE, JSON.stringify({ cluster: { redis: 'redis://10.0.0.5:6379/0', keyPrefix: 'brvt:' }, wallTokens: ['t'] }));
    expect(node.cluster).toEqual({ redis: 'redis://10.0.0.5:6379/0', keyPrefix: 'brvt:' });
    expect(node.dbPath).toBeUndefined();
    const refused = (config: unknown): string => {
      try {
        parseHubConfig(FILE, JSON.stringify(config));
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(refused({ wallTokens: ['t'] })).toMatch(/dbPath: give either dbPath .* or cluster/);
    expect(refused({ dbPath: 'x', cluster: { redis: 'redis://r' }, wallTokens: ['t'] })).toMatch(/dbPath: give either dbPath .* not both/);
    expect(refused({ cluster: { redis: 'http://r' }, wallTokens: ['t'] })).toMatch(/cluster\.redis: a redis:\/\/ or rediss:\/\/ URL/);
    expect(refused({ cluster: { redis: 'redis://r' }, wallTokens: ['t'], demo: true })).toMatch(/demo: the demo runs on a single hub/);
  });
});
