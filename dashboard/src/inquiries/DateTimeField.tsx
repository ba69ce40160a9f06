import { useState } from 'react';
import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { dayMonthYearTime, parseDayMonthYearTime } from '../format';

interface Props {
  label: string;
  name: string;
  /** The office's wall clock, "2026-12-08T09:15" (WIB), when the field opens. */
  value: string;
  onChange(value: string): void;
}

/**
 * A WIB date and time typed and shown as Indonesians write it (08/12/2026 09.15). The browser's own
 * datetime input follows the browser's language and zone: on many office computers 12/08/2026, 09:15 AM.
 */
export const DateTimeField = ({ label, name, value, onChange }: Props) => {
  // The field keeps what is typed; the form gets the time it names, or '' while it names none.
  const translate = useTranslate();
  const [text, setText] = useState(() => dayMonthYearTime(value));
  const invalid = parseDayMonthYearTime(text) === null;
  return (
    <TextField
      label={label}
      name={name}
      value={text}
      required
      placeholder={translate('layanan.delivery.when_placeholder')}
      error={invalid}
      helperText={invalid ? translate('layanan.delivery.when_invalid') : undefined}
      onChange={(event) => {
        setText(event.target.value);
        const typed = parseDayMonthYearTime(event.target.value);
        onChange(typed ?? '');
      }}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { inputMode: 'numeric', 'aria-label': label } }}
    />
  );
};
