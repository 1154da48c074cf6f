/**
 * A Bot Framework conversation reference as plain JSON (what
 * `TurnContext.getConversationReference` returns); stored as is and handed
 * back to the proactive messenger, never interpreted by domain code.
 */
export type ConversationReferenceJson = Readonly<Record<string, unknown>>;
