import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { commonTexts, convertedTrialText, licenseCount, orderFactTexts, orderStatusLabels, subscriptionKindLabels } from '../../domain/cards/card-texts.js';
import type { Locale, LocalizedText } from '../../domain/i18n/locale.js';
import { pick } from '../../domain/i18n/locale.js';
import { formatDate, formatDateTime } from '../../tab/components/format-date.js';
import { useLocale, useText } from '../../tab/components/locale-context.js';
import { useTimeZone } from '../../tab/components/time-zone-context.js';
import type { TabConfig } from '../../tab/config/tab-config.js';
import type { FieldChange } from '../../domain/order/order.js';
import type { BoardApiClient } from '../api/board-api-client.js';
import type { OrderDetail } from '../api/board-response.js';
import { CustomerAgreementSection } from '../customer-agreement/customer-agreement-section.js';
import { customerAgreementBoardTexts } from '../customer-agreement/customer-agreement-board-texts.js';
import { GdapSection } from '../gdap/gdap-section.js';
import { gdapTexts } from '../../domain/gdap/gdap-texts.js';
import { boardTexts } from '../board-texts.js';
import { fieldChangeCells } from '../field-change-cells.js';
import { CopyableValue as Copyable } from './copy-button.js';
import { FactList } from './fact-list.js';

/** What a section of the order view gets. */
export interface OrderSectionProps {
  readonly detail: OrderDetail;
  readonly config: TabConfig;
  /** For sections that act on their own (GDAP). */
  readonly api: BoardApiClient;
}

export interface OrderSection {
  /** Stable: the section's heading id is made from it. */
  readonly id: string;
  readonly title: LocalizedText;
  readonly render: (props: OrderSectionProps) => ReactElement;
}

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  note: { display: 'block', color: tokens.colorNeutralForeground3 },
  timeline: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  changes: { marginBlockStart: tokens.spacingVerticalS },
  before: { color: tokens.colorPaletteRedForeground1, textDecorationLine: 'line-through' },
  after: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
});

function productName(config: TabConfig, sku: string): string {
  return config.catalog.find((item) => item.sku === sku)?.displayName ?? sku;
}

/** The ten items of the order form, as the customer sent them, with contact links. */
function OrderItems({ detail, config }: OrderSectionProps): ReactElement {
  const t = useText();
  const locale = useLocale();
  const styles = useStyles();
  const { order, technicalDomainIsDefault } = detail;
  const address = [order.organization.address.postalCode, order.organization.address.city, order.organization.address.street].join(', ');
  const domainNote =
    technicalDomainIsDefault === null
      ? boardTexts.order.technicalDomainUnknown
      : technicalDomainIsDefault
        ? boardTexts.order.technicalDomainDefault
        : boardTexts.order.technicalDomainNotDefault;
  const trial = order.trial;
  return (
    <FactList
      rows={[
        [orderFactTexts.invitationAccepted, t(order.invitationAccepted ? commonTexts.yes : commonTexts.no)],
        [
          orderFactTexts.technicalDomain,
          <>
            {order.technicalDomain}
            <Text size={200} className={styles.note}>
              {t(domainNote)}
            </Text>
          </>,
        ],
        [
          orderFactTexts.subscriptions,
          <ul className={styles.list}>
            {order.lines.map((line) => (
              <li key={line.sku}>
                {productName(config, line.sku)} ({line.sku}): {t(licenseCount(line.quantity))}
              </li>
            ))}
          </ul>,
        ],
        [orderFactTexts.activationDate, formatDate(order.activationDate, locale)],
        [orderFactTexts.subscriptionKind, t(subscriptionKindLabels[order.subscriptionKind])],
        [
          orderFactTexts.convertedTrial,
          trial === undefined
            ? t(boardTexts.order.noTrial)
            : t(
                convertedTrialText(
                  `${productName(config, trial.sku)} (${trial.sku})`,
                  licenseCount(trial.licenses),
                  trial.endsOn === undefined ? undefined : formatDate(trial.endsOn, locale),
                ),
              ),
        ],
        [orderFactTexts.organizationName, order.organization.name],
        [orderFactTexts.inn, order.organization.inn],
        [orderFactTexts.address, address],
        [orderFactTexts.contactFullName, order.contact.fullName],
        [
          orderFactTexts.contactPhone,
          <Link href={`tel:${order.contact.phone}`} aria-label={t(boardTexts.order.call(order.contact.phone))}>
            {order.contact.phone}
          </Link>,
        ],
        [
          orderFactTexts.contactEmail,
          <Link href={`mailto:${order.contact.email}`} aria-label={t(boardTexts.order.write(order.contact.email))}>
            {order.contact.email}
          </Link>,
        ],
      ]}
    />
  );
}

/**
 * What staff type into Partner Center, each value with a copy button.
 * Microsoft documents no stable Partner Center URL for one customer (its
 * pages say: Customers, the customer, Account, where "Microsoft ID" is the
 * tenant id; "Get a customer by ID",
 * https://learn.microsoft.com/partner-center/developer/get-a-customer-by-id),
 * so the tenant id is there to copy rather than a link.
 */
