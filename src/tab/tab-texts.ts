import type { LocalizedText } from '../domain/i18n/locale.js';

type Text = LocalizedText;

/**
 * The Microsoft 365 admin center's own labels, verbatim from the distributor's
 * instruction. They are quoted as the admin sees them on screen, so they stay
 * Russian in both locales; the English texts around them explain their meaning.
 */
export const adminCenterLabels = {
  consent: 'Да, я понимаю условия делегированного администрирования и имею право принимать их от имени своей организации',
  authorize: 'Авторизация торгового посредника',
} as const;

export const tabTexts = {
  appTitle: { ru: 'Подключение к Microsoft CSP', en: 'Microsoft CSP onboarding' },
  distributorLabel: { ru: 'Дистрибьютор', en: 'Distributor' },
  demoBadge: { ru: 'Демо-режим', en: 'Demo mode' },
  loading: { ru: 'Загрузка…', en: 'Loading…' },

  stepsNavLabel: { ru: 'Шаги подключения', en: 'Onboarding steps' },
  stepOf: (step: number, total: number): Text => ({ ru: `Шаг ${step} из ${total}`, en: `Step ${step} of ${total}` }),
  steps: {
    invitation: { ru: 'Приглашение', en: 'Invitation' },
    confirmation: { ru: 'Подтверждение', en: 'Confirmation' },
    technicalDomain: { ru: 'Технический домен', en: 'Technical domain' },
    order: { ru: 'Заявка', en: 'Order' },
    orders: { ru: 'Мои заявки', en: 'My orders' },
  },

  invitation: {
    title: { ru: 'Примите приглашение CSP', en: 'Accept the CSP invitation' },
    intro: (distributorName: string): Text => ({
      ru:
        `${distributorName} приглашает вашу организацию стать клиентом по программе Microsoft Cloud Solution Provider (CSP). ` +
        'Ссылка-приглашение откроет центр администрирования Microsoft 365. Приняв приглашение, вы разрешите партнёру ' +
        'оформлять подписки Microsoft для вашей организации и предоставите ему права делегированного администратора.',
      en:
        `${distributorName} invites your organization to become its customer in the Microsoft Cloud Solution Provider (CSP) program. ` +
        'The invitation link opens the Microsoft 365 admin center. By accepting the invitation you let the partner ' +
        'order Microsoft subscriptions for your organization and give it delegated admin access.',
    }),
    howToTitle: { ru: 'Что сделать в центре администрирования', en: 'What to do in the admin center' },
    signIn: {
      ru: 'Откройте приглашение и войдите под учётной записью администратора вашей текущей подписки Microsoft 365.',
      en: 'Open the invitation and sign in as an administrator of your current Microsoft 365 subscription.',
    },
    tickConsent: {
      ru: 'Поставьте отметку:',
      en: 'Tick the box confirming that you understand the terms of delegated administration and may accept them for your organization. In the Russian admin center it reads:',
    },
    pressAuthorize: {
      ru: 'Нажмите кнопку:',
      en: 'Press the button that authorizes the reseller. In the Russian admin center it reads:',
    },
    openInvitation: { ru: 'Открыть приглашение', en: 'Open invitation' },
    linkTarget: (host: string): Text => ({ ru: `Ссылка ведёт на ${host}`, en: `The link goes to ${host}` }),
    newWindow: { ru: '(откроется в новом окне)', en: '(opens in a new window)' },
    revocableTitle: { ru: 'Доступ можно отозвать', en: 'Access can be removed' },
    revocable: {
      ru: 'Права делегированного администратора можно отозвать в любой момент позже — подписка при этом продолжит работать.',
      en: 'You can remove the delegated admin access at any time later; the subscription stays active.',
    },
  },

  catalog: {
    title: { ru: 'Подписки в каталоге', en: 'Subscriptions on offer' },
    intro: (distributorName: string): Text => ({
      ru: `Подписки Microsoft, которые можно заказать у ${distributorName}. Нужные подписки и количество лицензий вы укажете в заявке.`,
      en: `Microsoft subscriptions you can order from ${distributorName}. You will choose the ones you need and the number of licenses in the order.`,
    }),
    empty: {
      ru: 'Каталог подписок пока пуст. Уточните у дистрибьютора, какие подписки доступны.',
      en: 'The catalog is empty for now. Ask the distributor which subscriptions are available.',
    },
  },

  configError: {
    title: { ru: 'Не удалось загрузить настройки приложения', en: 'Could not load the app settings' },
    network: {
      ru: 'Сервер приложения не отвечает. Проверьте подключение к интернету и повторите попытку.',
      en: 'The app server does not respond. Check your internet connection and try again.',
    },
    http: {
      ru: 'Сервер приложения ответил ошибкой. Повторите попытку чуть позже; если ошибка не исчезнет, сообщите дистрибьютору.',
      en: 'The app server answered with an error. Try again a little later; if the error persists, tell the distributor.',
    },
    invalid: {
      ru: 'Сервер прислал настройки в неожиданном формате. Сообщите об этом дистрибьютору.',
      en: 'The server sent the settings in an unexpected format. Please tell the distributor.',
    },
    details: { ru: 'Подробности для поддержки', en: 'Details for support' },
    retry: { ru: 'Повторить', en: 'Try again' },
  },
} as const;
