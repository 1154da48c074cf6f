import { odata, TableClient } from '@azure/data-tables';
import { ORDER_KIND } from '../../bot/storage/order-entity.js';
import { ORDERS_TABLE } from '../../bot/storage/order-repository.js';
import { DELIVERY_KIND } from '../../bot/storage/delivery-entity.js';

/** What the server stored, counted straight from the table. */
export interface StoredCounts {
  readonly orders: number;
  readonly deliveriesDelivered: number;
  readonly deliveriesOther: number;
}

export async function countStored(connectionString: string): Promise<StoredCounts> {
  const table = TableClient.fromConnectionString(connectionString, ORDERS_TABLE, { allowInsecureConnection: true });
  const count = async (filter: string): Promise<number> => {
    let total = 0;
    for await (const page of table.listEntities({ queryOptions: { filter, select: ['kind'] } }).byPage({ maxPageSize: 1000 })) {
      total += page.length;
    }
    return total;
  };
  const [orders, deliveriesDelivered, deliveriesOther] = await Promise.all([
    count(odata`kind eq ${ORDER_KIND}`),
    count(odata`kind eq ${DELIVERY_KIND} and state eq ${'delivered'}`),
    count(odata`kind eq ${DELIVERY_KIND} and state ne ${'delivered'}`),
  ]);
  return { orders, deliveriesDelivered, deliveriesOther };
}
