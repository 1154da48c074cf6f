import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PermanentDeliveryError } from '../../../bot/delivery/delivery-channel.js';
import { createEmailChannel } from '../../../bot/delivery/email-channel.js';
import type { EmailChannelOptions } from '../../../bot/delivery/email-channel.js';
import { ConfigurationError } from '../../../src/domain/configuration-error.js';
import { startSmtpStandIn } from '../../support/smtp-stand-in.js';
import type { ReceivedMessage, SmtpStandIn } from '../../support/smtp-stand-in.js';
import { catalog, largestOrder, longNamesCatalog } from './delivery-fixtures.js';
import { resubmittedOrder, storedOrder } from '../../support/order-fixtures.js';
import { startHungSmtpReceiver } from './hung-receivers.js';

/** What the outbox passes while an attempt still has time. */
const notAborted = new AbortController().signal;

const INBOX = 'orders@distributor.example';

let smtp: SmtpStandIn;

beforeEach(async () => {
  smtp = await startSmtpStandIn();
});

afterEach(async () => {
  await smtp.close();
});

function options(overrides: Partial<EmailChannelOptions> = {}): EmailChannelOptions {
  return {
    host: smtp.host,
    port: smtp.port,
    secure: false,
    from: 'Заявки CSP <csp-bot@distributor.example>',
    to: [INBOX],
    locale: 'ru',
    catalog,
    timeZone: 'Europe/Moscow',
    timeoutMs: 10_000,
    ...overrides,
  };
}

function onlyMessage(): ReceivedMessage {
  expect(smtp.messages).toHaveLength(1);
  const [message] = smtp.messages;
  if (!message) throw new Error('no message received');
  return message;
}

async function receivedMail(): Promise<ParsedMail> {
  return simpleParser(onlyMessage().raw);
}

