import { readFileSync } from 'node:fs';
import { createCatalog, DEFAULT_OFFERED_SKUS } from '../../../src/domain/catalog/catalog.js';
import type { Catalog } from '../../../src/domain/catalog/catalog.js';
import { parseSkuCsv } from '../../../src/domain/catalog/sku-csv.js';
import type { AdaptiveCard, CardAction, CardElement } from '../../../src/domain/cards/adaptive-card.js';

/** Shared data for the card tests: the real catalog and readers of a card (the order is in tests/support/order-fixtures.ts). */

export const TODAY = '2026-05-01';

export const catalog: Catalog = createCatalog(
  DEFAULT_OFFERED_SKUS,
  parseSkuCsv(readFileSync(new URL('../../../data/microsoft-license-skus.csv', import.meta.url), 'utf8')),
);

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

/** The value an input of the card starts with (a prefilled form's answer), if any. */
export function inputValueOf(card: AdaptiveCard, id: string): unknown {
  const input = cardNodes(card).find((node) => 'id' in node && node.id === id);
  return input !== undefined && 'value' in input ? input.value : undefined;
}
