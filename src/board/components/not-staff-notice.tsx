import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { useText } from '../../tab/components/locale-context.js';
import { boardTexts } from '../board-texts.js';

/** What everyone but the distributor's staff sees: the API answered 403. */
export function NotStaffNotice({ distributorName }: { readonly distributorName: string }): ReactElement {
  const t = useText();
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t(boardTexts.notStaffTitle)}</MessageBarTitle>
        {t(boardTexts.notStaff(distributorName))}
      </MessageBarBody>
    </MessageBar>
  );
}
