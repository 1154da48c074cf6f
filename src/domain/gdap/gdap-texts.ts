import type { LocalizedText } from '../i18n/locale.js';

/** Texts of the customer's GDAP card and the tab's GDAP part (ru + en). */
export const gdapTexts = {
  title: { ru: 'Одобрите доступ администратора (GDAP)', en: 'Approve admin access (GDAP)' },
  why: (distributor: string): LocalizedText => ({
    ru: `${distributor} просит ограниченные права администратора в вашей организации, чтобы назначать купленные лицензии и открывать обращения в поддержку Microsoft от вашего имени. Это не глобальный администратор: только роли ниже и только на указанный срок.`,
    en: `${distributor} asks for limited admin rights in your organization to assign the licenses you bought and to open Microsoft support requests for you. This is not Global Administrator: only the roles below, and only for the time shown.`,
  }),
  rolesTitle: { ru: 'Какие права', en: 'Which rights' },
  howLong: (days: number, autoExtend: boolean): LocalizedText => {
    return {
      ru: `Срок: ${days} ${russianDays(days)}.${autoExtend ? ' Затем доступ продлевается на 180 дней, пока вы или партнёр не отключите продление.' : ' Затем доступ заканчивается сам.'}`,
      en: `For ${days} day${days === 1 ? '' : 's'}.${autoExtend ? ' It then extends by 180 days until you or the partner turn extension off.' : ' It then ends by itself.'}`,
    };
  },
  how: {
    ru: 'Нажмите кнопку и войдите в центр администрирования Microsoft 365 как глобальный администратор, проверьте роли и нажмите «Одобрить». Отозвать доступ можно там же в любой момент.',
    en: 'Press the button, sign in to the Microsoft 365 admin center as a Global Administrator, check the roles and approve. You can remove the access there at any time.',
  },
  approve: { ru: 'Открыть и одобрить', en: 'Open and approve' },
  activeUntil: { ru: 'Действует до', en: 'Active until' },
  status: {
    creating: { ru: 'Запрос создаётся', en: 'Being requested' },
    created: { ru: 'Запрос создан', en: 'Requested' },
    approvalPending: { ru: 'Ждёт вашего одобрения', en: 'Waiting for your approval' },
    active: { ru: 'Одобрен, действует', en: 'Approved and active' },
    expired: { ru: 'Срок истёк', en: 'Expired' },
    terminated: { ru: 'Прекращён', en: 'Ended' },
  },
  /** The distributor's board. */
  board: {
    title: { ru: 'Доступ администратора (GDAP)', en: 'Admin access (GDAP)' },
    notRequested: { ru: 'GDAP для этого клиента ещё не запрашивали.', en: 'GDAP has not been requested for this customer yet.' },
    request: { ru: 'Запросить GDAP', en: 'Request GDAP' },
    requestAgain: { ru: 'Запросить GDAP снова', en: 'Request GDAP again' },
    approveDemo: { ru: 'Одобрить (демо)', en: 'Approve (demo)' },
    checkAgain: { ru: 'Проверить снова', en: 'Check again' },
    link: { ru: 'Ссылка для клиента', en: 'Link for the customer' },
    roles: { ru: 'Роли', en: 'Roles' },
    sentToChat: {
      ru: 'Ссылка отправлена администратору клиента в чат с ботом и показана во вкладке.',
      en: 'The link went to the customer admin’s chat with the bot and is shown in their tab.',
    },
    failed: { ru: 'Не получилось', en: 'That did not work' },
  },
  activeNotice: (organization: string, tenantId: string): LocalizedText => ({
    ru: `Клиент ${organization} (${tenantId}) одобрил GDAP: права администратора действуют.`,
    en: `${organization} (${tenantId}) approved GDAP: the admin rights are active.`,
  }),
} as const;

/** 1 день, 2 дня, 5 дней, 21 день, 730 дней. */
function russianDays(days: number): string {
  const lastTwo = days % 100;
  const last = days % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return 'дней';
  if (last === 1) return 'день';
  if (last >= 2 && last <= 4) return 'дня';
  return 'дней';
}
