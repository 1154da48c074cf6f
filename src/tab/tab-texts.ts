import type { LocalizedText } from '../domain/i18n/locale.js';

type Text = LocalizedText;

/**
 * The labels the distributor's instruction quotes from the old invitation
 * page. Today's page in the Microsoft 365 admin center asks the admin to
 * accept the Microsoft Customer Agreement and authorize the partner
 * (learn.microsoft.com/microsoft-365/commerce/manage-partners), so these are
 * shown only as what older pages say. They stay Russian in both locales, as
 * the admin saw them; the English texts around them explain their meaning.
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
    customerAgreement: { ru: 'Соглашение Microsoft', en: 'Microsoft agreement' },
    technicalDomain: { ru: 'Технический домен', en: 'Technical domain' },
    order: { ru: 'Заявка', en: 'Order' },
    orders: { ru: 'Мои заявки', en: 'My orders' },
  },

  customerAgreement: {
    next: { ru: 'Дальше: технический домен', en: 'Next: technical domain' },
  },

  invitation: {
    title: { ru: 'Примите приглашение CSP', en: 'Accept the CSP invitation' },
    intro: (distributorName: string): Text => ({
      ru:
        `${distributorName} приглашает вашу организацию стать клиентом по программе Microsoft Cloud Solution Provider (CSP). ` +
        'Приглашение откроется в центре администрирования Microsoft 365.',
      en:
        `${distributorName} invites your organization to become its customer in the Microsoft Cloud Solution Provider (CSP) program. ` +
        'The invitation opens in the Microsoft 365 admin center.',
    }),
    howToTitle: { ru: 'Что сделать в центре администрирования', en: 'What to do in the admin center' },
    signIn: {
      ru: 'Откройте приглашение и войдите под учётной записью глобального администратора вашей организации в Microsoft 365.',
      en: 'Open the invitation and sign in as a Global Administrator of your organization in Microsoft 365.',
    },
    reviewAgreement: {
      ru: 'На странице указаны партнёр и Клиентское соглашение Microsoft (Microsoft Customer Agreement). Прочитайте соглашение и отметьте, что принимаете его.',
      en: 'The page names the partner and shows the Microsoft Customer Agreement. Read the agreement and tick the box that you accept it.',
    },
    pressAccept: {
      ru: 'Нажмите кнопку, которая принимает соглашение и авторизует партнёра.',
      en: 'Press the button that accepts the agreement and authorizes the partner.',
    },
    olderPage: {
      ru: 'На прежней странице приглашения эти пункты назывались так:',
      en:
        'Older versions of the page showed them in Russian: the box "Yes, I understand the terms of delegated administration ' +
        'and am authorized to accept them on behalf of my organization" and the button "Authorize reseller" read:',
    },
    openInvitation: { ru: 'Открыть приглашение', en: 'Open invitation' },
    linkTarget: (host: string): Text => ({ ru: `Ссылка ведёт на ${host}`, en: `The link goes to ${host}` }),
    revocableTitle: { ru: 'Права можно отозвать', en: 'Access can be removed' },
    gdapTitle: { ru: 'Отдельный шаг: одобрите доступ администратора (GDAP)', en: 'A separate step: approve admin access (GDAP)' },
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

  session: {
    openInTeamsTitle: { ru: 'Откройте приложение в Microsoft Teams', en: 'Open the app in Microsoft Teams' },
    openInTeams: {
      ru:
        'Чтобы проверить данные вашей организации и отправить заявку, войдите через Microsoft Teams: откройте это приложение в Teams. ' +
        'Приглашение на шаге 1 доступно и здесь.',
      en:
        'To check your organization and send the order, sign in through Microsoft Teams: open this app in Teams. ' +
        'The invitation in step 1 works here too.',
    },
    loadingTenant: { ru: 'Загружаем сведения о вашей организации…', en: 'Loading your organization’s details…' },
    checkAgain: { ru: 'Проверить снова', en: 'Check again' },
    checking: { ru: 'Проверяем…', en: 'Checking…' },
    checkFailed: {
      ru: 'Не удалось обновить сведения; ниже — результат предыдущей проверки.',
      en: 'Could not refresh the details; the previous result is shown below.',
    },
    newWindow: { ru: '(откроется в новом окне)', en: '(opens in a new window)' },
  },

  apiError: {
    signInTitle: { ru: 'Не удалось войти через Teams', en: 'Could not sign you in through Teams' },
    signIn: {
      ru: 'Teams не выдал приложению данные для входа. Повторите попытку; если ошибка не исчезнет, перезапустите Teams.',
      en: 'Teams did not give the app your sign-in. Try again; if the error persists, restart Teams.',
    },
    unauthorizedTitle: { ru: 'Вход не подтверждён', en: 'Sign-in not accepted' },
    unauthorized: {
      ru: 'Сервер приложения не принял вход через Teams. Повторите попытку; если ошибка не исчезнет, выйдите из Teams и войдите снова.',
      en: 'The app server did not accept your Teams sign-in. Try again; if the error persists, sign out of Teams and back in.',
    },
    consentTitle: { ru: 'Нужно согласие администратора', en: 'Admin consent needed' },
    consent: {
      ru: 'Администратор вашей организации должен один раз разрешить приложению читать сведения об организации (согласие администратора).',
      en: 'An administrator of your organization has to allow the app, once, to read your organization’s details (admin consent).',
    },
    consentNoLink: {
      ru: 'Ссылку для предоставления согласия можно получить у дистрибьютора.',
      en: 'Ask the distributor for the consent link.',
    },
    grantConsent: { ru: 'Предоставить согласие', en: 'Grant consent' },
    adminConsentExplained: {
      ru: 'Если в вашей организации согласие может дать только администратор, отправьте ему эту ссылку.',
      en: 'If only an administrator may consent in your organization, send them this link.',
    },
    signInWindow: { ru: 'Войти через Microsoft', en: 'Sign in with Microsoft' },
    consentWindow: { ru: 'Войти и дать согласие', en: 'Sign in and consent' },
    windowOpen: { ru: 'Завершите вход в открывшемся окне…', en: 'Finish signing in in the window that opened…' },
    windowAdminConsent: {
      ru: 'Дать согласие может только администратор вашей организации: отправьте ему ссылку ниже, а затем нажмите «Повторить».',
      en: 'Only an administrator of your organization can consent: send them the link below, then press "Try again".',
    },
    windowCancelled: { ru: 'Вход отменён.', en: 'Sign-in was cancelled.' },
    windowFailed: {
      ru: 'Войти не удалось. Повторите попытку; если ошибка не исчезнет, сообщите дистрибьютору.',
      en: 'Sign-in failed. Try again; if the error persists, tell the distributor.',
    },
    interactionTitle: { ru: 'Войдите ещё раз', en: 'Sign in again' },
    interaction: {
      ru: 'Microsoft Entra ID просит подтвердить вход, например пройти многофакторную проверку.',
      en: 'Microsoft Entra ID asks you to confirm your sign-in, for example with multi-factor authentication.',
    },
    signInAgain: { ru: 'Войти снова', en: 'Sign in again' },
    unavailableTitle: { ru: 'Сервис временно недоступен', en: 'The service is temporarily unavailable' },
    unavailable: {
      ru: 'Сервер приложения или Microsoft сейчас не отвечают. Повторите попытку через минуту.',
      en: 'The app server or Microsoft does not answer right now. Try again in a minute.',
    },
    networkTitle: { ru: 'Нет связи с сервером', en: 'No connection to the server' },
    network: {
      ru: 'Проверьте подключение к интернету и повторите попытку.',
      en: 'Check your internet connection and try again.',
    },
    httpTitle: { ru: 'Сервер ответил ошибкой', en: 'The server answered with an error' },
    http: {
      ru: 'Повторите попытку чуть позже; если ошибка не исчезнет, сообщите дистрибьютору.',
      en: 'Try again a little later; if the error persists, tell the distributor.',
    },
    invalidResponseTitle: { ru: 'Неожиданный ответ сервера', en: 'Unexpected answer from the server' },
    invalidResponse: {
      ru: 'Сервер прислал данные в неожиданном формате. Сообщите об этом дистрибьютору.',
      en: 'The server sent data in an unexpected format. Please tell the distributor.',
    },
    details: { ru: 'Подробности для поддержки', en: 'Details for support' },
    retry: { ru: 'Повторить', en: 'Try again' },
  },

  adminNotice: {
    title: { ru: 'Нужны права администратора', en: 'An administrator is needed' },
    actions: {
      acceptInvitation: { ru: 'принять приглашение CSP', en: 'accept the CSP invitation' },
      grantConsent: { ru: 'предоставить приложению согласие администратора', en: 'grant the app admin consent' },
      checkRelationship: {
        ru: 'проверить признаки связи с дистрибьютором в вашей организации',
        en: 'check your organization for signs of the relationship',
      },
      setDefaultDomain: { ru: 'изменить домен по умолчанию', en: 'change the default domain' },
    },
    missing: (action: Text, roles: string): Text => ({
      ru: `Чтобы ${action.ru}, нужна одна из ролей: ${roles}. У вашей учётной записи такой роли нет — попросите сделать это администратора с одной из этих ролей.`,
      en: `To ${action.en} you need one of these roles: ${roles}. Your account has none of them; ask an administrator who has one.`,
    }),
    unknown: (action: Text, roles: string): Text => ({
      ru: `Чтобы ${action.ru}, нужна одна из ролей: ${roles}.`,
      en: `To ${action.en} you need one of these roles: ${roles}.`,
    }),
  },

  confirmation: {
    title: { ru: 'Подтверждение связи с дистрибьютором', en: 'Confirming the relationship with the distributor' },
    intro: {
      ru:
        'Здесь видно, что известно о том, принято ли приглашение CSP. Подтвердить связь может только дистрибьютор; ' +
        'в вашей организации мы ищем её признаки.',
      en:
        'This shows what is known about whether the CSP invitation was accepted. Only the distributor can confirm the relationship; ' +
        'in your organization we look for signs of it.',
    },
    levels: {
      confirmed: {
        title: { ru: 'Подтверждено дистрибьютором', en: 'Confirmed by the distributor' },
        text: {
          ru: 'Дистрибьютор видит вашу организацию среди своих клиентов: приглашение принято.',
          en: 'The distributor sees your organization among its customers: the invitation is accepted.',
        },
      },
      detected: {
        title: { ru: 'Найдены признаки связи', en: 'Signs of the relationship found' },
        text: {
          ru: 'В вашей организации есть признаки того, что приглашение принято. Окончательно связь подтвердит дистрибьютор.',
          en: 'Your organization shows signs that the invitation was accepted. The distributor will confirm the relationship.',
        },
      },
      declared: {
        title: { ru: 'Известно только с ваших слов', en: 'Declared by you only' },
        text: {
          ru: 'Вы указали в заявке, что приняли приглашение. Других подтверждений пока нет.',
          en: 'You stated in an order that you accepted the invitation. There is no other evidence yet.',
        },
      },
      notFound: {
        title: { ru: 'Связь не найдена', en: 'No relationship found' },
        text: {
          ru: 'Признаков того, что приглашение принято, не найдено. Примите приглашение на шаге 1 и нажмите «Проверить снова».',
          en: 'No sign that the invitation was accepted. Accept it in step 1, then press "Check again".',
        },
      },
    },
    backToInvitation: { ru: 'Вернуться к приглашению', en: 'Back to the invitation' },
    evidenceTitle: { ru: 'Что проверено', en: 'What was checked' },
    levelLabels: {
      confirmed: { ru: 'Подтверждение', en: 'Confirmation' },
      detected: { ru: 'Признак', en: 'Sign' },
      declared: { ru: 'С ваших слов', en: 'Your answer' },
    },
    /** One line per badge: what it means for the customer. */
    levelMeanings: {
      confirmed: {
        ru: 'Подтверждение — дистрибьютор видит вашу организацию среди своих клиентов.',
        en: 'Confirmation: the distributor sees your organization among its customers.',
      },
      detected: {
        ru: 'Признак — в Microsoft 365 вашей организации есть след принятого приглашения.',
        en: 'Sign: your organization’s Microsoft 365 shows a trace of the accepted invitation.',
      },
      declared: {
        ru: 'С ваших слов — вы ответили в заявке, что приглашение принято; проверить это нечем.',
        en: 'Your answer: you said in an order that the invitation is accepted; nothing else shows it.',
      },
    },
    sources: {
      partnerContract: {
        ru: 'Ваша организация в списке клиентов дистрибьютора',
        en: "Your organization in the distributor's customer list",
      },
      partnerGdapRelationship: {
        ru: 'Действующие права делегированного администратора (GDAP) у дистрибьютора',
        en: 'An active granular delegated admin (GDAP) relationship on the distributor’s side',
      },
      auditLog: {
        ru: 'Запись «Add partner to company» в журнале аудита',
        en: '"Add partner to company" in the directory audit log',
      },
      crossTenantPartner: {
        ru: 'Дистрибьютор как поставщик услуг в параметрах межклиентского доступа',
        en: 'The distributor as a service provider in the cross-tenant access settings',
      },
      gdapServicePrincipals: {
        ru: 'Служебные приложения GDAP в вашей организации',
        en: 'The GDAP service apps in your organization',
      },
      partnerSubscription: { ru: 'Подписка, оформленная дистрибьютором', en: 'A subscription created by the distributor' },
      declared: { ru: 'Ваш ответ в заявке «Приглашение принято»', en: 'Your answer "Invitation accepted" in an order' },
    },
    origins: {
      partner: { ru: 'Источник: данные дистрибьютора', en: 'Source: the distributor’s records' },
      customer: { ru: 'Источник: Microsoft 365 вашей организации', en: 'Source: your organization’s Microsoft 365' },
      declared: { ru: 'Источник: ваша заявка', en: 'Source: your order' },
    },
    found: { ru: 'Найдено', en: 'Found' },
    notFound: { ru: 'Не найдено', en: 'Not found' },
    needsConsent: { ru: 'Нужно согласие администратора', en: 'Admin consent needed' },
    needsRole: { ru: 'Недостаточно прав', en: 'Not enough rights' },
    unavailable: { ru: 'Недоступно', en: 'Unavailable' },
    observedAt: (date: string): Text => ({ ru: `Дата: ${date}`, en: `Date: ${date}` }),
    anyPartner: {
      ru: 'Говорит о связи с каким-либо партнёром, не обязательно с этим дистрибьютором.',
      en: 'Shows a relationship with some partner, not necessarily this distributor.',
    },
    permissions: (list: string): Text => ({ ru: `Разрешения: ${list}.`, en: `Permissions: ${list}.` }),
    rolesNeeded: (roles: string): Text => ({
      ru: `Нужна одна из ролей: ${roles}.`,
      en: `One of these roles is needed: ${roles}.`,
    }),
    reasons: {
      throttled: {
        ru: 'Microsoft временно ограничил число запросов. Проверьте снова чуть позже.',
        en: 'Microsoft is throttling requests for now. Check again a little later.',
      },
      serviceError: { ru: 'Microsoft не ответил. Проверьте снова чуть позже.', en: 'Microsoft did not answer. Check again a little later.' },
      notConfigured: {
        ru: 'Дистрибьютор эту проверку не использует; на вашу заявку это не влияет.',
        en: 'The distributor does not use this check; it does not affect your order.',
      },
      licenseRequired: {
        ru: 'Лицензия вашей организации не включает эти данные (например, журнал аудита требует Microsoft Entra ID P1).',
        en: 'Your organization’s licence does not include this data (the audit log, for example, needs Microsoft Entra ID P1).',
      },
      accessDenied: { ru: 'Доступ к этим данным запрещён.', en: 'Access to this data is denied.' },
    },
  },

  technicalDomain: {
    title: { ru: 'Технический домен', en: 'Technical domain' },
    intro: {
      ru:
        'Технический домен — исходный домен вашей организации вида xxxx.onmicrosoft.com. Он указывается в заявке; ' +
        'дистрибьютор просит, чтобы он был назначен доменом по умолчанию.',
      en:
        'The technical domain is your organization’s initial domain, like xxxx.onmicrosoft.com. The order names it, ' +
        'and the distributor asks for it to be the default domain.',
    },
    whyTitle: { ru: 'Зачем он нужен', en: 'Why it matters' },
    why: {
      ru:
        'Если вы переходите с пробной версии, лицензии должны оказаться в той же организации Microsoft 365, что и пробная подписка, — ' +
        'тогда почта, файлы и настройки сохранятся. По техническому домену дистрибьютор находит именно вашу организацию.',
      en:
        'If you convert a trial, the licenses must land in the same Microsoft 365 organization (tenant) as the trial, ' +
        'so your mail, files and settings stay. The technical domain tells the distributor which organization that is.',
    },
    yourDomain: { ru: 'Ваш технический домен', en: 'Your technical domain' },
    isDefaultTitle: { ru: 'Это домен по умолчанию', en: 'It is the default domain' },
    isDefault: { ru: 'Ничего менять не нужно.', en: 'Nothing needs to change.' },
    notDefaultTitle: { ru: 'Технический домен не назначен доменом по умолчанию', en: 'The technical domain is not the default domain' },
    notDefault: (defaultDomain: string | null): Text =>
      defaultDomain === null
        ? { ru: 'Домен по умолчанию не определён.', en: 'No default domain is set.' }
        : { ru: `Сейчас домен по умолчанию — ${defaultDomain}.`, en: `The default domain now is ${defaultDomain}.` },
    howToTitle: { ru: 'Как назначить домен по умолчанию', en: 'How to make it the default domain' },
    howTo: (technicalDomain: string): readonly Text[] => [
      { ru: 'Откройте центр администрирования Microsoft 365.', en: 'Open the Microsoft 365 admin center.' },
      { ru: 'Перейдите в раздел «Параметры» → «Домены».', en: 'Go to Settings → Domains.' },
      { ru: `Выберите домен ${technicalDomain}.`, en: `Select the domain ${technicalDomain}.` },
      { ru: 'Нажмите «Установить по умолчанию».', en: 'Press "Set as default".' },
    ],
    openDomains: { ru: 'Открыть «Домены» в центре администрирования', en: 'Open Domains in the admin center' },
    unknownTitle: { ru: 'Не удалось узнать домены организации', en: 'Could not read your organization’s domains' },
    findYourself: {
      ru: 'Технический домен можно найти самостоятельно: центр администрирования Microsoft 365 → «Параметры» → «Домены». Укажите его в заявке.',
      en: 'You can find the technical domain yourself: Microsoft 365 admin center → Settings → Domains. Enter it in the order.',
    },
    noTechnical: {
      ru: 'Среди доменов организации нет домена вида xxxx.onmicrosoft.com.',
      en: 'None of your organization’s domains looks like xxxx.onmicrosoft.com.',
    },
    allDomains: { ru: 'Все подтверждённые домены', en: 'All verified domains' },
    defaultBadge: { ru: 'по умолчанию', en: 'default' },
    technicalBadge: { ru: 'технический', en: 'technical' },
  },

  order: {
    title: { ru: 'Заявка на подписки Microsoft 365', en: 'Microsoft 365 subscription order' },
    intro: {
      ru: 'Все поля обязательны. Часть полей заполнена по данным вашей организации в Microsoft 365 — проверьте их.',
      en: 'Every field is required. Some are filled in from your organization’s Microsoft 365 data; please check them.',
    },
    noPrefill: {
      ru: 'Сведения об организации не загрузились, поэтому форму нужно заполнить вручную.',
      en: 'Your organization’s details did not load, so please fill in the form yourself.',
    },
    invitationAndDomain: { ru: 'Приглашение и технический домен', en: 'Invitation and technical domain' },
    invitationNotYetTitle: { ru: 'Сначала примите приглашение', en: 'Accept the invitation first' },
    invitationNotYet: {
      ru: 'Заявку можно отправить, когда приглашение принято. Откройте его, войдите как администратор и подтвердите согласие (подробно — на шаге 1). Затем отметьте «Да, приглашение принято» и отправьте заявку: всё, что вы ввели, сохранится.',
      en: 'The order can be sent once the invitation is accepted. Open it, sign in as an administrator and give your consent (step 1 has the details). Then tick "Yes, it is accepted" and send the order: everything you entered is kept.',
    },
    fromStep3: { ru: 'Найден автоматически; подробнее — на шаге 3.', en: 'Found automatically; see step 3 for details.' },
    innHint: {
      ru: '10 цифр для организации, 12 — для индивидуального предпринимателя.',
      en: '10 digits for a legal entity, 12 for an individual entrepreneur.',
    },
    dateHint: { ru: 'Не раньше сегодняшнего дня и не позже чем через год.', en: 'From today to one year ahead.' },
    emailHint: { ru: 'На этот адрес придут сведения о заявке.', en: 'Order updates go to this address.' },
    linesHint: {
      ru: 'Отметьте нужные подписки и укажите количество лицензий для каждой — от 1 до 100 000. Неотмеченная подписка не заказывается.',
      en: 'Tick the subscriptions you need and enter the number of licenses for each, from 1 to 100,000. A subscription left unticked is not ordered.',
    },
    filterLabel: { ru: 'Найти подписку', en: 'Find a subscription' },
    filterPlaceholder: { ru: 'Например, Business Premium или E3', en: 'For example, Business Premium or E3' },
    filterNothing: (filter: string): Text => ({
      ru: `Подписок по запросу «${filter}» нет. Измените запрос или очистите поле.`,
      en: `No subscriptions match "${filter}". Change the search or clear the field.`,
    }),
    quantity: { ru: 'от 1 до 100 000', en: '1 to 100,000' },
    quantityFor: (product: string): Text => ({ ru: `Количество лицензий: ${product}`, en: `Number of licenses: ${product}` }),
    whichTrial: { ru: 'Какую пробную подписку перевести на платную?', en: 'Which trial to convert to paid?' },
    trialOption: (product: string, licenses: Text, until: string | null): Text => ({
      ru: `${product}, ${licenses.ru}${until === null ? '' : `, пробный период до ${until}`}`,
      en: `${product}, ${licenses.en}${until === null ? '' : `, trial until ${until}`}`,
    }),
    trialNotOffered: {
      ru: 'Этой подписки нет в каталоге дистрибьютора: выберите подходящую подписку в списке ниже.',
      en: "This subscription is not in the distributor's catalog: choose a suitable one in the list below.",
    },
    noTrialsFound: {
      ru: 'Пробных подписок в вашей организации не найдено. Укажите нужную подписку в списке ниже.',
      en: 'No trial subscriptions were found in your organization. Choose the subscription in the list below.',
    },
    submit: { ru: 'Отправить заявку', en: 'Send order' },
    submitting: { ru: 'Отправляем заявку…', en: 'Sending the order…' },
    fixErrors: {
      ru: 'Исправьте ошибки в отмеченных полях и отправьте заявку ещё раз.',
      en: 'Correct the marked fields and send the order again.',
    },
    submitFailedTitle: { ru: 'Заявка не отправлена', en: 'The order was not sent' },
    resend: { ru: 'Отправить ещё раз', en: 'Send again' },
    resendSafe: {
      ru: 'Повторная отправка не создаст вторую заявку.',
      en: 'Sending again never creates a second order.',
    },
    successTitle: (orderId: string): Text => ({ ru: `Заявка ${orderId} отправлена`, en: `Order ${orderId} sent` }),
    alreadyReceivedTitle: (orderId: string): Text => ({ ru: `Заявка ${orderId} уже получена`, en: `Order ${orderId} already received` }),
    alreadyReceived: {
      ru: 'Эта заявка была отправлена раньше; повторно она не создана.',
      en: 'This order was sent before; no second order was created.',
    },
    success: (distributorName: string): Text => ({
      ru: `${distributorName} получит заявку и сообщит о её статусе. Следить за статусом можно на шаге «Мои заявки».`,
      en: `${distributorName} will receive the order and report its status. You can follow it in the "My orders" step.`,
    }),
    statusLabel: { ru: 'Статус', en: 'Status' },
    toOrders: { ru: 'Перейти к моим заявкам', en: 'Go to my orders' },
    anotherOrder: { ru: 'Оформить ещё одну заявку', en: 'Create another order' },
  },

  orders: {
    title: { ru: 'Мои заявки', en: 'My orders' },
    intro: { ru: 'Заявки вашей организации, их статус и история.', en: 'Your organization’s orders, their status and history.' },
    refresh: { ru: 'Обновить', en: 'Refresh' },
    empty: { ru: 'Заявок пока нет.', en: 'No orders yet.' },
    createOrder: { ru: 'Оформить заявку', en: 'Create an order' },
    orderTitle: (orderId: string): Text => ({ ru: `Заявка ${orderId}`, en: `Order ${orderId}` }),
    justSent: { ru: 'Только что отправлена', en: 'Just sent' },
    received: (date: string): Text => ({ ru: `Получена ${date}`, en: `Received ${date}` }),
    historyTitle: { ru: 'История статусов', en: 'Status history' },
    by: (name: string): Text => ({ ru: `Кто: ${name}`, en: `By: ${name}` }),
    revision: (revision: number): Text => ({ ru: `Редакция ${revision}`, en: `Revision ${revision}` }),
    comment: (comment: string): Text => ({ ru: `Комментарий: ${comment}`, en: `Comment: ${comment}` }),
    changesRequested: {
      ru: 'Дистрибьютор просит исправить заявку. Откройте чат с приложением и нажмите «Исправить заявку» на карточке заявки.',
      en: 'The distributor asks for changes. Open the chat with the app and press "Revise order" on the order card.',
    },
    changesRequestedOutsideTeams: {
      ru: 'Дистрибьютор просит исправить заявку. Откройте приложение в Microsoft Teams, перейдите в чат с ним и нажмите «Исправить заявку» на карточке заявки.',
      en: 'The distributor asks for changes. Open the app in Microsoft Teams, go to its chat and press "Revise order" on the order card.',
    },
    deliveryTitle: { ru: 'Передача дистрибьютору', en: 'Delivery to the distributor' },
    noDeliveries: {
      ru: 'Заявка сохранена и будет передана дистрибьютору автоматически.',
      en: 'The order is saved and will reach the distributor automatically.',
    },
    channels: {
      teams: { ru: 'Канал Teams дистрибьютора', en: 'Distributor’s Teams channel' },
      webhook: { ru: 'Оповещение дистрибьютору в Teams', en: 'Notice to the distributor in Teams' },
      email: { ru: 'Письмо дистрибьютору', en: 'E-mail to the distributor' },
    },
    deliveryStates: {
      pending: { ru: 'Ожидает отправки', en: 'Waiting to be sent' },
      delivering: { ru: 'Отправляется', en: 'Being sent' },
      delivered: { ru: 'Доставлено', en: 'Delivered' },
      failed: { ru: 'Не доставлено', en: 'Not delivered' },
      superseded: { ru: 'Заменено новой редакцией', en: 'Replaced by a newer revision' },
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
