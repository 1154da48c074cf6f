/**
 * Child process for the two-instance test: one "instance" claiming
 * `signin/tokenExchange` ids through the storage seam every server uses
 * (bot/storage/token-exchange-claims.ts). It waits until `startAt` (epoch
 * ms), so two children fire at the same moment, claims every id at once and
 * prints the ids it won as one JSON line.
 * argv: connectionString tableName tenantId startAt id…
 */
import { setTimeout as delay } from 'node:timers/promises';
import { createTableStorage } from '../../../bot/storage/table-storage.js';
import { TokenExchangeClaims } from '../../../bot/storage/token-exchange-claims.js';

const [connectionString, tableName, tenantId, startAt, ...ids] = process.argv.slice(2);
if (!connectionString || !tableName || !tenantId || !startAt || ids.length === 0) {
  throw new Error('usage: exchange-claim-child connectionString tableName tenantId startAt id…');
}

const claims = new TokenExchangeClaims(createTableStorage(connectionString).table(tableName));
await delay(Math.max(0, Number(startAt) - Date.now()));
const won = await Promise.all(ids.map(async (id) => ((await claims.claim(tenantId, id)) ? id : undefined)));
process.stdout.write(`${JSON.stringify(won.filter((id) => id !== undefined))}\n`);
