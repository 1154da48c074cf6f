import { Badge, Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { useCallback, useEffect, useState } from 'react';
import type { PartnerCenterHandOff } from '../../domain/customer-agreement/partner-center-hand-off.js';
import { signatoryDisplayName } from '../../domain/customer-agreement/signatory-name.js';
import type { LocalizedText } from '../../domain/i18n/locale.js';
import { formatDateTime } from '../../tab/components/format-date.js';
import { useLocale, useText } from '../../tab/components/locale-context.js';
import { useTimeZone } from '../../tab/components/time-zone-context.js';
import { CopyableValue } from '../components/copy-button.js';
import { FactList } from '../components/fact-list.js';
import type { BoardCustomerAgreement, CustomerAgreementBoardApi, CustomerAgreementOutcome } from './customer-agreement-board-api.js';
import { customerAgreementBoardTexts as texts } from './customer-agreement-board-texts.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  note: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
});

export interface CustomerAgreementSectionProps {
  readonly tenantId: string;
  readonly api: CustomerAgreementBoardApi;
}

/**
 * The order view's MCA section: whether the customer accepted the Microsoft
 * Customer Agreement, the confirmation as Partner Center asks for it (each
 * value to copy), and, when the server has Partner Center access, sending it
 * there as the staff member with Partner Center's answer.
 */
export function CustomerAgreementSection({ tenantId, api }: CustomerAgreementSectionProps): ReactElement {
  const t = useText();
  const styles = useStyles();
  const [loaded, setLoaded] = useState<CustomerAgreementOutcome | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | undefined>(undefined);

  const load = useCallback(async () => {
    setLoaded(undefined);
    setLoaded(await api.get(tenantId));
  }, [api, tenantId]);
  useEffect(() => {
    void load();
  }, [load]);

  const send = async (): Promise<void> => {
    setSending(true);
    setSendError(undefined);
    try {
      const outcome = await api.handOff(tenantId);
      if (outcome.kind === 'failed') setSendError(outcome.message);
      else setLoaded((current) => (current?.kind === 'ok' ? { kind: 'ok', view: { ...current.view, lastHandOff: outcome.handOff } } : current));
    } finally {
      setSending(false);
    }
  };

  if (loaded === undefined) return <Spinner size="tiny" label={t(texts.loading)} />;
  if (loaded.kind === 'failed') {
    return (
      <div className={styles.stack}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(texts.loadFailed)}</MessageBarTitle>
            {loaded.message}
          </MessageBarBody>
        </MessageBar>
        <Button onClick={() => void load()}>{t(texts.retry)}</Button>
      </div>
    );
  }
  const { view } = loaded;
  return (
    <div className={styles.stack} aria-busy={sending}>
      <Acceptance view={view} />
      {view.partnerCenter !== null && (
        <>
          <PartnerCenterConfirmation confirmation={view.partnerCenter} />
          {view.handOffEnabled ? (
            // disabledFocusable: while sending, keyboard focus stays on the button.
            <Button appearance="primary" disabledFocusable={sending} onClick={() => void send()}>
              {t(sending ? texts.sending : texts.send)}
            </Button>
          ) : (
            <Text className={styles.note}>{t(texts.handOffDisabled)}</Text>
          )}
        </>
      )}
      <div role="status" className={styles.stack}>
        {sendError !== undefined && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t(texts.sendFailed)}</MessageBarTitle>
              {sendError}
            </MessageBarBody>
          </MessageBar>
        )}
        {view.lastHandOff !== null && <LastHandOff handOff={view.lastHandOff} current={view.acceptance?.acceptedAt} />}
      </div>
    </div>
  );
}

/** «MCA: не принято» with where the customer accepts it, or who accepted it and when. */
function Acceptance({ view }: { readonly view: BoardCustomerAgreement }): ReactElement {
  const t = useText();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const styles = useStyles();
  const { acceptance } = view;
  if (acceptance === null) {
    return (
      <>
        <Badge appearance="tint" color="warning">
          {t(texts.notAccepted)}
        </Badge>
        <Text className={styles.note}>{t(texts.notAcceptedNote)}</Text>
      </>
    );
  }
  const { signatory } = acceptance;
  return (
    <>
      <Badge appearance="tint" color="success">
        {t(texts.accepted)}
      </Badge>
      <FactList
        rows={[
          [texts.acceptance.who, signatoryDisplayName(signatory)],
          [texts.acceptance.email, signatory.email],
          [texts.acceptance.phone, signatory.phone ?? t(texts.acceptance.noPhone)],
          [texts.acceptance.when, <time dateTime={acceptance.acceptedAt}>{formatDateTime(acceptance.acceptedAt, locale, timeZone)}</time>],
          [texts.acceptance.templateId, acceptance.templateId],
        ]}
      />
    </>
  );
}

/** Partner Center's `Agreement` fields, in the order its form asks for them, each to copy. */
function PartnerCenterConfirmation({ confirmation }: { readonly confirmation: NonNullable<BoardCustomerAgreement['partnerCenter']> }): ReactElement {
  const t = useText();
  const styles = useStyles();
  const contact = confirmation.primaryContact;
  const labels = texts.partnerCenter;
  const row = (label: LocalizedText, value: string) => [label, <CopyableValue value={value} what={t(label)} />] as const;
  return (
    <>
      <Text as="h4" weight="semibold" className={styles.heading}>
        {t(labels.heading)}
      </Text>
      <Text className={styles.note}>{t(labels.intro)}</Text>
      <FactList
        rows={[
          row(labels.firstName, contact.firstName),
          row(labels.lastName, contact.lastName),
          row(labels.email, contact.email),
          ...(contact.phoneNumber === undefined ? [] : [row(labels.phone, contact.phoneNumber)]),
          row(labels.dateAgreed, confirmation.dateAgreed),
          row(labels.templateId, confirmation.templateId),
        ]}
      />
    </>
  );
}

const OUTCOME_INTENT = { created: 'success', alreadyExists: 'success', refused: 'error', unavailable: 'warning' } as const;

/** Partner Center's last answer, as the server stored it, and whether a newer acceptance is still to send. */
function LastHandOff({ handOff, current }: { readonly handOff: PartnerCenterHandOff; readonly current: string | undefined }): ReactElement {
  const t = useText();
  const locale = useLocale();
  const timeZone = useTimeZone();
  return (
    <MessageBar intent={OUTCOME_INTENT[handOff.outcome]} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(texts.outcome[handOff.outcome])}</MessageBarTitle>
        {handOff.code !== undefined && <div>{t(texts.code(handOff.code))}</div>}
        {handOff.description !== undefined && <div>{handOff.description}</div>}
        <div>{t(texts.lastHandOff(formatDateTime(handOff.at, locale, timeZone), handOff.by))}</div>
        {current !== undefined && current !== handOff.acceptedAt && <div>{t(texts.handOffOutdated)}</div>}
      </MessageBarBody>
    </MessageBar>
  );
}
