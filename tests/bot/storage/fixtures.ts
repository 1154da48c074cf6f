import { randomUUID } from 'node:crypto';
import { createDefaultHttpClient } from '@azure/core-rest-pipeline';
import type { TableClient } from '@azure/data-tables';
import type { Catalog } from '../../../src/domain/catalog/catalog.js';
import type { StoredOrder } from '../../../src/domain/order/order.js';
import type { DeliveryChannel, DeliveryChannelName } from '../../../bot/delivery/delivery-channel.js';
import type { Logger } from '../../../bot/logger.js';
import { createTableStorage } from '../../../bot/storage/table-storage.js';
import type { TableStorage } from '../../../bot/storage/table-storage.js';

/** Shared by the storage, outbox and order service tests; the sample order is in tests/support/order-fixtures.ts. */

export const CATALOG: Catalog = [
  { sku: 'O365_BUSINESS_PREMIUM', skuId: 'f245ecc8-75af-4f8e-b61f-27d8114de5f3', displayName: 'Microsoft 365 Business Standard' },
  { sku: 'SPB', skuId: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', displayName: 'Microsoft 365 Business Premium' },
];

export function tenantId(): string {
  return randomUUID();
}

/** A fresh table (own name) so sweeps of one test never see another test's records. */
export async function freshTable(connectionString: string, storage?: TableStorage) {
  const tables = storage ?? createTableStorage(connectionString);
  const name = `t${randomUUID().replaceAll('-', '')}`;
  await tables.ensureTables([name]);
  return tables.table(name);
}

/** `tableName` through an HTTP client that counts every request it sends (`requests`, which a test may reset). */
export class CountedTable {
  requests = 0;
  readonly table: TableClient;

  constructor(connectionString: string, tableName: string) {
    const inner = createDefaultHttpClient();
    this.table = createTableStorage(connectionString, {
      client: {
        httpClient: {
          sendRequest: (request) => {
            this.requests += 1;
            return inner.sendRequest(request);
          },
        },
      },
    }).table(tableName);
  }
}

/** A channel that records every call and answers with whatever `behave` says. */
export class RecordingChannel implements DeliveryChannel {
  readonly calls: StoredOrder[] = [];

  constructor(
    readonly name: DeliveryChannelName,
    private readonly behave: (order: StoredOrder, call: number) => Promise<void> = async () => {},
  ) {}

  async deliver(order: StoredOrder): Promise<void> {
    this.calls.push(order);
    await this.behave(order, this.calls.length);
  }

  callsFor(orderId: string): StoredOrder[] {
    return this.calls.filter((order) => order.id === orderId);
  }
}

export interface LogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly fields: Record<string, unknown>;
  readonly message: string;
}

export class RecordingLogger implements Logger {
  readonly entries: LogEntry[] = [];
  info(fields: Record<string, unknown>, message: string): void {
    this.entries.push({ level: 'info', fields, message });
  }
  warn(fields: Record<string, unknown>, message: string): void {
    this.entries.push({ level: 'warn', fields, message });
  }
  error(fields: Record<string, unknown>, message: string): void {
    this.entries.push({ level: 'error', fields, message });
  }
}

/** Polls `read` until `accept` holds; the timeout only bounds a broken test. */
export async function waitUntil<T>(
  read: () => T | Promise<T>,
  accept: (value: T) => boolean,
  { timeoutMs = 15_000, intervalMs = 20 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
