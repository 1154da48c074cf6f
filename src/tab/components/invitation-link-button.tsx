import { Button } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { TabHost } from '../host/tab-host.js';
import { tabTexts } from '../tab-texts.js';
import { useText } from './locale-context.js';
import { visuallyHidden } from './visually-hidden.js';

export interface InvitationLinkButtonProps {
  readonly url: string;
  readonly host: TabHost;
}

/**
 * Inside Teams a plain link may open inside the Teams frame or be blocked, so
 * the host opens it; elsewhere an ordinary new-window link keeps middle-click,
 * copy-link and the browser's own handling.
 */
export function InvitationLinkButton({ url, host }: InvitationLinkButtonProps): ReactElement {
  const t = useText();
  const label = t(tabTexts.invitation.openInvitation);
  if (host.kind === 'teams') {
    const open = (): void => {
      host.openLink(url).catch(() => window.open(url, '_blank', 'noopener,noreferrer'));
    };
    return (
      <Button appearance="primary" size="large" icon={<OpenRegular />} iconPosition="after" onClick={open}>
        {label}
      </Button>
    );
  }
  return (
    <Button
      as="a"
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      appearance="primary"
      size="large"
      icon={<OpenRegular />}
      iconPosition="after"
    >
      {label}
      <span style={visuallyHidden}> {t(tabTexts.invitation.newWindow)}</span>
    </Button>
  );
}
