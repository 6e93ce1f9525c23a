import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDataFormat, MIGRATIONS, type Migration } from '../../src/store/data-format.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { tempDir } from '../support/fixtures.js';

const marker = (dir: string) => JSON.parse(readFileSync(join(dir, 'format.json'), 'utf8')) as { format: number };
const current = MIGRATIONS.at(-1)!.to;

describe('the data folder format, checked at start', () => {
  it('marks a new data folder with the format this code writes', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open(dir);
    await store.close();
    expect(marker(dir)).toEqual({ format: current });
  });

  it('adopts a data folder from before the marker as format 1, and keeps its data', async () => {
    const dir = tempDir();
    const customers = { customers: { '123D456789': { kdnr: '123D456789' } } };
    writeFileSync(join(dir, 'customers.json'), JSON.stringify(customers));
    expect(await ensureDataFormat(dir)).toEqual({ found: 0, format: current, migrated: MIGRATIONS.map((m) => m.to) });
    expect(marker(dir)).toEqual({ format: current });
    expect(JSON.parse(readFileSync(join(dir, 'customers.json'), 'utf8'))).toEqual(customers);
  });

  it('refuses to start on a data folder newer than the code, naming both formats, and changes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'format.json'), JSON.stringify({ format: current + 1 }));
    writeFileSync(join(dir, 'customers.json'), '{"customers":{}}');
    await expect(LowdbStore.open(dir)).rejects.toThrow(`hat das Datenformat ${current + 1}, diese Version von AB-Lotse kennt nur bis Format ${current}`);
    expect(marker(dir)).toEqual({ format: current + 1 });
    // The lock was released: the right version can start on it.
    await expect(ensureDataFormat(dir, [...MIGRATIONS, { to: current + 1, what: 'test', run: async () => undefined }])).resolves.toMatchObject({ migrated: [] });
  });

  it('migrates an older data folder step by step, each step once, and records each step', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'format.json'), JSON.stringify({ format: 1 }));
    writeFileSync(join(dir, 'customers.json'), JSON.stringify({ customers: { a: { group: 'nah' } } }));
    const ran: number[] = [];
    const steps: Migration[] = [
      { to: 1, what: 'marker', run: async () => void ran.push(1) },
      {
        to: 2,
        what: 'group names spelled out',
        run: async (d) => {
          ran.push(2);
          const file = join(d, 'customers.json');
          writeFileSync(file, readFileSync(file, 'utf8').replace('"nah"', '"marktnah"'));
        }
      },
      { to: 3, what: 'a later step', run: async () => void ran.push(3) }
    ];
    expect(await ensureDataFormat(dir, steps)).toEqual({ found: 1, format: 3, migrated: [2, 3] });
    expect(ran).toEqual([2, 3]);
    expect(marker(dir)).toEqual({ format: 3 });
    expect(readFileSync(join(dir, 'customers.json'), 'utf8')).toContain('"marktnah"');
    expect(await ensureDataFormat(dir, steps)).toEqual({ found: 3, format: 3, migrated: [] });
    expect(ran).toEqual([2, 3]);
  });
});
