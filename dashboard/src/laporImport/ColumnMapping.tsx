import { useTranslate } from 'react-admin';
import { Box, MenuItem, TextField, Typography } from '@mui/material';
import { LAPOR_REPORT_FIELDS, LAPOR_REPORT_FIELD_INFO } from '@layanan/config';
import type { LaporColumnMapping, LaporImportPreview } from '../types';

/** One select per report field: which column of the file holds it, each column shown with its heading and a sample. */
export const ColumnMapping = ({ columns, mapping, onChange }: { columns: LaporImportPreview['columns']; mapping: LaporColumnMapping; onChange: (mapping: LaporColumnMapping) => void }) => {
  const translate = useTranslate();
  const headingOf = (index: number) => columns[index]?.header || translate('layanan.lapor.import.column', { n: index + 1 });
  return (
    <Box className="lapor-mapping" data-testid="lapor-mapping">
      {LAPOR_REPORT_FIELDS.map((field) => {
        const column = mapping[field];
        const sample = column === null ? '' : columns[column]?.sample;
        return (
          <TextField
            key={field}
            select
            size="small"
            label={`${translate(`layanan.laporField.${field}`)}${LAPOR_REPORT_FIELD_INFO[field].required ? ` (${translate('layanan.lapor.import.required')})` : ''}`}
            value={column === null ? '' : String(column)}
            onChange={(event) => onChange({ ...mapping, [field]: event.target.value === '' ? null : Number(event.target.value) })}
            helperText={sample ? translate('layanan.lapor.import.sample', { text: sample }) : ' '}
            error={LAPOR_REPORT_FIELD_INFO[field].required && column === null}
            SelectProps={{ displayEmpty: true, inputProps: { 'data-testid': `lapor-map-${field}` } }}
            InputLabelProps={{ shrink: true }}
          >
            <MenuItem value="">
              <Typography component="em" variant="body2" color="text.secondary">
                {translate('layanan.lapor.import.no_column')}
              </Typography>
            </MenuItem>
            {columns.map(({ index }) => (
              <MenuItem key={index} value={String(index)}>
                {headingOf(index)}
              </MenuItem>
            ))}
          </TextField>
        );
      })}
    </Box>
  );
};
