import { Field } from '@fluentui/react-components';
import type { ReactElement } from 'react';

export interface FormFieldProps {
  /** The control's id: errors, focus and the label all find it by this. */
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly className?: string | undefined;
  /** Optional fields say so in their label instead of carrying the required mark. */
  readonly required?: boolean | undefined;
  readonly children: ReactElement;
}

/**
 * A Fluent `Field` whose label points at a control with a known id. Field
 * itself puts `aria-invalid`, `aria-describedby` (error and hint) and
 * `required` on the control.
 */
export function FormField({ id, label, hint, error, className, required = true, children }: FormFieldProps): ReactElement {
  return (
    <Field
      className={className}
      label={{ children: label, htmlFor: id }}
      // A null slot is Fluent's "not rendered"; its slot props do not take undefined.
      hint={hint ?? null}
      validationMessage={error ?? null}
      validationState={error === undefined ? 'none' : 'error'}
      required={required}
    >
      {children}
    </Field>
  );
}
