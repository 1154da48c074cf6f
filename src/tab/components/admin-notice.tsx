import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { pick } from '../../domain/i18n/locale.js';
import type { AdminStep } from '../../domain/tenant/directory-roles.js';
import { directoryRoleName } from '../../domain/tenant/directory-roles.js';
import type { AdminFacts } from '../../domain/tenant/tenant-response.js';
import { tabTexts } from '../tab-texts.js';
import { useLocale } from './locale-context.js';

const useStyles = makeStyles({ title: { display: 'block' } });

export interface AdminNoticeProps {
  readonly admin: AdminFacts;
  /** The admin-only actions of this step; a notice shows for each the user may not be able to do. */
  readonly steps: readonly AdminStep[];
}

/**
 * Tells a non-administrator which roles a step needs (the tenant answer's
 * `admin.steps`). Unknown roles (`allowed: null`) only name
 * the roles; the tab never claims the user lacks a role it could not read.
 */
export function AdminNotice({ admin, steps }: AdminNoticeProps): ReactElement | null {
  const locale = useLocale();
  const styles = useStyles();
  const texts = tabTexts.adminNotice;
  const notices = admin.steps.filter((entry) => steps.includes(entry.step) && entry.allowed !== true);
  if (notices.length === 0) return null;
  return (
    <>
      {notices.map((entry) => {
        const roles = entry.requiredRoleTemplateIds
          .map((id) => {
            const name = directoryRoleName(id);
            return name === undefined ? id : pick(name, locale);
          })
          .join(', ');
        const action = texts.actions[entry.step];
        const text = entry.allowed === false ? texts.missing(action, roles) : texts.unknown(action, roles);
        return (
          <MessageBar key={entry.step} intent={entry.allowed === false ? 'warning' : 'info'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle className={styles.title}>{pick(texts.title, locale)}</MessageBarTitle>
              {pick(text, locale)}
            </MessageBarBody>
          </MessageBar>
        );
      })}
    </>
  );
}