describe('email channel: the message', () => {
  it('arrives with the subject, the envelope and a Message-ID derived from the order revision', async () => {
    const order = storedOrder();
    await createEmailChannel(options({ to: [INBOX, 'sales@distributor.example'] })).deliver(order, notAborted);

    const message = onlyMessage();
    expect(message.mailFrom).toBe('csp-bot@distributor.example');
    expect(message.rcptTo).toEqual([INBOX, 'sales@distributor.example']);
    const mail = await receivedMail();
    expect(mail.subject).toBe('Заявка CSP-7K2M9Q: ООО «Ромашка», ИНН 0012345673 — 25 × Microsoft 365 Business Premium +1');
    expect(mail.from?.value).toEqual([{ name: 'Заявки CSP', address: 'csp-bot@distributor.example' }]);
    expect(mail.messageId).toBe(`<CSP-7K2M9Q.r1.${order.tenantId}@distributor.example>`);
    expect(mail.inReplyTo).toBeUndefined();
    expect(mail.headers.get('x-csp-order-id')).toBe('CSP-7K2M9Q');
  });

  it('sends Cyrillic domains to SMTP in ASCII form and lets the distributor reply to the contact', async () => {
    const order = storedOrder();
    const customer = { ...order, contact: { ...order.contact, email: 'it@почта.рф' } };
    await createEmailChannel(options({ to: ['orders@дистрибьютор.рф'] })).deliver(customer, notAborted);

    // The stand-in (smtp-server) shows envelope domains decoded, so the headers are what tell.
    const raw = onlyMessage().raw.toString();
    expect(raw).toMatch(/^To: orders@xn--90afma5ajddjd3iya\.xn--p1ai/m);
    expect(raw).toMatch(/^Reply-To: it@xn--80a1acny\.xn--p1ai/m);
    const mail = await receivedMail();
    // The order itself shows the address as the customer typed it.
    expect(mail.text).toContain('it@почта.рф');
  });

  it("carries a revision's changes in the subject and body, times in the distributor's zone, the board link and Unicode addresses", async () => {
    const order = resubmittedOrder();
    const link = 'https://teams.microsoft.com/l/entity/00000000-0000-0000-0000-000000000001/board?label=CSP-7K2M9Q';
    await createEmailChannel(options({ boardLinks: () => Promise.resolve(link) })).deliver(order, notAborted);

    const mail = await receivedMail();
    expect(mail.subject).toBe(
      'Заявка CSP-7K2M9Q: ООО «Ромашка», ИНН 7707083893 — 25 × Microsoft 365 Business Standard · редакция 2 · ' +
        'изменено: Exchange Online (Plan 1): 40 → 45 лицензий; Дата активации: 01.12.2026 → 15.12.2026',
    );
    expect(mail.text).toContain('Изменения по сравнению с редакцией 1:\n  • Exchange Online (Plan 1): 40 → 45 лицензий');
    expect(mail.text).toContain('03.05.2026 00:30 (Europe/Moscow)');
    expect(mail.text).not.toContain('UTC');
    expect(mail.text).toContain('maria@пример.рф');
    expect(mail.text).toContain(`Открыть в панели заявок в Teams: ${link}`);
    expect(mail.html).toContain(`<a href="${link}">`);
    expect(mail.html).toContain('<li>Exchange Online (Plan 1): 40 → 45 лицензий</li>');
    expect(String(mail.html)).not.toContain('xn--');
  });

  it('threads a revised order under its earlier revisions', async () => {
    const order = storedOrder({ revision: 3 });
    await createEmailChannel(options()).deliver(order, notAborted);

    const mail = await receivedMail();
    const id = (revision: number) => `<CSP-7K2M9Q.r${revision}.${order.tenantId}@distributor.example>`;
    expect(mail.messageId).toBe(id(3));
    expect(mail.inReplyTo).toBe(id(2));
    expect(mail.references).toEqual([id(1), id(2)]);
    expect(mail.subject).toContain('редакция 3');
  });

  it('lists every item of the order in the plain-text body', async () => {
    const order = largestOrder(2);
    await createEmailChannel(options({ catalog: longNamesCatalog, locale: 'en' })).deliver(order, notAborted);

    const text = (await receivedMail()).text ?? '';
    expect(order.lines).toHaveLength(20);
    for (const item of longNamesCatalog) expect(text).toContain(`   • ${item.displayName} (${item.sku}) — 100000 licenses`);
    expect(text).toContain(`2. Technical domain: ${order.technicalDomain}`);
    expect(text).toContain(`6. Organization: ${order.organization.name}`);
    expect(text).toContain('7. INN: 500100732259');
    expect(text).toContain(`8. Address: 101000, ${order.organization.address.city}, ${order.organization.address.street}`);
    expect(text).toContain(`   ${order.contact.fullName}`);
    expect(text).toContain('   Phone: +7 495 123 45 67');
    expect(text).toContain(`   E-mail: ${order.contact.email}`);
    expect(text).toContain('1. CSP invitation accepted: Yes');
    expect(text).toContain('10. New subscription or trial conversion: Conversion from a trial');
  });

  it('keeps a hostile organization name inert in the HTML alternative', async () => {
    const hostile = '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>';
    const order = storedOrder({
      organization: { ...storedOrder().organization, name: hostile },
      contact: { ...storedOrder().contact, fullName: '<a href="https://evil.example">Иванов</a>' },
    });
    await createEmailChannel(options()).deliver(order, notAborted);

    const mail = await receivedMail();
    const html = typeof mail.html === 'string' ? mail.html : '';
    expect(html).toContain('<table');
    expect(html).not.toMatch(/<script|<img|<a /i);
    expect(html).toContain('&lt;script&gt;alert(document.cookie)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.subject).toContain(hostile);
    expect(mail.text).toContain(hostile);
  });

  it('attaches the order as JSON that parses back to the stored order', async () => {
    const order = storedOrder({ status: 'changesRequested', revision: 2 });
    await createEmailChannel(options()).deliver(order, notAborted);

    const mail = await receivedMail();
    expect(mail.attachments).toHaveLength(1);
    const [attachment] = mail.attachments;
    expect(attachment?.filename).toBe('CSP-7K2M9Q-r2.json');
    expect(attachment?.contentType).toBe('application/json');
    expect(JSON.parse(attachment?.content.toString('utf8') ?? '')).toEqual(order);
  });

  it('logs in when credentials are configured', async () => {
    await smtp.close();
    smtp = await startSmtpStandIn({ credentials: { user: 'bot', password: 'p@ss' } });
    await createEmailChannel(options({ user: 'bot', password: 'p@ss' })).deliver(storedOrder(), notAborted);
    expect(smtp.messages).toHaveLength(1);
  });
});

describe('email channel: failures', () => {
  it('treats a 550 refusal of the recipient as permanent', async () => {
    smtp.refuseRecipients({ code: 550, message: '5.1.1 Mailbox unavailable' });
    const failure = createEmailChannel(options()).deliver(storedOrder(), notAborted);
    await expect(failure).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(failure).rejects.toThrow(/order CSP-7K2M9Q.*550/);
    expect(smtp.messages).toHaveLength(0);
  });

  it('treats a 451 refusal (greylisting, a full queue) as retryable', async () => {
    smtp.refuseRecipients({ code: 451, message: '4.7.1 Try again later' });
    const failure = createEmailChannel(options()).deliver(storedOrder(), notAborted);
    await expect(failure).rejects.toThrow(/451/);
    await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
  });

  it('delivers when only some recipients are refused, and warns about them', async () => {
    smtp.refuseRecipients({ code: 550, message: '5.1.1 No such user', only: 'typo@distributor.example' });
    const warn = vi.fn();
    await createEmailChannel(options({ to: [INBOX, 'typo@distributor.example'], logger: { warn } })).deliver(storedOrder(), notAborted);

    expect(onlyMessage().rcptTo).toEqual([INBOX]);
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ orderId: 'CSP-7K2M9Q', rejected: ['typo@distributor.example'] }),
      expect.any(String),
    );
  });

  it('treats a refused login as retryable: it is fixed in the configuration, not in the order', async () => {
    await smtp.close();
    smtp = await startSmtpStandIn({ credentials: { user: 'bot', password: 'right' } });
    const failure = createEmailChannel(options({ user: 'bot', password: 'wrong' })).deliver(storedOrder(), notAborted);
    await expect(failure).rejects.toThrow(/EAUTH/);
    await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
    await expect(failure).rejects.not.toThrow(/wrong/);
  });

  it('treats an unreachable server as retryable, and only connects when used', async () => {
    const port = smtp.port;
    await smtp.close();
    const channel = createEmailChannel(options({ port }));
    const failure = channel.deliver(storedOrder(), notAborted);
    await expect(failure).rejects.toThrow(/SMTP smtp:\/\/127\.0\.0\.1:\d+ failed for order CSP-7K2M9Q/);
    await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
    await expect(channel.verify()).rejects.not.toBeInstanceOf(PermanentDeliveryError);
    smtp = await startSmtpStandIn();
  });

  it('stops when the outbox aborts the attempt: the hung mail server sees its connection closed', async () => {
    const hung = await startHungSmtpReceiver();
    try {
      // The channel's own limits are far away: only the abort can end this send.
      const channel = createEmailChannel(options({ port: hung.port, timeoutMs: 60_000 }));
      const controller = new AbortController();
      const failure = channel.deliver(storedOrder(), controller.signal);
      await vi.waitFor(() => expect(hung.received).toBeGreaterThan(0));

      controller.abort(new Error('channel did not answer within 300 ms'));
      await expect(failure).rejects.toThrow(/SMTP smtp:\/\/127\.0\.0\.1:\d+ failed for order CSP-7K2M9Q \(EABORT\)/);
      await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
      await vi.waitFor(() => expect(hung.closed).toBe(1));
      expect(hung.connections).toBe(1);
    } finally {
      await hung.close();
    }
  });

  it('verifies a working server without sending anything', async () => {
    await expect(createEmailChannel(options()).verify()).resolves.toBeUndefined();
    expect(smtp.messages).toHaveLength(0);
  });
});

