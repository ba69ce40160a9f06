import { useEffect, useRef } from 'react';
import { useForm } from '@strapi/strapi/admin';

type Values = Record<string, unknown>;
type Description = Record<string, unknown>;
export interface SaveAction {
  (props: Record<string, unknown>): Description | null;
  type: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Strapi's Save writes the form into its copy of the entry before the server answers and takes it back when
 * the server refuses; the form then reloads the entry and the editor's typed text is gone. Around Save: once
 * the server refused, every reload of the entry gives the form back what the editor typed (the newest of
 * it), with the server's message still at the field, until the next Save.
 *
 * A save starts in the render where the form starts submitting (Save, Publish or Ctrl+Enter alike), before
 * Strapi touches its copy, and has ended in the render where it stops; its refusal (the fields' errors) is
 * set in that same render, so the outcome is read there, not guessed after a delay.
 */
export function keepTypedOnRefusal(Save: SaveAction): SaveAction {
  const KeepTyped = (props: Record<string, unknown>) => {
    const description = Save(props);
    const values = useForm('KeepTyped', (state) => state.values) as Values;
    const initialValues = useForm('KeepTyped', (state) => state.initialValues) as Values;
    const errors = useForm('KeepTyped', (state) => state.errors) as Values;
    const isSubmitting = useForm('KeepTyped', (state) => state.isSubmitting) as boolean;
    const setValues = useForm('KeepTyped', (state) => state.setValues) as (values: Values) => void;
    /** What the editor had typed when the save started, until it has ended. */
    const saving = useRef<Values | null>(null);
    /** What the editor has typed since the server refused it, kept against reloads of the entry. */
    const refused = useRef<Values | null>(null);
    const seenInitial = useRef(initialValues);

    useEffect(() => {
      if (isSubmitting) {
        if (!saving.current) [saving.current, refused.current] = [values, null];
        return;
      }
      const pressed = saving.current;
      if (pressed) {
        saving.current = null;
        if (Object.keys(errors ?? {}).length === 0) return;
        refused.current = pressed;
        seenInitial.current = initialValues;
        if (!same(values, pressed)) setValues(pressed);
        return;
      }
      const typed = refused.current;
      if (!typed) return;
      if (initialValues !== seenInitial.current) {
        seenInitial.current = initialValues;
        if (!same(values, typed)) setValues(typed);
      } else if (!same(values, typed)) {
        refused.current = values;
      }
    }, [isSubmitting, errors, initialValues, values, setValues]);

    return description;
  };
  KeepTyped.type = Save.type;
  return Object.assign(KeepTyped, { position: (Save as unknown as { position?: unknown }).position }) as SaveAction;
}
