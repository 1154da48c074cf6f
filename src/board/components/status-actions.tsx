import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, EditRegular, TaskListSquareLtrRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ReactElement } from 'react';
import { distributorOrderTexts } from '../../domain/cards/card-texts.js';
import type { OrderStatus } from '../../domain/order/order.js';
import { allowedNextStatuses } from '../../domain/order/status-transitions.js';
import type { ApiFailure } from '../../tab/api/api-failure.js';
import { ApiFailureMessage } from '../../tab/components/api-failure-message.js';
import { useText } from '../../tab/components/locale-context.js';
import type { TabHost } from '../../tab/host/tab-host.js';
import type { StatusChangeOutcome, StatusChangeRequest } from '../api/board-api-client.js';
import type { BoardOrder } from '../api/board-response.js';
import { boardTexts } from '../board-texts.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  comment: { maxWidth: '640px' },
});

/** What the last action ended in, shown above the buttons. */
export type ActionNotice =
  | { readonly kind: 'done' }
  | { readonly kind: 'stale' }
  | { readonly kind: 'notAllowed'; readonly reason?: string | undefined }
  | { readonly kind: 'failed'; readonly failure: ApiFailure };

export interface StatusActionsProps {
  readonly order: BoardOrder;
  readonly host: TabHost;
  readonly notice: ActionNotice | undefined;
  /** Sends the change; the caller reloads the order and sets the notice. */
  readonly onChange: (request: StatusChangeRequest) => Promise<StatusChangeOutcome>;
  /** After a failure: load the order again. */
  readonly onReload: () => void;
}

/**
 * Accept, request changes (with what to change) and complete: the channel
 * card's actions, with the card's labels, offered only where the lifecycle
 * allows them (src/domain/order/status-transitions.ts; the server checks again).
 */
export function StatusActions({ order, host, notice, onChange, onReload }: StatusActionsProps): ReactElement {
  const t = useText();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [commenting, setCommenting] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState(false);
  const next = allowedNextStatuses(order.status);

  const send = async (status: OrderStatus, text?: string): Promise<void> => {
    setBusy(true);
    try {
      await onChange({ status, revision: order.revision, ...(text === undefined ? {} : { comment: text }) });
      setCommenting(false);
      setComment('');
    } finally {
      setBusy(false);
    }
  };

  const sendChangesRequest = (): void => {
    const text = comment.trim();
    if (text === '') {
      setCommentError(true);
      return;
    }
    void send('changesRequested', text);
  };

  return (
    <div className={styles.root}>
      {notice !== undefined && <Notice notice={notice} host={host} onReload={onReload} />}
      {next.length === 0 ? (
        <Text>{t(order.status === 'changesRequested' ? distributorOrderTexts.waitingForCustomer : boardTexts.actions.none)}</Text>
      ) : (
        <div className={styles.buttons}>
          {next.includes('accepted') && (
            <Button appearance="primary" icon={<CheckmarkRegular />} disabled={busy} onClick={() => void send('accepted')}>
              {t(distributorOrderTexts.accept)}
            </Button>
          )}
          {next.includes('completed') && (
            <Button appearance="primary" icon={<TaskListSquareLtrRegular />} disabled={busy} onClick={() => void send('completed')}>
              {t(distributorOrderTexts.complete)}
            </Button>
          )}
          {next.includes('changesRequested') && !commenting && (
            <Button icon={<EditRegular />} disabled={busy} onClick={() => setCommenting(true)}>
              {t(distributorOrderTexts.requestChanges)}
            </Button>
          )}
        </div>
      )}
      {commenting && (
        <div className={styles.root}>
          <Field
            className={styles.comment}
            label={t(distributorOrderTexts.changesComment)}
            required
            {...(commentError ? { validationMessage: t(distributorOrderTexts.changesCommentError) } : {})}
          >
            <Textarea
              autoFocus
              value={comment}
              placeholder={t(distributorOrderTexts.changesCommentPlaceholder)}
              onChange={(_event, data) => {
                setComment(data.value);
                setCommentError(false);
              }}
            />
          </Field>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy} onClick={sendChangesRequest}>
              {t(busy ? boardTexts.actions.saving : distributorOrderTexts.sendChangesRequest)}
            </Button>
            <Button disabled={busy} onClick={() => setCommenting(false)}>
              {t(boardTexts.actions.cancel)}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}

function Notice({ notice, host, onReload }: { readonly notice: ActionNotice; readonly host: TabHost; readonly onReload: () => void }): ReactElement {
  const t = useText();
  switch (notice.kind) {
    case 'done':
      return (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>{t(boardTexts.actions.done)}</MessageBarBody>
        </MessageBar>
      );
    case 'stale':
      return (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>{t(boardTexts.actions.stale)}</MessageBarBody>
        </MessageBar>
      );
    case 'notAllowed':
      return (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t(boardTexts.actions.notAllowed)}</MessageBarTitle>
            {notice.reason}
          </MessageBarBody>
        </MessageBar>
      );
    case 'failed':
      return <ApiFailureMessage failure={notice.failure} host={host} onRetry={onReload} />;
  }
}