function PartnerCenterValues({ detail }: OrderSectionProps): ReactElement {
  const t = useText();
  const styles = useStyles();
  const { partnerCenter } = detail;
  return (
    <>
      <Text className={styles.note}>{t(boardTexts.partnerCenter.intro)}</Text>
      <FactList
        rows={[
          [boardTexts.order.tenantId, <Copyable value={partnerCenter.tenantId} what={t(boardTexts.order.tenantId)} />],
          [orderFactTexts.technicalDomain, <Copyable value={partnerCenter.technicalDomain} what={t(orderFactTexts.technicalDomain)} />],
          ...(partnerCenter.trial === null
            ? []
            : ([[orderFactTexts.convertedTrial, <Copyable value={partnerCenter.trial.sku} what={t(orderFactTexts.convertedTrial)} />]] as const)),
        ]}
      />
      <Table aria-label={t(orderFactTexts.subscriptions)}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t(boardTexts.partnerCenter.product)}</TableHeaderCell>
            <TableHeaderCell>{t(boardTexts.partnerCenter.skuPartNumber)}</TableHeaderCell>
            <TableHeaderCell>{t(boardTexts.partnerCenter.skuId)}</TableHeaderCell>
            <TableHeaderCell>{t(boardTexts.partnerCenter.quantity)}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {partnerCenter.lines.map((line) => (
            <TableRow key={line.skuPartNumber}>
              <TableCell>
                <Copyable value={line.productName} what={`${t(boardTexts.partnerCenter.product)} ${line.productName}`} />
              </TableCell>
              <TableCell>
                <Copyable value={line.skuPartNumber} what={`skuPartNumber ${line.skuPartNumber}`} />
              </TableCell>
              <TableCell>
                {line.skuId === null ? t(boardTexts.partnerCenter.noSkuId) : <Copyable value={line.skuId} what={`skuId ${line.skuPartNumber}`} />}
              </TableCell>
              <TableCell>{line.quantity}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

function levelText(level: string | null): LocalizedText {
  if (level === null) return boardTexts.evidence.unknown;
  const levels: Readonly<Record<string, LocalizedText>> = boardTexts.evidence.levels;
  return levels[level] ?? { ru: level, en: level };
}

/** The relationship evidence when the order was sent, and now. */
function Evidence({ detail }: OrderSectionProps): ReactElement {
  const t = useText();
  return (
    <FactList
      rows={[
        [boardTexts.evidence.atSubmission, t(levelText(detail.evidence.atSubmission))],
        [boardTexts.evidence.now, t(levelText(detail.evidence.now))],
      ]}
    />
  );
}

function changeValue(value: string | undefined, locale: Locale): string {
  return value === undefined || value === '' ? pick(boardTexts.history.empty, locale) : value;
}

function ChangesTable({ changes, revision }: { readonly changes: readonly FieldChange[]; readonly revision: number }): ReactElement {
  const t = useText();
  const locale = useLocale();
  const styles = useStyles();
  return (
    <Table size="small" className={styles.changes} aria-label={t(boardTexts.history.changesTitle(revision))}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t(boardTexts.history.field)}</TableHeaderCell>
          <TableHeaderCell>{t(boardTexts.history.before)}</TableHeaderCell>
          <TableHeaderCell>{t(boardTexts.history.after)}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {changes.map((change, index) => {
          const cells = fieldChangeCells(change, locale);
          return (
            <TableRow key={`${change.field}-${change.sku ?? ''}-${index}`}>
              <TableCell>{cells.label}</TableCell>
              <TableCell>
                <span className={styles.before}>{changeValue(cells.before, locale)}</span>
              </TableCell>
              <TableCell>
                <span className={styles.after}>{changeValue(cells.after, locale)}</span>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** Every status change, oldest first; a resubmitted revision shows what changed, before and after side by side. */
function History({ detail }: OrderSectionProps): ReactElement {
  const t = useText();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const styles = useStyles();
  return (
    <ol className={styles.timeline}>
      {detail.order.history.map((entry, index) => (
        <li key={`${entry.at}-${index}`}>
          <Text weight="semibold">{t(orderStatusLabels[entry.status])}</Text>
          {' · '}
          <time dateTime={entry.at}>{formatDateTime(entry.at, locale, timeZone)}</time>
          {' · '}
          {t(boardTexts.order.revision(entry.revision))}
          {entry.by !== undefined && <Text className={styles.note}>{t(boardTexts.history.by(entry.by))}</Text>}
          {entry.comment !== undefined && <Text className={styles.note}>{t(boardTexts.history.comment(entry.comment))}</Text>}
          {entry.changes !== undefined && entry.changes.length > 0 && <ChangesTable changes={entry.changes} revision={entry.revision} />}
        </li>
      ))}
    </ol>
  );
}

/**
 * The sections of the order view, in order. A new section (GDAP, the
 * Microsoft Customer Agreement) is one more entry here.
 */
export const orderViewSections: readonly OrderSection[] = [
  { id: 'items', title: boardTexts.order.items, render: (props) => <OrderItems {...props} /> },
  { id: 'partner-center', title: boardTexts.partnerCenter.title, render: (props) => <PartnerCenterValues {...props} /> },
  { id: 'evidence', title: boardTexts.evidence.title, render: (props) => <Evidence {...props} /> },
  { id: 'history', title: boardTexts.history.title, render: (props) => <History {...props} /> },
  {
    id: 'gdap',
    title: gdapTexts.board.title,
    render: ({ detail, config, api }) => <GdapSection tenantId={detail.order.tenantId} orderId={detail.order.id} demo={config.demo} api={api.gdap} />,
  },
  {
    id: 'customer-agreement',
    title: customerAgreementBoardTexts.title,
    render: ({ detail, api }) => <CustomerAgreementSection tenantId={detail.order.tenantId} api={api.customerAgreement} />,
  },
];
