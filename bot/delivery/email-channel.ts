import { createTransport } from 'nodemailer';
import { asciiMailAddress } from './ascii-mail-address.js';
import type { NodemailerError } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type { Catalog } from '../../src/domain/catalog/catalog.js';
import { ConfigurationError } from '../../src/domain/configuration-error.js';
import { renderOrderEmail } from '../../src/domain/email/order-email.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import type { StoredOrder } from '../../src/domain/order/order.js';
import { PermanentDeliveryError } from './delivery-channel.js';
import type { DeliveryChannel } from './delivery-channel.js';
import type { Logger } from '../logger.js';
import { readCustomerAgreementFact } from '../customer-agreement/customer-agreement-lookup.js';
import type { CustomerAgreementLookup } from '../customer-agreement/customer-agreement-lookup.js';

/**
 * Sends each order by e-mail over SMTP, the distributor's original process.
 * One connection per message (orders are rare; a pool would only hold idle
 * sockets), opened on the first delivery, never at construction.
 */

export interface EmailChannelOptions {
  /** `SMTP_HOST` */
  readonly host: string;
  /** `SMTP_PORT`: 465 with `secure`, otherwise usually 587 (or 25 for an internal relay). */
  readonly port: number;
  /** `SMTP_SECURE`: TLS from the first byte (port 465); otherwise STARTTLS whenever the server offers it. */
  readonly secure: boolean;
  /** `SMTP_USER`; no authentication when absent. */
  readonly user?: string;
  /** `SMTP_PASSWORD` */
  readonly password?: string;
  /** `SMTP_FROM`, e.g. `CSP заявки <orders@distributor.ru>`; its domain also names the Message-ID. */
  readonly from: string;
  /** `DELIVERY_EMAIL_TO`: the distributor's inbox(es). */
  readonly to: readonly string[];
  /** Language of the e-mail (`DELIVERY_LOCALE`). */
  readonly locale: Locale;
  readonly catalog: Catalog;
  /** The tenants' MCA, shown as a row of the e-mail; absent: no such row. */
  readonly customerAgreements?: CustomerAgreementLookup;
  /**
   * Fail rather than send without TLS. Defaults to on when credentials are
   * set (so a password never crosses the network in clear), except to a
   * loopback host.
   */
  readonly requireTls?: boolean;
  /** Limit for connecting, the greeting and each reply; defaults to 30 s. */
  readonly timeoutMs?: number;
  /** Told when some (not all) recipients were refused: the message went out, but an address needs fixing. */
  readonly logger?: Pick<Logger, 'warn'>;
}

