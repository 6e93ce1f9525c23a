import { describeStoreContract } from './store-contract.js';
import { dropSchema, freshSchema, openPostgres } from '../support/postgres.js';

describeStoreContract('PostgreSQL', async () => {
  const schema = freshSchema();
  const store = await openPostgres(schema);
  return {
    store,
    async cleanup() {
      await store.close();
      await dropSchema(schema);
    }
  };
});
