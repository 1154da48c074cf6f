import { Badge, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { BadgeProps } from '@fluentui/react-components';
import { CheckmarkCircleRegular, CircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { LocalizedText } from '../../domain/i18n/locale.js';
import { pick } from '../../domain/i18n/locale.js';
import { directoryRoleName } from '../../domain/tenant/directory-roles.js';
import type { EvidenceItem, EvidenceSource } from '../../domain/tenant/tenant-response.js';
import type { TabHost } from '../host/tab-host.js';
import { tabTexts } from '../tab-texts.js';
import { ExternalLinkButton } from './external-link-button.js';
import { formatDateTime } from './format-date.js';
import { useTimeZone } from './time-zone-context.js';
import { useLocale, useText } from './locale-context.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'grid',
    gridTemplateColumns: '24px minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  icon: { fontSize: '20px', marginBlockStart: '2px' },
  found: { color: tokens.colorPaletteGreenForeground1 },
  problem: { color: tokens.colorPaletteMarigoldForeground1 },
  neutral: { color: tokens.colorNeutralForeground3 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  detail: { overflowWrap: 'anywhere' },
  action: { marginBlockStart: tokens.spacingVerticalXS },
  legend: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3 },
});

const PARTNER_SIDE: readonly EvidenceSource[] = ['partnerContract', 'partnerGdapRelationship'];

export interface EvidenceListProps {
  readonly evidence: readonly EvidenceItem[];
  /** The tenant-wide consent link, for items that do not carry their own. */
  readonly adminConsentUrl: string | null;
  readonly host: TabHost;
}

/** Each piece of relationship evidence: what it is, where it comes from, and what was found. */
export function EvidenceList({ evidence, adminConsentUrl, host }: EvidenceListProps): ReactElement {
  const styles = useStyles();
  const t = useText();
  const meanings = tabTexts.confirmation.levelMeanings;
  return (
    <>
      {/* What each badge below means, one line each. */}
      <div className={styles.legend}>
        <Text size={200}>{t(meanings.confirmed)}</Text>
        <Text size={200}>{t(meanings.detected)}</Text>
        <Text size={200}>{t(meanings.declared)}</Text>
      </div>
      <ul className={styles.list}>
        {evidence.map((item) => (
          <EvidenceRow key={item.source} item={item} adminConsentUrl={adminConsentUrl} host={host} />
        ))}
      </ul>
    </>
  );
}

function EvidenceRow({ item, adminConsentUrl, host }: { readonly item: EvidenceItem } & Omit<EvidenceListProps, 'evidence'>): ReactElement {
  const locale = useLocale();
  const timeZone = useTimeZone();
  const t = (text: LocalizedText): string => pick(text, locale);
  const styles = useStyles();
  const texts = tabTexts.confirmation;
  const origin =
    item.source === 'declared' ? texts.origins.declared : PARTNER_SIDE.includes(item.source) ? texts.origins.partner : texts.origins.customer;
  const status = statusLook(item);
  const Icon = status.icon;
  const consentUrl = item.status === 'needsConsent' ? (item.adminConsentUrl ?? adminConsentUrl) : null;

  return (
    <li className={styles.item}>
      <Icon aria-hidden className={mergeClasses(styles.icon, styles[status.tone])} />
      <div className={styles.body}>
        <div className={styles.heading}>
          <Text weight="semibold">{t(texts.sources[item.source])}</Text>
          <Badge appearance="tint" color={status.color}>
            {t(status.label)}
          </Badge>
          <Badge appearance="outline" color="informative">
            {t(texts.levelLabels[item.level])}
          </Badge>
        </div>
        <Text size={200} className={styles.muted}>
          {t(origin)}
        </Text>
        {item.status === 'found' && item.detail !== null && <Text className={styles.detail}>{item.detail}</Text>}
        {item.status === 'found' && item.observedAt !== null && (
          <Text size={200}>{t(texts.observedAt(formatDateTime(item.observedAt, locale, timeZone)))}</Text>
        )}
        {item.status === 'found' && !item.partnerSpecific && <Text size={200}>{t(texts.anyPartner)}</Text>}
        {(item.status === 'needsConsent' || item.status === 'needsRole') && item.permissions.length > 0 && (
          <Text size={200}>{t(texts.permissions(item.permissions.join(', ')))}</Text>
        )}
        {item.status === 'needsRole' && (
          <Text size={200}>
            {t(texts.rolesNeeded(item.roleTemplateIds.map((id) => roleName(id, t)).join(', ')))}
          </Text>
        )}
        {item.status === 'unavailable' && <Text size={200}>{t(texts.reasons[item.reason])}</Text>}
        {consentUrl !== null && (
          <div className={styles.action}>
            <ExternalLinkButton url={consentUrl} host={host} size="small">
              {t(tabTexts.apiError.grantConsent)}
            </ExternalLinkButton>
          </div>
        )}
      </div>
    </li>
  );
}

function roleName(templateId: string, t: (text: LocalizedText) => string): string {
  const name = directoryRoleName(templateId);
  return name === undefined ? templateId : t(name);
}

interface StatusLook {
  readonly label: LocalizedText;
  readonly color: NonNullable<BadgeProps['color']>;
  readonly tone: 'found' | 'problem' | 'neutral';
  readonly icon: typeof CheckmarkCircleRegular;
}

function statusLook(item: EvidenceItem): StatusLook {
  const texts = tabTexts.confirmation;
  switch (item.status) {
    case 'found':
      return { label: texts.found, color: 'success', tone: 'found', icon: CheckmarkCircleRegular };
    case 'notFound':
      return { label: texts.notFound, color: 'informative', tone: 'neutral', icon: CircleRegular };
    case 'needsConsent':
      return { label: texts.needsConsent, color: 'warning', tone: 'problem', icon: WarningRegular };
    case 'needsRole':
      return { label: texts.needsRole, color: 'warning', tone: 'problem', icon: WarningRegular };
    case 'unavailable':
      return { label: texts.unavailable, color: 'informative', tone: 'neutral', icon: InfoRegular };
  }
}