export interface EmailChannel extends DeliveryChannel {
  readonly name: 'email';
  /** Connects and authenticates without sending, for a readiness check; throws like `deliver`. */
  verify(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function createEmailChannel(options: EmailChannelOptions): EmailChannel {
  const settings = checkOptions(options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const credentials = options.user === undefined ? undefined : { user: options.user, pass: options.password ?? '' };
  const transporter = createTransport({
    host: settings.host,
    port: options.port,
    secure: options.secure,
    ...(credentials ? { auth: credentials } : {}),
    requireTLS:
      !options.secure && (options.requireTls ?? (credentials !== undefined && !LOOPBACK_HOSTS.has(settings.host))),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // Close by destroying the socket: after an abort nothing more is owed to the server, and
    // after an accepted message (250) neither; no 5 s wait for a server that never hangs up.
    socketCloseTimeout: 0,
  });
  const target = `smtp${options.secure ? 's' : ''}://${settings.host}:${options.port}`;

  return {
    name: 'email',
    async deliver(order: StoredOrder, signal: AbortSignal): Promise<void> {
      const customerAgreement = await readCustomerAgreementFact(options.customerAgreements, order.tenantId);
      const email = renderOrderEmail({ locale: options.locale, order, catalog: options.catalog, customerAgreement });
      const previous = Array.from({ length: order.revision - 1 }, (_, index) =>
        orderMessageId(order, index + 1, settings.fromDomain),
      );
      let info: { accepted: unknown[]; rejected: unknown[] };
      try {
        info = await transporter.sendMail({
          from: options.from,
          to: settings.to.map(asciiMailAddress),
          // The distributor's answer goes to the customer's contact (Cyrillic domains in ASCII form for SMTP).
          replyTo: asciiMailAddress(order.contact.email),
          subject: email.subject,
          text: email.text,
          html: email.html,
          // The same order revision always gets the same Message-ID, so a resend after a lost
          // answer can be recognised as a duplicate by the receiving side.
          messageId: orderMessageId(order, order.revision, settings.fromDomain),
          // Revisions of one order thread together in mail clients.
          ...(previous.length > 0 ? { inReplyTo: previous[previous.length - 1], references: previous } : {}),
          headers: { 'X-CSP-Order-Id': order.id, 'X-CSP-Order-Revision': String(order.revision) },
          attachments: [
            { filename: email.attachment.filename, content: email.attachment.content, contentType: 'application/json; charset=utf-8' },
          ],
          // Nothing in the message is a path or URL to fetch; keep it that way.
          disableFileAccess: true,
          disableUrlAccess: true,
          // Aborting closes this message's SMTP connection (nodemailer 10.5+).
          signal,
        });
      } catch (error) {
        throw deliveryError(error, target, order.id);
      }
      if (info.rejected.length > 0) {
        options.logger?.warn(
          { channel: 'email', orderId: order.id, rejected: info.rejected.map(String) },
          'some e-mail recipients were refused; the others received the order',
        );
      }
    },
    async verify(): Promise<void> {
      try {
        await transporter.verify();
      } catch (error) {
        throw deliveryError(error, target, undefined);
      }
    },
  };
}

/** `<CSP-7K2M9Q4D.r2.{tenantId}@distributor.ru>`: stable per order revision. */
export function orderMessageId(order: Pick<StoredOrder, 'id' | 'tenantId'>, revision: number, domain: string): string {
  return `<${order.id}.r${revision}.${order.tenantId}@${domain}>`;
}

interface CheckedSettings {
  readonly host: string;
  readonly to: readonly string[];
  readonly fromDomain: string;
}

function checkOptions(options: EmailChannelOptions): CheckedSettings {
  const host = options.host.trim();
  if (host === '') throw new ConfigurationError('the SMTP server name is empty', 'SMTP_HOST');
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65_535) {
    throw new ConfigurationError(`must be a port number from 1 to 65535, got ${options.port}`, 'SMTP_PORT');
  }
  if (options.user === undefined && options.password !== undefined) {
    throw new ConfigurationError('a password is set but no user name', 'SMTP_USER');
  }
  const from = mailboxes(options.from, 'SMTP_FROM');
  if (from.length !== 1 || !from[0]) {
    throw new ConfigurationError('must be exactly one address, e.g. "CSP orders <orders@example.com>"', 'SMTP_FROM');
  }
  const to = options.to.flatMap((entry) => mailboxes(entry, 'DELIVERY_EMAIL_TO'));
  if (to.length === 0) throw new ConfigurationError('list at least one recipient address', 'DELIVERY_EMAIL_TO');
  return { host, to, fromDomain: from[0].slice(from[0].lastIndexOf('@') + 1).toLowerCase() };
}

/** The plain addresses in an address list; throws ConfigurationError for anything that is not `local@domain`. */
function mailboxes(raw: string, variable: string): string[] {
  return addressparser(raw, { flatten: true }).map((entry) => {
    const address = entry.address;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
      throw new ConfigurationError(`"${entry.name || address}" is not an e-mail address`, variable);
    }
    return address;
  });
}

/**
 * A 5xx reply means this message will be refused again (mailbox unknown,
 * message too large): permanent. Everything else is worth retrying: 4xx
 * replies, timeouts, refused connections, TLS trouble, and failed logins
 * too, since those are fixed in the configuration rather than in the order.
 */
function deliveryError(error: unknown, target: string, orderId: string | undefined): Error {
  const smtp = error as Partial<NodemailerError>;
  const about = orderId === undefined ? '' : ` for order ${orderId}`;
  const detail = smtp.response ?? (error instanceof Error ? error.message : String(error));
  const message = `SMTP ${target} failed${about}${smtp.code ? ` (${smtp.code})` : ''}: ${detail}`;
  const loginProblem = smtp.code === 'EAUTH' || smtp.code === 'ENOAUTH';
  if (!loginProblem && isPermanentReply(smtp)) return new PermanentDeliveryError(message, { cause: error });
  return new Error(message, { cause: error });
}

function isPermanentReply(smtp: Partial<NodemailerError>): boolean {
  if (smtp.permanent !== undefined) return smtp.permanent;
  const code = smtp.responseCode;
  // 503 (bad sequence of commands) describes the session, not the message.
  return code !== undefined && code >= 500 && code < 600 && code !== 503;
}
