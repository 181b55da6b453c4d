import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThrowawayDb, type ThrowawayDb } from '../testing/throwaway-db.ts';
import { openStore } from './index.ts';

let db: ThrowawayDb;

beforeAll(async () => {
  db = await createThrowawayDb('store_display');
});
afterAll(async () => {
  await db.drop();
});

describe('the store URL the studio prints at start-up', () => {
  it.each([
    ['userinfo password with a raw @', (url: string) => url.replace('postgres@', 'postgres:Store@Secret1@'), 'Secret1'],
    ['?password= in the query', (url: string) => `${url}?password=StoreSecret2`, 'StoreSecret2'],
  ])('%s: displayUrl names the server without the password', async (_what, withPassword, secret) => {
    const store = await openStore({ url: withPassword(db.url), dataDir: '/nonexistent' });
    try {
      expect(store.displayUrl).toContain(`127.0.0.1:5432/${db.name}`);
      expect(store.displayUrl).not.toContain(secret);
    } finally {
      await store.close();
    }
  });
});
