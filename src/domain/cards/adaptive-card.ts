/**
 * The subset of the Adaptive Card 1.5 schema this app emits. Teams bots are
 * limited to schema 1.5, so the version is fixed by the type.
 * https://adaptivecards.io/explorer/
 */

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type TextSize = 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
export type TextWeight = 'lighter' | 'default' | 'bolder';
export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
export type ActionStyle = 'default' | 'positive' | 'destructive';

interface ElementBase {
  readonly id?: string;
  readonly spacing?: Spacing;
  readonly separator?: boolean;
  readonly isVisible?: boolean;
}

export interface TextBlock extends ElementBase {
  readonly type: 'TextBlock';
  /** Rendered as markdown by Teams: user text must go through `escapeCardText`. */
  readonly text: string;
  readonly wrap?: boolean;
  readonly color?: TextColor;
  readonly size?: TextSize;
  readonly weight?: TextWeight;
  readonly isSubtle?: boolean;
  readonly style?: 'default' | 'heading';
}

export interface Fact {
  readonly title: string;
  /** Rendered as markdown by Teams: user text must go through `escapeCardText`. */
  readonly value: string;
}

export interface FactSet extends ElementBase {
  readonly type: 'FactSet';
  readonly facts: readonly Fact[];
}

export interface Container extends ElementBase {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly style?: ContainerStyle;
}

export interface Column extends ElementBase {
  readonly type: 'Column';
  readonly items: readonly CardElement[];
  readonly width?: 'auto' | 'stretch' | string;
  readonly verticalContentAlignment?: 'top' | 'center' | 'bottom';
}

export interface ColumnSet extends ElementBase {
  readonly type: 'ColumnSet';
  readonly columns: readonly Column[];
}

export interface ActionSet extends ElementBase {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
}

interface InputBase extends ElementBase {
  /** Inputs must have an id: it is the key of the submitted value. */
  readonly id: string;
  readonly label: string;
  readonly isRequired?: boolean;
  readonly errorMessage?: string;
}

export interface TextInput extends InputBase {
  readonly type: 'Input.Text';
  readonly value?: string;
  readonly placeholder?: string;
  readonly maxLength?: number;
  readonly regex?: string;
  readonly isMultiline?: boolean;
  readonly style?: 'text' | 'tel' | 'url' | 'email';
}

export interface NumberInput extends InputBase {
  readonly type: 'Input.Number';
  readonly value?: number;
  readonly placeholder?: string;
  readonly min?: number;
  readonly max?: number;
}

export interface DateInput extends InputBase {
  readonly type: 'Input.Date';
  /** ISO date `YYYY-MM-DD`. */
  readonly value?: string;
  readonly min?: string;
  readonly max?: string;
}

export interface ToggleInput extends InputBase {
  readonly type: 'Input.Toggle';
  readonly title: string;
  readonly value?: string;
  readonly valueOn?: string;
  readonly valueOff?: string;
  readonly wrap?: boolean;
}

export interface Choice {
  readonly title: string;
  readonly value: string;
}

export interface ChoiceSetInput extends InputBase {
  readonly type: 'Input.ChoiceSet';
  readonly choices: readonly Choice[];
  readonly value?: string;
  readonly style?: 'compact' | 'expanded';
  readonly placeholder?: string;
  readonly wrap?: boolean;
}

export type CardInput = TextInput | NumberInput | DateInput | ToggleInput | ChoiceSetInput;

export type CardElement = TextBlock | FactSet | Container | ColumnSet | ActionSet | CardInput;

interface ActionBase {
  readonly title: string;
  readonly id?: string;
  readonly style?: ActionStyle;
}

export interface OpenUrlAction extends ActionBase {
  readonly type: 'Action.OpenUrl';
  readonly url: string;
}

export interface SubmitAction extends ActionBase {
  readonly type: 'Action.Submit';
  readonly data?: JsonObject;
  readonly associatedInputs?: 'auto' | 'none';
}

export interface ExecuteAction extends ActionBase {
  readonly type: 'Action.Execute';
  readonly verb: string;
  readonly data?: JsonObject;
  readonly associatedInputs?: 'auto' | 'none';
  /** Clients without Universal Actions use this instead. */
  readonly fallback?: SubmitAction | 'drop';
}

export interface ShowCardAction extends ActionBase {
  readonly type: 'Action.ShowCard';
  readonly card: InlineCard;
}

/** Shows or hides elements by id, on the client (Adaptive Cards 1.2). */
export interface ToggleVisibilityAction extends ActionBase {
  readonly type: 'Action.ToggleVisibility';
  readonly targetElements: readonly (string | { readonly elementId: string; readonly isVisible?: boolean })[];
}

export type CardAction = OpenUrlAction | SubmitAction | ExecuteAction | ShowCardAction | ToggleVisibilityAction;

/** The card inside `Action.ShowCard`: no schema, version or refresh of its own. */
export interface InlineCard {
  readonly type: 'AdaptiveCard';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
}

/** The invisible action a client runs to fetch the card's current state. */
export interface RefreshAction {
  readonly type: 'Action.Execute';
  readonly verb: string;
  readonly data?: JsonObject;
}

export interface RefreshDefinition {
  readonly action: RefreshAction;
  /** Teams MRIs of the users whose client refreshes automatically (≤ 60). */
  readonly userIds?: readonly string[];
}

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: typeof ADAPTIVE_CARD_SCHEMA;
  readonly version: typeof ADAPTIVE_CARD_VERSION;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  readonly refresh?: RefreshDefinition;
  /** Shown by clients that cannot render the card (and in notifications). */
  readonly fallbackText?: string;
  /** Teams-specific: let the card use the full message width. */
  readonly msteams?: { readonly width: 'Full' };
}

export function adaptiveCard(content: Omit<AdaptiveCard, 'type' | '$schema' | 'version'>): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: ADAPTIVE_CARD_VERSION, ...content };
}
