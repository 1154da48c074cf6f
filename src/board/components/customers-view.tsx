import {
  Button,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import type { ReactElement } from 'react';
import type { CustomerListItem } from '../../domain/journey/customer-list.js';
import { evidenceLevelTexts, journeyStepTexts } from '../../domain/journey/journey-texts.js';
import type { ApiFailure } from '../../tab/api/api-failure.js';
import { ApiFailureMessage } from '../../tab/components/api-failure-message.js';
import { LoadingState } from '../../tab/components/loading-state.js';
import { useText } from '../../tab/components/locale-context.js';
import type { TabHost } from '../../tab/host/tab-host.js';
import type { BoardApiClient } from '../api/board-api-client.js';
import { customersViewTexts as texts, STUCK_DAY_CHOICES } from '../customers-view-texts.js';

export interface CustomersViewProps {
  /** `GET /api/distributor/customers` through the board's signed-in client. */
  readonly api: Pick<BoardApiClient, 'listCustomers'>;
  readonly host: TabHost;
}

type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly failure: ApiFailure }
  | {
      readonly status: 'ready';
      readonly customers: readonly CustomerListItem[];
      readonly nextCursor: string | null;
      readonly loadingMore: boolean;
      readonly moreFailure?: ApiFailure | undefined;
    };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  filter: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  subtle: { color: tokens.colorNeutralForeground3 },
  number: { textAlign: 'end' },
  more: { alignSelf: 'flex-start' },
});

/**
 * The staff's «Клиенты» view: every customer with its current step, days at
 * it, relationship evidence and MCA, longest stuck first, a page at a time,
 * filtered to "stuck more than N days".
 */
export function CustomersView({ api, host }: CustomersViewProps): ReactElement {
  const t = useText();
  const styles = useStyles();
  const filterId = useId();
  const [stuckDays, setStuckDays] = useState<number>();
  const [reload, setReload] = useState(0);
  const [list, setList] = useState<ListState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setList({ status: 'loading' });
    void api.listCustomers({ stuckDays }, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      setList(
        result.ok
          ? { status: 'ready', customers: result.value.customers, nextCursor: result.value.nextCursor, loadingMore: false }
          : { status: 'failed', failure: result.failure },
      );
    });
    return () => controller.abort();
  }, [api, stuckDays, reload]);

  const loadMore = async (): Promise<void> => {
    if (list.status !== 'ready' || list.nextCursor === null) return;
    setList({ ...list, loadingMore: true, moreFailure: undefined });
    const result = await api.listCustomers({ stuckDays, cursor: list.nextCursor });
    setList((current) => {
      if (current.status !== 'ready') return current;
      return result.ok
        ? { status: 'ready', customers: [...current.customers, ...result.value.customers], nextCursor: result.value.nextCursor, loadingMore: false }
        : { ...current, loadingMore: false, moreFailure: result.failure };
    });
  };

  return (
    <section className={styles.root} aria-labelledby={`${filterId}-title`}>
      <Text as="h2" id={`${filterId}-title`} size={500} weight="semibold">
        {t(texts.title)}
      </Text>
      <Text className={styles.subtle}>{t(texts.intro)}</Text>
      <div className={styles.filter}>
        <label htmlFor={filterId}>{t(texts.filterLabel)}</label>
        <Select
          id={filterId}
          value={stuckDays === undefined ? '' : String(stuckDays)}
          onChange={(_event, data) => setStuckDays(data.value === '' ? undefined : Number(data.value))}
        >
          <option value="">{t(texts.filterAll)}</option>
          {STUCK_DAY_CHOICES.map((days) => (
            <option key={days} value={String(days)}>
              {t(texts.filterStuck(days))}
            </option>
          ))}
        </Select>
      </div>
      {list.status === 'loading' && <LoadingState label={texts.loading} />}
      {list.status === 'failed' && <ApiFailureMessage failure={list.failure} host={host} onRetry={() => setReload((n) => n + 1)} />}
      {list.status === 'ready' && list.customers.length === 0 && <Text>{t(texts.empty)}</Text>}
      {list.status === 'ready' && list.customers.length > 0 && (
        <Table aria-labelledby={`${filterId}-title`} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t(texts.columns.customer)}</TableHeaderCell>
              <TableHeaderCell>{t(texts.columns.step)}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t(texts.columns.stuck)}</TableHeaderCell>
              <TableHeaderCell>{t(texts.columns.evidence)}</TableHeaderCell>
              <TableHeaderCell>{t(texts.columns.mca)}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t(texts.columns.waiting)}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.customers.map((customer) => (
              <TableRow key={customer.tenantId}>
                <TableCell>
                  {customer.organizationName ?? <span className={styles.subtle}>{customer.tenantId}</span>}
                </TableCell>
                <TableCell>{customer.current === null ? t(texts.allDone) : t(journeyStepTexts[customer.current])}</TableCell>
                <TableCell className={styles.number}>{customer.current === null ? '—' : customer.daysStuck}</TableCell>
                <TableCell>{t(evidenceLevelTexts[customer.evidenceLevel])}</TableCell>
                <TableCell>{t(customer.mcaAccepted ? texts.mcaAccepted : texts.mcaNotAccepted)}</TableCell>
                <TableCell className={styles.number}>{customer.waitingOrders}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {list.status === 'ready' && list.moreFailure !== undefined && (
        <ApiFailureMessage failure={list.moreFailure} host={host} onRetry={() => void loadMore()} intent="warning" />
      )}
      {list.status === 'ready' && list.nextCursor !== null && (
        <Button className={styles.more} disabled={list.loadingMore} onClick={() => void loadMore()}>
          {t(texts.more)}
        </Button>
      )}
    </section>
  );
}
