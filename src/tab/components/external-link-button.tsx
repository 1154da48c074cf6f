import { Button } from '@fluentui/react-components';
import type { ButtonProps } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import type { ReactElement, ReactNode } from 'react';
import type { TabHost } from '../host/tab-host.js';
import { tabTexts } from '../tab-texts.js';
import { useText } from './locale-context.js';
import { visuallyHidden } from './visually-hidden.js';

export interface ExternalLinkButtonProps {
  readonly url: string;
  readonly host: TabHost;
  readonly children: ReactNode;
  readonly appearance?: ButtonProps['appearance'];
  readonly size?: ButtonProps['size'];
}

/**
 * A link to a Microsoft page (the reseller invitation, admin consent, admin
 * center). Inside Teams a plain link may open inside the Teams frame or be
 * blocked, so the host opens it; elsewhere an ordinary new-window link keeps
 * middle-click, copy-link and the browser's own handling.
 */
export function ExternalLinkButton({ url, host, children, appearance = 'secondary', size = 'medium' }: ExternalLinkButtonProps): ReactElement {
  const t = useText();
  if (host.kind === 'teams') {
    const open = (): void => {
      host.openLink(url).catch(() => window.open(url, '_blank', 'noopener,noreferrer'));
    };
    return (
      <Button appearance={appearance} size={size} icon={<OpenRegular />} iconPosition="after" onClick={open}>
        {children}
      </Button>
    );
  }
  return (
    <Button
      as="a"
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      appearance={appearance}
      size={size}
      icon={<OpenRegular />}
      iconPosition="after"
    >
      {children}
      <span style={visuallyHidden}> {t(tabTexts.session.newWindow)}</span>
    </Button>
  );
}
