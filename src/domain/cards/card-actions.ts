import type { ExecuteAction, JsonObject, ActionStyle } from './adaptive-card.js';

/**
 * The verbs the bot answers. Every button is an `Action.Execute` (Universal
 * Actions) whose `fallback` is an `Action.Submit` carrying `{ verb, ...data }`,
 * so the bot reads the same verb and data from either path.
 */
export const CardVerb = {
  startOrder: 'startOrder',
  showHelp: 'showHelp',
  showStatus: 'showStatus',
  submitOrder: 'submitOrder',
  reviseOrder: 'reviseOrder',
  acceptOrder: 'acceptOrder',
  requestChanges: 'requestChanges',
  completeOrder: 'completeOrder',
  refreshOrder: 'refreshOrder',
  stopReminders: 'stopReminders',
  showCustomerAgreement: 'showCustomerAgreement',
  acceptCustomerAgreement: 'acceptCustomerAgreement',
} as const;

export type CardVerb = (typeof CardVerb)[keyof typeof CardVerb];

const cardVerbs: ReadonlySet<string> = new Set(Object.values(CardVerb));

export function isCardVerb(value: unknown): value is CardVerb {
  return typeof value === 'string' && cardVerbs.has(value);
}

export interface ExecuteActionOptions {
  readonly title: string;
  readonly verb: CardVerb;
  readonly data?: JsonObject;
  readonly style?: ActionStyle;
  /** `none` for buttons that must not validate or send the card's inputs. */
  readonly associatedInputs?: 'auto' | 'none';
}

/** `Action.Execute` with the equivalent `Action.Submit` fallback. */
export function executeAction(options: ExecuteActionOptions): ExecuteAction {
  const data: JsonObject = options.data ?? {};
  const common = {
    title: options.title,
    ...(options.style === undefined ? {} : { style: options.style }),
    ...(options.associatedInputs === undefined ? {} : { associatedInputs: options.associatedInputs }),
  };
  return {
    type: 'Action.Execute',
    ...common,
    verb: options.verb,
    data,
    fallback: { type: 'Action.Submit', ...common, data: { verb: options.verb, ...data } },
  };
}
