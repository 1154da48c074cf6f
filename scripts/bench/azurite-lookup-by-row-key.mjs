/**
 * Preloaded (`node --import`) into the Azurite that SEEDS the bench's growth
 * table, never into one that is measured.
 *
 * Azurite checks every entity it writes for an existing one with LokiJS
 * `findOne({ PartitionKey, RowKey })`, and LokiJS answers an implicit AND
 * with the binary index of its first property only: it takes the whole
 * partition, then scans it for the RowKey (Azurite 3.35
 * `dist/src/table/persistence/LokiTableMetadataStore.js` `insertTableEntity`,
 * `lokijs/src/lokijs.js` `Resultset.findAnd`). Writing a tenant of 80 000 rows
 * thus costs 80 000²/2 row visits: minutes.
 *
 * Here the same two equality tests run RowKey first, whose index leaves a
 * row or two to test for the PartitionKey. The answer is the same (at most
 * one entity has both keys); everything else Azurite does with a write
 * (parsing the batch, checking, normalizing and storing the entity) is
 * untouched. Azurite built for another LokiJS shape makes this throw at
 * start, not seed slowly.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fromAzurite = createRequire(require.resolve('azurite/package.json'));
const { Collection } = fromAzurite('lokijs');
const findOne = Collection?.prototype?.findOne;
if (typeof findOne !== 'function') throw new Error('lokijs (as Azurite loads it) has no Collection.prototype.findOne');

Collection.prototype.findOne = function findOneByRowKeyFirst(query) {
  const keys = query !== null && typeof query === 'object' ? Object.keys(query) : [];
  const byKeys = keys.length === 2 && keys[0] === 'PartitionKey' && keys[1] === 'RowKey' && typeof query.RowKey === 'string';
  if (byKeys && this.binaryIndices?.RowKey !== undefined) {
    return findOne.call(this, { RowKey: query.RowKey, PartitionKey: query.PartitionKey });
  }
  return findOne.call(this, query);
};
