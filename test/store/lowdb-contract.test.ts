import { rmSync } from 'node:fs';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { tempDir } from '../support/fixtures.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('lowdb', async () => {
  const dir = tempDir();
  const store = await LowdbStore.open(dir);
  return {
    store,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
});
