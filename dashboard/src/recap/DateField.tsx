import { useEffect, useState } from 'react';
import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { dayMonthYear, parseDayMonthYear } from '../format';

interface Props {
  label: string;
  /** YYYY-MM-DD */
  value: string;
  onChange(value: string): void;
}

/**
 * A date typed and shown day first (01/12/2026). The browser's own date input follows the browser's
 * language, which on many office computers is American English (12/01/2026).
 */
export const DateField = ({ label, value, onChange }: Props) => {
  const translate = useTranslate();
  const [text, setText] = useState(() => dayMonthYear(value));
  useEffect(() => setText(dayMonthYear(value)), [value]);
  const typed = parseDayMonthYear(text);
  return (
    <TextField
      size="small"
      fullWidth={false}
      label={label}
      value={text}
      placeholder={translate('layanan.recap.date_placeholder')}
      error={text.trim() !== '' && typed === null}
      onChange={(event) => {
        setText(event.target.value);
        const key = parseDayMonthYear(event.target.value);
        if (key && key !== value) onChange(key);
      }}
      onBlur={() => setText(dayMonthYear(value))}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { inputMode: 'numeric', 'aria-label': label, size: 10 } }}
      sx={{ width: 150 }}
    />
  );
};
