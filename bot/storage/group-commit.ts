import type { TableClient, TableEntity, TransactionAction } from '@azure/data-tables';

/** One write that may share a request with other writes to its partition. */
export type GroupedWrite =
  | { readonly kind: 'upsert'; readonly entity: TableEntity; readonly mode: 'Merge' | 'Replace' }
  /** Conditional on `etag` when given; fails with 404 or 412 like a lone update would. */
  | { readonly kind: 'update'; readonly entity: TableEntity; readonly mode: 'Merge' | 'Replace'; readonly etag?: string | undefined }
  /** Unconditional: a transaction cannot make a delete conditional. Fails with 404 for a missing row. */
  | { readonly kind: 'delete'; readonly partitionKey: string; readonly rowKey: string };

/** An entity-group transaction holds at most 100 operations, all in one partition. */
const MAX_GROUP = 100;

interface Waiting {
  readonly write: GroupedWrite;
  readonly resolve: (etag: string | undefined) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for rows many requests write to one partition at once (the
 * board's month partition, the outbox's due buckets): a write that arrives
 * while an earlier one to its partition is under way waits for it and then
 * goes out with every other write that waited, in one entity-group
 * transaction. A lone write goes out at once as a plain request, so a quiet
 * server waits for nothing, while k concurrent orders cost one request
 * instead of k. A transaction is all or nothing: when it fails (one write
 * refused, e.g. an ETag that no longer matches or a row already deleted),
 * its writes are sent again one by one, so each caller gets the answer its
 * own write would have had alone. Resolves with the row's new ETag (none
 * for a delete).
 */
export class GroupCommit {
  /** Writes waiting per partition. */
  private readonly waiting = new Map<string, Waiting[]>();
  /** Partitions with a request under way. */
  private readonly running = new Set<string>();

  constructor(private readonly table: TableClient) {}

  /** One write; resolves with the row's new ETag (none for a delete). */
  write(write: GroupedWrite): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      const partition = partitionOf(write);
      const queue = this.waiting.get(partition);
      if (queue !== undefined) {
        queue.push({ write, resolve, reject });
        return;
      }
      this.waiting.set(partition, [{ write, resolve, reject }]);
      // Started on the next microtask, so writes made together (e.g. one commit's rows) go out together.
      queueMicrotask(() => void this.run(partition));
    });
  }

  /** Sends the partition's waiting writes, a group at a time, until none wait. */
  private async run(partition: string): Promise<void> {
    if (this.running.has(partition)) return;
    this.running.add(partition);
    try {
      for (;;) {
        const queue = this.waiting.get(partition) ?? [];
        const group = takeGroup(queue);
        if (group.length === 0) break;
        await this.send(group);
      }
    } finally {
      this.running.delete(partition);
      this.waiting.delete(partition);
    }
  }

  private async send(group: readonly Waiting[]): Promise<void> {
    const only = group[0];
    if (group.length === 1 && only !== undefined) {
      await this.alone(only);
      return;
    }
    try {
      const response = await this.table.submitTransaction(group.map(({ write }) => transactionAction(write)));
      // One answer per operation, in the order sent ("Performing entity group transactions",
      // https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions);
      // only an insert's answer names its row.
      group.forEach(({ write, resolve }, index) => resolve(write.kind === 'delete' ? undefined : response.subResponses[index]?.etag));
    } catch {
      await Promise.all(group.map((waiting) => this.alone(waiting)));
    }
  }

  private async alone({ write, resolve, reject }: Waiting): Promise<void> {
    try {
      switch (write.kind) {
        case 'upsert':
          resolve((await this.table.upsertEntity(write.entity, write.mode)).etag);
          return;
        case 'update':
          resolve((await this.table.updateEntity(write.entity, write.mode, write.etag === undefined ? {} : { etag: write.etag })).etag);
          return;
        case 'delete':
          await this.table.deleteEntity(write.partitionKey, write.rowKey);
          resolve(undefined);
          return;
      }
    } catch (error) {
      reject(error);
    }
  }
}

/**
 * The next group from the front of `queue` (removed from it): at most
 * `MAX_GROUP` writes, and never two to one row, which a transaction refuses;
 * a second write to a row waits for the next group, keeping its order.
 */
function takeGroup(queue: Waiting[]): Waiting[] {
  const rows = new Set<string>();
  const group: Waiting[] = [];
  let index = 0;
  while (index < queue.length && group.length < MAX_GROUP) {
    const waiting = queue[index];
    if (waiting === undefined) break;
    const row = rowOf(waiting.write);
    if (rows.has(row)) break;
    rows.add(row);
    group.push(waiting);
    index++;
  }
  queue.splice(0, index);
  return group;
}

function partitionOf(write: GroupedWrite): string {
  return write.kind === 'delete' ? write.partitionKey : write.entity.partitionKey;
}

function rowOf(write: GroupedWrite): string {
  return write.kind === 'delete' ? write.rowKey : write.entity.rowKey;
}

function transactionAction(write: GroupedWrite): TransactionAction {
  switch (write.kind) {
    case 'upsert':
      return ['upsert', write.entity, write.mode];
    case 'update':
      return ['update', write.entity, write.mode, write.etag === undefined ? {} : { etag: write.etag }];
    case 'delete':
      return ['delete', { partitionKey: write.partitionKey, rowKey: write.rowKey }];
  }
}
