import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { orderStatusLabels } from '../../domain/cards/card-texts.js';
import { orderStatusSchema } from '../../domain/order/order-shape.js';
import type { ApiFailure } from '../../tab/api/api-failure.js';
import { ApiFailureMessage } from '../../tab/components/api-failure-message.js';
import { formatDate } from '../../tab/components/format-date.js';
import { LoadingState } from '../../tab/components/loading-state.js';
import { useLocale, useText } from '../../tab/components/locale-context.js';
import { isNotStaff } from '../api/board-api-client.js';
import type { BoardFilters, ExportFormat, OrderKey } from '../api/board-api-client.js';
import { parseBoardSubEntityId } from '../../domain/distributor/board-deep-link.js';
import type { TabHost } from '../../tab/host/tab-host.js';
import type { OrderListPage, OrderSummary } from '../api/board-response.js';
import { boardTexts } from '../board-texts.js';
import type { BoardViewProps } from '../board-view-props.js';
import { downloadFile } from '../download-file.js';
import { NotStaffNotice } from './not-staff-notice.js';
import { OrderFilters } from './order-filters.js';
import { OrderTable, orderRowLinkId } from './order-table.js';
import { OrderView } from './order-view.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, margin: 0, padding: 0, listStyleType: 'none' },
  exports: { display: 'flex', gap: tokens.spacingHorizontalS, marginInlineStart: 'auto' },
  range: { color: tokens.colorNeutralForeground3 },
  more: { alignSelf: 'flex-start' },
});

type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly failure: ApiFailure }
  | {
      readonly status: 'ready';
      readonly orders: readonly OrderSummary[];
      readonly page: OrderListPage;
      readonly loadingMore: boolean;
      readonly moreFailure?: ApiFailure | undefined;
    };

/**
 * The orders of every customer tenant, newest first, a page at a time, with
 * search, filters, counts per status and export; an order opens in place.
 */
export function OrdersView({ api, config, host }: BoardViewProps): ReactElement {
  const t = useText();
  const locale = useLocale();
  const styles = useStyles();
  const [filters, setFilters] = useState<BoardFilters>({});
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  // "Open in board" on an order card deep-links here with the order as the sub-entity.
  const [opened, setOpened] = useState<OrderKey | undefined>(() => orderOfDeepLink(host));
  const [exporting, setExporting] = useState<ExportFormat>();
  const [exportFailure, setExportFailure] = useState<ApiFailure>();
  const returnFocusTo = useRef<string>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    setList({ status: 'loading' });
    void api.listOrders(filters, undefined, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      setList(result.ok ? { status: 'ready', orders: result.value.orders, page: result.value, loadingMore: false } : { status: 'failed', failure: result.failure });
    });
    return () => controller.abort();
  }, [api, filters, reload]);

  // Back from an order: focus returns to its row, so keyboard users keep their place.
  useEffect(() => {
    if (opened !== undefined || list.status !== 'ready' || returnFocusTo.current === undefined) return;
    document.getElementById(returnFocusTo.current)?.focus();
    returnFocusTo.current = undefined;
  }, [opened, list.status]);

  const loadMore = useCallback(() => {
    if (list.status !== 'ready' || list.page.nextCursor === null) return;
    const { nextCursor } = list.page;
    setList({ ...list, loadingMore: true, moreFailure: undefined });
    void api.listOrders(filters, nextCursor).then((result) => {
      setList((current) => {
        if (current.status !== 'ready') return current;
        if (!result.ok) return { ...current, loadingMore: false, moreFailure: result.failure };
        return { status: 'ready', orders: [...current.orders, ...result.value.orders], page: result.value, loadingMore: false };
      });
    });
  }, [api, filters, list]);

  const exportAs = async (format: ExportFormat): Promise<void> => {
    setExporting(format);
    setExportFailure(undefined);
    const result = await api.exportOrders(filters, format);
    setExporting(undefined);
    if (result.ok) downloadFile(result.value.content, result.value.fileName);
    else setExportFailure(result.failure);
  };

  if (list.status === 'failed' && isNotStaff(list.failure)) return <NotStaffNotice distributorName={config.distributorName} />;

  if (opened !== undefined) {
    return (
      <OrderView
        api={api}
        config={config}
        host={host}
        orderKey={opened}
        onBack={() => {
          returnFocusTo.current = orderRowLinkId(opened);
          setOpened(undefined);
        }}
        onChanged={() => setReload((n) => n + 1)}
      />
    );
  }

  return (
    <div className={styles.root}>
      <OrderFilters applied={filters} onApply={setFilters} />
      {list.status === 'loading' && <LoadingState />}
      {list.status === 'failed' && <ApiFailureMessage failure={list.failure} host={host} onRetry={() => setReload((n) => n + 1)} />}
      {list.status === 'ready' && (
        <>
          <div className={styles.bar}>
            <ul className={styles.counts} aria-label={t(boardTexts.counts)}>
              {orderStatusSchema.options.map((status) => (
                <li key={status}>
                  <Text>
                    {t(orderStatusLabels[status])}: <Text weight="semibold">{list.page.counts[status] ?? 0}</Text>
                  </Text>
                </li>
              ))}
            </ul>
            <div className={styles.exports}>
              {(['csv', 'xlsx'] as const).map((format) => (
                <Button
                  key={format}
                  icon={<ArrowDownloadRegular />}
                  disabled={exporting !== undefined}
                  onClick={() => void exportAs(format)}
                >
                  {exporting === format ? t(boardTexts.exporting) : t(format === 'csv' ? boardTexts.exportCsv : boardTexts.exportXlsx)}
                </Button>
              ))}
            </div>
          </div>
          <Text size={200} className={styles.range}>
            {t(boardTexts.filters.range(formatDate(list.page.from, locale), formatDate(list.page.to, locale)))}
          </Text>
          {exportFailure !== undefined && (
            <ApiFailureMessage failure={exportFailure} host={host} intent="warning" onRetry={() => setExportFailure(undefined)} />
          )}
          {list.orders.length === 0 ? (
            <Text role="status">{t(boardTexts.list.empty)}</Text>
          ) : (
            <OrderTable
              orders={list.orders}
              onOpen={(key) => setOpened(key)}
            />
          )}
          <Text size={200} role="status" className={styles.range}>
            {t(boardTexts.list.shown(list.orders.length))}
          </Text>
          {list.moreFailure !== undefined && <ApiFailureMessage failure={list.moreFailure} host={host} intent="warning" onRetry={loadMore} />}
          {list.page.nextCursor !== null && (
            <Button className={styles.more} disabled={list.loadingMore} onClick={loadMore}>
              {t(list.loadingMore ? boardTexts.list.loadingMore : boardTexts.list.more)}
            </Button>
          )}
        </>
      )}
    </div>
  );
}

function orderOfDeepLink(host: TabHost): OrderKey | undefined {
  if (host.kind !== 'teams') return undefined;
  const order = parseBoardSubEntityId(host.subPageId);
  return order === undefined ? undefined : { tenantId: order.tenantId, id: order.orderId };
}
