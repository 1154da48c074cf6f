import { buildDigestCard } from '../../src/domain/cards/digest-card.js';
import { buildReminderCard, isRemindedStep } from '../../src/domain/cards/reminder-card.js';
import type { ReminderCardInput } from '../../src/domain/cards/reminder-card.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { DAY_MS } from '../../src/domain/journey/journey.js';
import { dueDigestDate, isQuietTime, reminderDue } from '../../src/domain/journey/journey-schedule.js';
import { isDigestEmpty, selectDigest } from '../../src/domain/journey/staff-digest.js';
import { ConversationGoneError } from '../delivery/card-messenger.js';
import type { CardMessenger } from '../delivery/card-messenger.js';
import type { Logger } from '../logger.js';
import type { InboxChannel, PersonalConversation } from '../storage/conversation-store.js';
import type { JourneyStore } from '../storage/journey-store.js';
import type { CustomerJourneys } from './customer-journeys.js';

export interface JourneySchedulerOptions {
  readonly journeys: Pick<CustomerJourneys, 'refresh'>;
  readonly store: JourneyStore;
  /** Where customers and staff are reached (ConversationStore). */
  readonly conversations: {
    listPersonal(tenantId: string, limit: number): Promise<PersonalConversation[]>;
    getInbox(distributorTenantId: string): Promise<InboxChannel | undefined>;
  };
  readonly messenger: Pick<CardMessenger, 'sendCard' | 'postToChannel'>;
  readonly distributorTenantId: string;
  readonly distributorName: string;
  readonly timeZone: string;
  /** `REMINDER_AFTER_DAYS`: a customer stuck longer gets one reminder per step; 0 turns reminders off. */
  readonly reminderAfterDays: number;
  /** The staff's language (`DELIVERY_LOCALE`). */
  readonly staffLocale: Locale;
  readonly links: ReminderCardInput['links'];
  readonly logger: Logger;
  readonly clock?: () => Date;
  /** How often due work is looked for (default 5 minutes). */
  readonly intervalMs?: number;
}

/** Reminders sent in one pass at most; the rest wait for the next pass (they stay due). */
export const REMINDERS_PER_PASS = 50;
/** Customers the digest reads (one key-range query over the summaries, once per working day). */
export const DIGEST_CUSTOMERS_READ = 5_000;

export type DigestOutcome = 'notDue' | 'alreadyTaken' | 'empty' | 'sent' | 'noInbox' | 'failed';

export interface PassResult {
  readonly reminders: number;
  readonly digest: DigestOutcome;
}

/**
 * Durable scheduled work of the journey: reminders to stuck customers and
 * the staff's morning digest. Every instance runs passes; a claim row
 * (insert-if-absent, keyed by tenant + step or by the digest's date) decides
 * which instance sends, and it is written before sending. The choice is **at
 * most once**: a crash between the claim and the send loses that one message
 * (the claim row stays `claimed`, visible in storage and the log) rather than
 * risking a second reminder. A missed friendly nudge costs little; a
 * repeated one in a customer's chat, or a doubled digest, is what users
 * notice. Nothing is kept in memory between passes, so a restart resends
 * nothing.
 */
export class JourneyScheduler {
  private readonly clock: () => Date;
  private readonly intervalMs: number;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> | undefined;
  private running = false;

  constructor(private readonly options: JourneySchedulerOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.intervalMs = options.intervalMs ?? 5 * 60_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.current?.catch(() => undefined);
  }

