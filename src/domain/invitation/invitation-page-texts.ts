import type { LocalizedText } from '../i18n/locale.js';

/**
 * What today's invitation pages ask of the customer's admin, said once for
 * the welcome card and the tab's step 1. Sources (learn.microsoft.com):
 * "Manage Microsoft-certified solution provider partner relationships"
 * (microsoft-365/commerce/manage-partners: the invitation is accepted in the
 * Microsoft 365 admin center; an indirect reseller gets no admin roles);
 * Partner Center "Request a reseller relationship" (the customer signs the
 * Microsoft Customer Agreement; delegated admin is optional and the person
 * accepting must be a Global Administrator; the admin center's own page says
 * Billing Administrator is enough, the stricter role is named so that it
 * works either way); "Granular delegated admin privileges (GDAP) API overview"
 * (GDAP is approved on its own page, least privilege and time-bound; DAP gave
 * partners Global Administrator indefinitely).
 */
export const invitationPageTexts = {
  agreement: {
    ru:
      'В центре администрирования Microsoft 365 откроется приглашение: на странице указаны партнёр и Клиентское соглашение Microsoft (Microsoft Customer Agreement). ' +
      'Прочитайте соглашение, отметьте, что принимаете его, и нажмите кнопку, которая принимает соглашение и авторизует партнёра.',
    en:
      'The invitation opens in the Microsoft 365 admin center: the page names the partner and shows the Microsoft Customer Agreement. ' +
      'Read the agreement, tick the box that you accept it, and press the button that accepts it and authorizes the partner.',
  },
  noAdminRights: {
    ru: 'Партнёр получит право оформлять для вас подписки, но не права администратора в вашей организации.',
    en: 'The partner may then order subscriptions for you; it gets no admin rights in your organization.',
  },
  delegatedAdmin: {
    ru: 'Приглашение также просит права делегированного администратора: партнёр получит роль глобального администратора в вашей организации.',
    en: 'The invitation also asks for delegated admin rights: the partner gets the Global Administrator role in your organization.',
  },
  revocable: {
    ru:
      'Отношения с партнёром можно прекратить позже, а выданные ему права администратора можно отозвать в любое время — ' +
      'в центре администрирования Microsoft 365, в разделе партнёрских отношений. Подписки при этом продолжат работать.',
    en:
      'You can end the relationship with the partner later, and remove any admin rights you gave it at any time, ' +
      'in the Microsoft 365 admin center under partner relationships. Your subscriptions stay active.',
  },
  gdapRequest: (distributorName: string): LocalizedText => ({
    ru:
      `${distributorName} также просит ограниченные права администратора — детализированные делегированные права (GDAP): только нужные роли и на ограниченный срок. ` +
      'Запрос одобряется на отдельной странице: откройте её, войдите как глобальный администратор, проверьте роли и срок и подтвердите запрос. Эти права тоже можно отозвать в любое время.',
    en:
      `${distributorName} also asks for limited admin rights, granular delegated admin privileges (GDAP): only the roles it needs, for a limited time. ` +
      'The request is approved on a separate page: open it, sign in as a Global Administrator, check the roles and the duration, and approve the request. These rights, too, can be removed at any time.',
  }),
  approveGdap: { ru: 'Одобрить доступ (GDAP)', en: 'Approve admin access (GDAP)' },
} as const;