describe('email channel: configuration', () => {
  function variableOf(run: () => unknown): string | undefined {
    try {
      run();
    } catch (error) {
      if (error instanceof ConfigurationError) return error.variable;
      throw error;
    }
    return 'no error';
  }

  it('names the setting at fault', () => {
    expect(variableOf(() => createEmailChannel(options({ host: ' ' })))).toBe('SMTP_HOST');
    expect(variableOf(() => createEmailChannel(options({ port: 70_000 })))).toBe('SMTP_PORT');
    expect(variableOf(() => createEmailChannel(options({ password: 'x' })))).toBe('SMTP_USER');
    expect(variableOf(() => createEmailChannel(options({ from: 'not an address' })))).toBe('SMTP_FROM');
    expect(variableOf(() => createEmailChannel(options({ from: 'a@x.example, b@x.example' })))).toBe('SMTP_FROM');
    expect(variableOf(() => createEmailChannel(options({ to: [] })))).toBe('DELIVERY_EMAIL_TO');
    expect(variableOf(() => createEmailChannel(options({ to: ['orders@x.example', 'nobody'] })))).toBe('DELIVERY_EMAIL_TO');
  });

  it('accepts recipients given as one comma-separated entry', async () => {
    await createEmailChannel(options({ to: [`${INBOX}, Sales <sales@distributor.example>`] })).deliver(storedOrder(), notAborted);
    expect(onlyMessage().rcptTo).toEqual([INBOX, 'sales@distributor.example']);
  });
});
