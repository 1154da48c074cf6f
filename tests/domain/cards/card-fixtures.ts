import { readFileSync } from 'node:fs';
import { createCatalog, DEFAULT_OFFERED_SKUS } from '../../../src/domain/catalog/catalog.js';
import type { Catalog } from '../../../src/domain/catalog/catalog.js';
import { parseSkuCsv } from '../../../src/domain/catalog/sku-csv.js';
import type { AdaptiveCard, CardAction, CardElement } from '../../../src/domain/cards/adaptive-card.js';
import type { OrderStatus, StatusChange, StoredOrder } from '../../../src/domain/order/order.js';

/** Shared data for the card tests: the real catalog and a typical stored order. */

export const TODAY = '2026-05-01';

export const catalog: Catalog = createCatalog(
  DEFAULT_OFFERED_SKUS,
  parseSkuCsv(readFileSync(new URL('../../../data/microsoft-license-skus.csv', import.meta.url), 'utf8')),
);

export const ORDER_STATUSES: readonly OrderStatus[] = ['submitted', 'accepted', 'changesRequested', 'completed'];

const submittedChange: StatusChange = {
  status: 'submitted',
  at: '2026-05-01T09:15:00.000Z',
  by: 'Иванов Иван Иванович',
  revision: 1,
};

/** The history that leads to `status`, oldest first. */
function historyFor(status: OrderStatus): StatusChange[] {
  switch (status) {
    case 'submitted':
      return [submittedChange];
    case 'accepted':
      return [submittedChange, { status: 'accepted', at: '2026-05-01T10:00:00.000Z', by: 'Петрова Анна', revision: 1 }];
    case 'changesRequested':
      return [
        submittedChange,
        {
          status: 'changesRequested',
          at: '2026-05-01T10:30:00.000Z',
          by: 'Петрова Анна',
          comment: 'Уточните количество лицензий E3.',
          revision: 1,
        },
      ];
    case 'completed':
      return [
        submittedChange,
        { status: 'accepted', at: '2026-05-01T10:00:00.000Z', by: 'Петрова Анна', revision: 1 },
        { status: 'completed', at: '2026-05-02T08:00:00.000Z', by: 'Петрова Анна', revision: 1 },
      ];
  }
}

export function storedOrder(overrides: Partial<StoredOrder> = {}): StoredOrder {
  const status = overrides.status ?? 'submitted';
  return {
    id: 'CSP-7K2M9Q',
    tenantId: '6f1c2a9e-3b7d-4e8f-9a0b-1c2d3e4f5a6b',
    submissionId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    invitationAccepted: true,
    technicalDomain: 'romashka.onmicrosoft.com',
    lines: [
      { sku: 'SPB', quantity: 25 },
      { sku: 'ENTERPRISEPACK', quantity: 1 },
    ],
    activationDate: '2026-12-01',
    organization: {
      name: 'ООО «Ромашка»',
      inn: '7707083893',
      address: { postalCode: '101000', city: 'Москва', street: 'ул. Мясницкая, д. 1' },
    },
    contact: { fullName: 'Иванов Иван Иванович', phone: '+74951234567', email: 'it@romashka.ru' },
    subscriptionKind: 'new',
    status,
    revision: 1,
    createdAt: '2026-05-01T09:15:00.000Z',
    updatedAt: '2026-05-02T08:00:00.000Z',
    history: historyFor(status),
    ...overrides,
  };
}

/** Every element and action of a card, depth first in document order, including those inside ShowCard. */
export function cardNodes(card: AdaptiveCard): (CardElement | CardAction)[] {
  const nodes: (CardElement | CardAction)[] = [];
  const visitAction = (action: CardAction): void => {
    nodes.push(action);
    if (action.type === 'Action.ShowCard') {
      action.card.body.forEach(visitElement);
      action.card.actions?.forEach(visitAction);
    }
  };
  const visitElement = (element: CardElement): void => {
    nodes.push(element);
    if (element.type === 'Container') element.items.forEach(visitElement);
    if (element.type === 'ColumnSet') element.columns.forEach((column) => column.items.forEach(visitElement));
    if (element.type === 'ActionSet') element.actions.forEach(visitAction);
  };
  card.body.forEach(visitElement);
  card.actions?.forEach(visitAction);
  return nodes;
}

/** All text a reader of the card sees: TextBlocks and facts (markdown source). */
export function cardTexts(card: AdaptiveCard): string[] {
  return cardNodes(card).flatMap((node) => {
    if (node.type === 'TextBlock') return [node.text];
    if (node.type === 'FactSet') return node.facts.flatMap((fact) => [fact.title, fact.value]);
    return [];
  });
}

export function actionVerbs(card: AdaptiveCard): string[] {
  return cardNodes(card).flatMap((node) => (node.type === 'Action.Execute' ? [node.verb] : []));
}
