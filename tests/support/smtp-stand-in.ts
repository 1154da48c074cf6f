import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A loopback SMTP server (the `smtp-server` package, the server half of
 * nodemailer's project) standing in for the distributor's mail relay. It
 * keeps each accepted message raw, and can refuse recipients with a chosen
 * reply, like a real server refusing an unknown mailbox (550) or greylisting (451).
 */

export interface ReceivedMessage {
  readonly mailFrom: string;
  readonly rcptTo: readonly string[];
  /** The message as sent over the wire (RFC 5322). */
  readonly raw: Buffer;
}

export interface SmtpStandInOptions {
  /** Require this login (the server then offers AUTH over the plain loopback connection). */
  readonly credentials?: { readonly user: string; readonly password: string };
}

export interface SmtpStandIn {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly messages: readonly ReceivedMessage[];
  /** Refuse recipients (`RCPT TO`) whose address matches, with this reply; `undefined` accepts everyone again. */
  refuseRecipients(refusal: RecipientRefusal | undefined): void;
  close(): Promise<void>;
}

export interface RecipientRefusal {
  readonly code: number;
  readonly message: string;
  /** Which addresses are refused; all of them when absent. */
  readonly only?: string;
}

export async function startSmtpStandIn(options: SmtpStandInOptions = {}): Promise<SmtpStandIn> {
  const messages: ReceivedMessage[] = [];
  let refusal: RecipientRefusal | undefined;

  const server = new SMTPServer({
    // No STARTTLS: the stand-in has no certificate a client would trust, and it is loopback only.
    disabledCommands: options.credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: options.credentials === undefined,
    logger: false,
    onAuth(auth, _session, callback) {
      const expected = options.credentials;
      if (expected && auth.username === expected.user && auth.password === expected.password) {
        callback(null, { user: auth.username });
      } else {
        callback(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
      }
    },
    onRcptTo(address, _session, callback) {
      if (refusal && (refusal.only === undefined || refusal.only === address.address)) {
        callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        messages.push({
          mailFrom: mailFrom === false ? '' : mailFrom.address,
          rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    host: '127.0.0.1',
    port,
    messages,
    refuseRecipients(next: RecipientRefusal | undefined): void {
      refusal = next;
    },
    close(): Promise<void> {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
