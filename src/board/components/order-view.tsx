import { Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { orderFactTexts } from '../../domain/cards/card-texts.js';
import type { ApiFailure } from '../../tab/api/api-failure.js';
import { ApiFailureMessage } from '../../tab/components/api-failure-message.js';
import { formatDateTime } from '../../tab/components/format-date.js';
import { LoadingState } from '../../tab/components/loading-state.js';
import { useLocale, useText } from '../../tab/components/locale-context.js';
import { OrderStatusBadge } from '../../tab/components/order-status-badge.js';
import { useTimeZone } from '../../tab/components/time-zone-context.js';
import type { OrderKey, StatusChangeOutcome, StatusChangeRequest } from '../api/board-api-client.js';
import { isNotStaff } from '../api/board-api-client.js';
import type { OrderDetail } from '../api/board-response.js';
import { boardTexts } from '../board-texts.js';
import type { BoardViewProps } from '../board-view-props.js';
import { NotStaffNotice } from './not-staff-notice.js';
import { orderViewSections } from './order-view-sections.js';
import { StatusActions } from './status-actions.js';
import type { ActionNotice } from './status-actions.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sectionTitle: { margin: 0 },
  back: { alignSelf: 'flex-start' },
});

export interface OrderViewProps extends BoardViewProps {
  readonly orderKey: OrderKey;
  readonly onBack: () => void;
  /** The order's status changed: the list behind it is out of date. */
  readonly onChanged: () => void;
}

type DetailState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly failure: ApiFailure }
  | { readonly status: 'ready'; readonly detail: OrderDetail };

/** One order: the actions first, then every section of orderViewSections. */
export function OrderView({ api, config, host, orderKey, onBack, onChanged }: OrderViewProps): ReactElement {
  const t = useText();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const styles = useStyles();
  const [state, setState] = useState<DetailState>({ status: 'loading' });
  const [notice, setNotice] = useState<ActionNotice>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(
    async (signal?: AbortSignal): Promise<void> => {
      const result = await api.getOrder(orderKey, signal);
      if (signal?.aborted) return;
      // A reload keeps the order on screen when it fails: the notice says what went wrong.
      setState((current) => (result.ok ? { status: 'ready', detail: result.value } : current.status === 'ready' ? current : { status: 'failed', failure: result.failure }));
    },
    [api, orderKey],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  // The heading takes focus once the order shows, so screen readers announce where they are.
  const ready = state.status === 'ready';
  useEffect(() => {
    if (ready) headingRef.current?.focus();
  }, [ready]);

  const changeStatus = async (request: StatusChangeRequest): Promise<StatusChangeOutcome> => {
    setNotice(undefined);
    const outcome = await api.changeStatus(orderKey, request);
    if (outcome.kind === 'changed' || outcome.kind === 'stale') {
      await load();
      onChanged();
    }
    setNotice(outcome.kind === 'changed' ? { kind: 'done' } : outcome);
    return outcome;
  };

  const back = (
    <Button className={styles.back} appearance="subtle" icon={<ArrowLeftRegular />} onClick={onBack}>
      {t(boardTexts.order.back)}
    </Button>
  );

  if (state.status === 'loading') return <div className={styles.root}>{back}<LoadingState /></div>;
  if (state.status === 'failed') {
    if (isNotStaff(state.failure)) return <NotStaffNotice distributorName={config.distributorName} />;
    return (
      <div className={styles.root}>
        {back}
        <ApiFailureMessage failure={state.failure} host={host} onRetry={() => void load()} />
      </div>
    );
  }

  const { detail } = state;
  const { order } = detail;
  return (
    <article className={styles.root} aria-labelledby="board-order-title">
      {back}
      <div className={styles.heading}>
        <h2 id="board-order-title" className={styles.title} tabIndex={-1} ref={headingRef}>
          {t(boardTexts.order.title(order.id))}
        </h2>
        <OrderStatusBadge status={order.status} />
        <Text className={styles.meta}>{t(boardTexts.order.revision(order.revision))}</Text>
      </div>
      <Text className={styles.meta}>
        {order.organization.name} · {t(orderFactTexts.createdAt)} {formatDateTime(order.createdAt, locale, timeZone)} · {t(orderFactTexts.updatedAt)}{' '}
        {formatDateTime(order.updatedAt, locale, timeZone)}
      </Text>
      <Card>
        <section className={styles.section} aria-labelledby="board-order-actions">
          <Text as="h3" size={500} weight="semibold" id="board-order-actions" className={styles.sectionTitle}>
            {t(boardTexts.actions.title)}
          </Text>
          <StatusActions order={order} host={host} notice={notice} onChange={changeStatus} onReload={() => void load()} />
        </section>
      </Card>
      {orderViewSections.map((section) => (
        <Card key={section.id}>
          <section className={styles.section} aria-labelledby={`board-order-section-${section.id}`}>
            <Text as="h3" size={500} weight="semibold" id={`board-order-section-${section.id}`} className={styles.sectionTitle}>
              {t(section.title)}
            </Text>
            {section.render({ detail, config })}
          </section>
        </Card>
      ))}
    </article>
  );
}
