import { hubSnapshotSchema, type HubSnapshot } from '../../src-shared/hub-protocol';

/** The hub's state as `GET /api/v1/state` answers it to a wall token, parsed with the shared schema. */
export async function fetchHubState(hubUrl: string, wallToken: string): Promise<HubSnapshot> {
  const response = await fetch(new URL('/api/v1/state', hubUrl), { headers: { Authorization: `Bearer ${wallToken}` } });
  if (response.status !== 200) throw new Error(`GET /api/v1/state answered ${response.status}: ${await response.text()}`);
  return hubSnapshotSchema.parse(await response.json());
}
