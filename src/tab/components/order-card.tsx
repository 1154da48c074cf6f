import { Badge, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { ReactElement } from 'react';
import { convertedTrialText, licenseCount, orderFactTexts, orderStatusLabels, subscriptionKindLabels } from '../../domain/cards/card-texts.js';
import type { LocalizedText } from '../../domain/i18n/locale.js';
import { pick } from '../../domain/i18n/locale.js';
import type { DeliveryView, OrderView } from '../api/order-response.js';
import type { CatalogItem } from '../config/tab-config.js';
import { tabTexts } from '../tab-texts.js';
import { formatDate, formatDateTime } from './format-date.js';
import { useLocale } from './locale-context.js';
import { useTimeZone } from './time-zone-context.js';
import { OrderStatusBadge } from './order-status-badge.js';

const useStyles = makeStyles({
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  highlighted: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0, marginInlineEnd: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  sectionTitle: { margin: 0 },
  timeline: { listStyleType: 'none', margin: 0, padding: 0 },
  event: {
    position: 'relative',
    paddingInlineStart: '28px',
    paddingBlockEnd: tokens.spacingVerticalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    // The line joining the events.
    '::before': {
      content: '""',
      position: 'absolute',
      insetInlineStart: '7px',
      top: '18px',
      bottom: 0,
      width: tokens.strokeWidthThick,
      backgroundColor: tokens.colorNeutralStroke2,
    },
    ':last-child::before': { display: 'none' },
    ':last-child': { paddingBlockEnd: 0 },
  },
  dot: {
    position: 'absolute',
    insetInlineStart: 0,
    top: '2px',
    width: '16px',
    height: '16px',
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  dotCurrent: { backgroundColor: tokens.colorBrandBackground },
  eventHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  deliveries: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  delivery: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface OrderCardProps {
  readonly order: OrderView;
  readonly catalog: readonly CatalogItem[];
  /** Marks the order this session just sent. */
  readonly justSent: boolean;
  /** The bot's chat is in this host (Teams); Outlook and the Microsoft 365 app have no chat. */
  readonly chatInThisApp?: boolean;
}

/** One order: its terms, its status history as a timeline, and its delivery to the distributor. */
export function OrderCard({ order, catalog, justSent, chatInThisApp = true }: OrderCardProps): ReactElement {
  const locale = useLocale();
  const timeZone = useTimeZone();
  const t = (text: LocalizedText): string => pick(text, locale);
  const styles = useStyles();
  const titleId = useId();
  const texts = tabTexts.orders;
  const productName = (sku: string): string => catalog.find((item) => item.sku === sku)?.displayName ?? sku;
  const lastComment = [...order.history].reverse().find((change) => change.status === 'changesRequested')?.comment;
  // The server answers the current revision's deliveries only.
  const deliveries = order.deliveries;

  return (
    <article aria-labelledby={titleId} className={mergeClasses(styles.card, justSent && styles.highlighted)}>
      <div className={styles.header}>
        <Text as="h3" id={titleId} size={400} weight="semibold" className={styles.title}>
          {t(texts.orderTitle(order.id))}
        </Text>
        <OrderStatusBadge status={order.status} />
        {justSent && (
          <Badge appearance="tint" color="brand">
            {t(texts.justSent)}
          </Badge>
        )}
        <Text size={200} className={styles.muted}>
          {t(texts.received(formatDateTime(order.createdAt, locale, timeZone)))}
        </Text>
      </div>

      {order.status === 'changesRequested' && (
        <Text>
          {t(chatInThisApp ? texts.changesRequested : texts.changesRequestedOutsideTeams)}
          {lastComment !== undefined && ` ${t(texts.comment(lastComment))}`}
        </Text>
      )}

      <dl className={styles.facts}>
        <dt className={styles.term}>{t(orderFactTexts.subscriptions)}</dt>
        <dd className={styles.value}>
          <ul className={styles.lines}>
            {order.lines.map((line) => (
              <li key={line.sku}>
                {productName(line.sku)}: {t(licenseCount(line.quantity))}
              </li>
            ))}
          </ul>
        </dd>
        <dt className={styles.term}>{t(orderFactTexts.subscriptionKind)}</dt>
        <dd className={styles.value}>{t(subscriptionKindLabels[order.subscriptionKind])}</dd>
        {order.trial !== undefined && (
          <>
            <dt className={styles.term}>{t(orderFactTexts.convertedTrial)}</dt>
            <dd className={styles.value}>
              {t(
                convertedTrialText(
                  productName(order.trial.sku),
                  licenseCount(order.trial.licenses),
                  order.trial.endsOn === undefined ? undefined : formatDate(order.trial.endsOn, locale),
                ),
              )}
            </dd>
          </>
        )}
        <dt className={styles.term}>{t(orderFactTexts.activationDate)}</dt>
        <dd className={styles.value}>{formatDate(order.activationDate, locale)}</dd>
        <dt className={styles.term}>{t(orderFactTexts.technicalDomain)}</dt>
        <dd className={styles.value}>{order.technicalDomain}</dd>
        <dt className={styles.term}>{t(orderFactTexts.organizationName)}</dt>
        <dd className={styles.value}>
          {order.organization.name}, {t(orderFactTexts.inn)} {order.organization.inn}
        </dd>
      </dl>

      <Text as="h4" size={300} weight="semibold" className={styles.sectionTitle}>
        {t(texts.historyTitle)}
      </Text>
      <ol className={styles.timeline}>
        {order.history.map((change, index) => (
          <li key={`${change.at}-${index}`} className={styles.event}>
            <span aria-hidden className={mergeClasses(styles.dot, index === order.history.length - 1 && styles.dotCurrent)} />
            <span className={styles.eventHead}>
              <Text weight="semibold">{t(orderStatusLabels[change.status])}</Text>
              <Text size={200} className={styles.muted}>
                <time dateTime={change.at}>{formatDateTime(change.at, locale, timeZone)}</time>
              </Text>
            </span>
            <Text size={200} className={styles.muted}>
              {[change.by === undefined ? undefined : t(texts.by(change.by)), t(texts.revision(change.revision))]
                .filter((part) => part !== undefined)
                .join(' · ')}
            </Text>
            {change.comment !== undefined && <Text size={200}>{t(texts.comment(change.comment))}</Text>}
          </li>
        ))}
      </ol>

      <Text as="h4" size={300} weight="semibold" className={styles.sectionTitle}>
        {t(texts.deliveryTitle)}
      </Text>
      {deliveries.length === 0 ? (
        <Text size={200} className={styles.muted}>
          {t(texts.noDeliveries)}
        </Text>
      ) : (
        <ul className={styles.deliveries}>
          {deliveries.map((delivery) => (
            <li key={delivery.channel} className={styles.delivery}>
              <DeliveryLine delivery={delivery} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

const channelNames: Readonly<Record<string, LocalizedText>> = tabTexts.orders.channels;
const deliveryStates: Readonly<Record<string, LocalizedText>> = tabTexts.orders.deliveryStates;

function DeliveryLine({ delivery }: { readonly delivery: DeliveryView }): ReactElement {
  const locale = useLocale();
  const t = (text: LocalizedText): string => pick(text, locale);
  const channel = channelNames[delivery.channel];
  const state = deliveryStates[delivery.state];
  const color = delivery.state === 'delivered' ? 'success' : delivery.state === 'failed' ? 'danger' : 'informative';
  return (
    <>
      <Text>{channel === undefined ? delivery.channel : t(channel)}</Text>
      <Badge appearance="tint" color={color}>
        {state === undefined ? delivery.state : t(state)}
      </Badge>
    </>
  );
}
