import { describe, expect, it } from 'vitest';
import { renderOrderEmail } from '../../../src/domain/email/order-email.js';
import { catalog } from '../cards/card-fixtures.js';
import type { FieldChange, StatusChange } from '../../../src/domain/order/order.js';
import { storedOrder } from '../../support/order-fixtures.js';

describe('renderOrderEmail', () => {
  it('names the order, the organization and its INN in the subject', () => {
    expect(renderOrderEmail({ timeZone: 'Europe/Moscow', locale: 'ru', order: storedOrder(), catalog }).subject).toBe(
      'Заявка CSP-7K2M9Q: ООО «Ромашка», ИНН 0012345673 — 25 × Microsoft 365 Business Premium +1',
    );
    expect(renderOrderEmail({ timeZone: 'Europe/Moscow', locale: 'en', order: storedOrder(), catalog }).subject).toBe(
      'Order CSP-7K2M9Q: ООО «Ромашка», INN 0012345673 — 25 × Microsoft 365 Business Premium +1',
    );
  });

  it('marks a resubmitted order as a revision in the subject and the introduction', () => {
    const email = renderOrderEmail({ timeZone: 'Europe/Moscow', locale: 'ru', order: storedOrder({ revision: 3 }), catalog });
    expect(email.subject).toBe('Заявка CSP-7K2M9Q: ООО «Ромашка», ИНН 0012345673 — 25 × Microsoft 365 Business Premium +1 · редакция 3');
    expect(email.text).toContain('Клиент отправил исправленную заявку (редакция 3).');
  });

  it('names up to two changes in the subject and counts the rest, or says the revision changed nothing', () => {
    const history = (changes: readonly FieldChange[]): StatusChange[] => [
      { status: 'submitted', at: '2026-05-01T09:15:00.000Z', revision: 1 },
      { status: 'submitted', at: '2026-05-02T09:15:00.000Z', revision: 2, changes },
    ];
    const subject = (changes: readonly FieldChange[], locale: 'ru' | 'en' = 'ru') =>
      renderOrderEmail({ timeZone: 'UTC', locale, order: storedOrder({ revision: 2, history: history(changes) }), catalog }).subject;
    const changes: FieldChange[] = [
      { field: 'inn', before: '0012345673', after: '7707083893' },
      { field: 'line', sku: 'SPB', product: 'Microsoft 365 Business Premium', before: '25', after: '30' },
      { field: 'contactFullName', before: 'Иванов Иван', after: 'Петрова Анна' },
    ];
    expect(subject(changes)).toMatch(/ · редакция 2 · изменено: ИНН: 0012345673 → 7707083893; Microsoft 365 Business Premium: 25 → 30 лицензий; \+1$/);
    expect(subject(changes, 'en')).toMatch(/ · revision 2 · changed: INN: 0012345673 → 7707083893; Microsoft 365 Business Premium: 25 → 30 licenses; \+1$/);
    expect(subject([])).toMatch(/ · редакция 2 · без изменений$/);
    const body = renderOrderEmail({ timeZone: 'UTC', locale: 'ru', order: storedOrder({ revision: 2, history: history([]) }), catalog }).text;
    expect(body).toContain('Клиент отправил заявку без изменений.');
  });

  it("gives times in the distributor's zone, the zone named, and the evidence level at submission", () => {
    const order = storedOrder({ evidenceAtSubmission: 'confirmed' });
    const { text } = renderOrderEmail({ timeZone: 'Asia/Yekaterinburg', locale: 'ru', order, catalog });
    expect(text).toContain('Получена: 01.05.2026 14:15 (Asia/Yekaterinburg)');
    expect(text).toContain('Связь с партнёром при отправке: Подтверждена со стороны партнёра');
    expect(text).toContain(`ID клиента в Microsoft Entra (tenant ID): ${order.tenantId}`);
  });

  it('answers the ten items of the order form in their order', () => {
    const { text } = renderOrderEmail({ timeZone: 'Europe/Moscow', locale: 'ru', order: storedOrder(), catalog });
    const expectedLines = [
      '1. Приглашение CSP принято: Да',
      '2. Технический домен: romashka.onmicrosoft.com',
      '3–4. Подписки и количество лицензий:',
      '   • Microsoft 365 Business Premium (SPB) — 25 лицензий',
      '   • Office 365 E3 (ENTERPRISEPACK) — 1 лицензия',
      '5. Дата активации: 01.12.2026',
      '6. Организация: ООО «Ромашка»',
      '7. ИНН: 0012345673',
      '8. Адрес: 101000, Москва, ул. Мясницкая, д. 1',
      '9. Контактное лицо:',
      '   Иванов Иван Иванович',
      '   Телефон: +7 495 123 45 67',
      '   Эл. почта: it@romashka.ru',
      '10. Новая подписка или переход с пробной версии: Новая подписка',
    ];
    const lines = text.split('\n');
    const start = lines.indexOf(expectedLines[0] ?? '');
    expect(lines.slice(start, start + expectedLines.length)).toEqual(expectedLines);
  });

  it('says when the invitation is not accepted and when a trial is converted', () => {
    const { text } = renderOrderEmail({
      timeZone: 'Europe/Moscow',
      locale: 'en',
      order: storedOrder({ invitationAccepted: false, subscriptionKind: 'trialConversion' }),
      catalog,
    });
    expect(text).toContain('1. CSP invitation accepted: No');
    expect(text).toContain('10. New subscription or trial conversion: Conversion from a trial');
  });

  it('names the trial the customer picked to convert, with its licenses and end date', () => {
    const order = storedOrder({ subscriptionKind: 'trialConversion', trial: { sku: 'SPB', licenses: 25, endsOn: '2026-12-13' } });
    expect(renderOrderEmail({ timeZone: 'Europe/Moscow', locale: 'ru', order, catalog }).text).toContain(
      'Пробная подписка: Microsoft 365 Business Premium (SPB), 25 лицензий, действует до 13.12.2026',
    );
    expect(renderOrderEmail({ timeZone: 'Europe/Moscow', locale: 'en', order, catalog }).text).toContain('Trial to convert: Microsoft 365 Business Premium (SPB), 25 licenses, ends 13 December 2026');
  });

  it('shows a SKU missing from the catalog by its part number', () => {
    const { text } = renderOrderEmail({
      timeZone: 'Europe/Moscow',
      locale: 'en',
      order: storedOrder({ lines: [{ sku: 'RETIRED_SKU', quantity: 2 }] }),
      catalog,
    });
    expect(text).toContain('   • RETIRED_SKU — 2 licenses');
  });

  it('includes the history with comments', () => {
    const { text, html } = renderOrderEmail({ timeZone: 'Europe/Moscow', locale: 'ru', order: storedOrder({ status: 'changesRequested' }), catalog });
    expect(text).toContain('Комментарий: Уточните количество лицензий E3.');
    expect(html).toContain('Комментарий: Уточните количество лицензий E3.');
  });

  it('escapes user text in the HTML and keeps it verbatim in the plain text', () => {
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const order = storedOrder({
      organization: {
        ...storedOrder().organization,
        name: hostile,
        address: { postalCode: '101000', city: '<b>Москва</b>', street: "O'Brien \"street\"" },
      },
      contact: { ...storedOrder().contact, fullName: '<i>Иванов</i>' },
      history: [{ status: 'submitted', at: '2026-05-01T09:15:00.000Z', by: '<u>x</u>', comment: '</li><li>fake', revision: 1 }],
    });
    const { html, text } = renderOrderEmail({ timeZone: 'Europe/Moscow', locale: 'ru', order, catalog });

    expect(html).not.toMatch(/<script|<img|<b>|<i>|<u>|<\/li><li>fake/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('O&#39;Brien &quot;street&quot;');
    expect(html).toContain(`<title>Заявка CSP-7K2M9Q: &lt;script&gt;`);
    expect(text).toContain(`6. Организация: ${hostile}`);
  });

  it('attaches the stored order as JSON that reads back to the same order', () => {
    const order = storedOrder({ revision: 2 });
    const { attachment } = renderOrderEmail({ timeZone: 'Europe/Moscow', locale: 'ru', order, catalog });
    expect(attachment.filename).toBe('CSP-7K2M9Q-r2.json');
    expect(attachment.contentType).toBe('application/json');
    expect(JSON.parse(attachment.content)).toEqual(order);
  });
});
