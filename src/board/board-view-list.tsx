import { boardTexts } from './board-texts.js';
import type { BoardView } from './board-view.js';
import { OrdersView } from './components/orders-view.js';

/**
 * The board's views, in the order of its navigation. A new view (e.g. the
 * customers) is one more entry here; the navigation shows once there are two.
 */
export const boardViews: readonly BoardView[] = [
  { id: 'orders', title: boardTexts.views.orders, render: (props) => <OrdersView {...props} /> },
];
