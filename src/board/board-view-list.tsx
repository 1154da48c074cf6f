import type { ReactElement } from 'react';
import type { LocalizedText } from '../domain/i18n/locale.js';
import type { BoardViewProps } from './board-view-props.js';
import { boardTexts } from './board-texts.js';
import { CustomersView } from './components/customers-view.js';
import { OrdersView } from './components/orders-view.js';
import { customersViewTexts } from './customers-view-texts.js';

export interface BoardView {
  /** Stable: element ids are made from it. */
  readonly id: string;
  readonly title: LocalizedText;
  readonly render: (props: BoardViewProps) => ReactElement;
}

/**
 * The board's views, in the order of its navigation. A new view is one more
 * entry here; the navigation shows once there are two.
 */
export const boardViews: readonly BoardView[] = [
  { id: 'orders', title: boardTexts.views.orders, render: (props) => <OrdersView {...props} /> },
  { id: 'customers', title: customersViewTexts.title, render: ({ api, host }) => <CustomersView api={api} host={host} /> },
];