  /** One pass: due reminders (outside quiet hours), then the digest when due. */
  async runOnce(): Promise<PassResult> {
    const reminders = await this.remind();
    const digest = await this.digest();
    return { reminders, digest };
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      const pass = this.runOnce()
        .catch((error: unknown) => this.options.logger.warn({ err: error }, 'journey pass failed; the next pass tries again'))
        .finally(() => {
          if (this.running) this.schedule(this.intervalMs);
        });
      this.current = pass;
    }, delayMs);
    this.timer.unref();
  }

  private async remind(): Promise<number> {
    const { store, reminderAfterDays, timeZone } = this.options;
    const now = this.clock();
    if (reminderAfterDays <= 0 || isQuietTime(now, timeZone)) return 0;
    const tenants = await store.dueReminders(new Date(now.getTime() - reminderAfterDays * DAY_MS), REMINDERS_PER_PASS);
    let sent = 0;
    for (const tenantId of tenants) {
      try {
        if (await this.remindOne(tenantId, now)) sent += 1;
      } catch (error) {
        this.options.logger.warn({ err: error, tenantId }, 'could not remind a customer');
      }
    }
    return sent;
  }

  /** True when this instance sent the reminder. */
  private async remindOne(tenantId: string, now: Date): Promise<boolean> {
    const { journeys, store, conversations, messenger, logger } = this.options;
    // The index row may be stale: the facts decide.
    const { summary } = await journeys.refresh(tenantId);
    const step = summary.current;
    if (!summary.remindable || step === null || !isRemindedStep(step) || !reminderDue(summary.stuckSince, now, this.options.reminderAfterDays)) return false;
    if (!(await store.claimReminder(tenantId, step))) {
      await journeys.refresh(tenantId);
      return false;
    }
    const context = { tenantId, step };
    let sent = false;
    try {
      const [chat] = await conversations.listPersonal(tenantId, 1);
      if (!chat) {
        logger.info(context, 'no 1:1 chat of the customer is known; no reminder');
        await store.settleReminder(tenantId, step, 'noChat');
      } else {
        const card = buildReminderCard({ locale: chat.locale, distributorName: this.options.distributorName, step, links: this.options.links });
        const activityId = await messenger.sendCard(chat.conversation, card);
        sent = true;
        logger.info(context, 'reminder sent');
        await store.settleReminder(tenantId, step, 'sent', activityId);
      }
    } catch (error) {
      const outcome = error instanceof ConversationGoneError ? 'gone' : 'failed';
      logger.warn({ ...context, err: error }, `reminder not sent (${outcome}); it is not tried again`);
      if (!sent) await store.settleReminder(tenantId, step, outcome);
    }
    await journeys.refresh(tenantId);
    return sent;
  }

  private async digest(): Promise<DigestOutcome> {
    const { store, conversations, messenger, logger, timeZone, reminderAfterDays } = this.options;
    const now = this.clock();
    const date = dueDigestDate(now, timeZone);
    if (date === undefined) return 'notDue';
    if (await store.hasDigest(date)) return 'alreadyTaken';
    const stuckAfterDays = reminderAfterDays > 0 ? reminderAfterDays : 3;
    const digest = selectDigest(await store.listSummaries(DIGEST_CUSTOMERS_READ), now, { timeZone, stuckAfterDays });
    if (isDigestEmpty(digest)) {
      // Claimed as empty, so no instance builds it again today.
      await store.claimDigest(date, 'empty');
      return 'empty';
    }
    if (!(await store.claimDigest(date, 'claimed'))) return 'alreadyTaken';
    try {
      const inbox = await conversations.getInbox(this.options.distributorTenantId);
      if (!inbox) {
        logger.warn({ date }, 'no inbox channel yet; the staff digest is not sent');
        await store.settleDigest(date, 'noInbox');
        return 'noInbox';
      }
      const card = buildDigestCard({ locale: this.options.staffLocale, date, now, stuckAfterDays, digest });
      await messenger.postToChannel(inbox.conversation, card);
      logger.info({ date }, 'staff digest sent');
      await store.settleDigest(date, 'sent');
      return 'sent';
    } catch (error) {
      logger.warn({ date, err: error }, 'the staff digest was not sent; it is not tried again today');
      await store.settleDigest(date, 'failed');
      return 'failed';
    }
  }
}
