import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { Box, Button, List, ListItem, ListItemText, TextField, Typography } from '@mui/material';
import type { LayananDataProvider } from '../providers/dataProvider';
import type { FaqEntry } from '../types';

/** Searches the published FAQ as the officer types; "Sisipkan" puts an entry's answer in the answer box. */
export const FaqSearch = ({ initial, onInsert }: { initial: string; onInsert: (entry: FaqEntry) => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<LayananDataProvider>();
  const [text, setText] = useState(initial);
  const [entries, setEntries] = useState<FaqEntry[] | null>(null);
  useEffect(() => {
    if (text.trim().length < 3) {
      setEntries(null);
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      dataProvider.searchFaq(text).then((found) => current && setEntries(found), () => current && setEntries([]));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, dataProvider]);
  return (
    <Box className="faq-search">
      <TextField label={translate('layanan.actions.faq_search')} value={text} onChange={(event) => setText(event.target.value)} size="small" fullWidth name="faq-search" />
      {entries && entries.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('layanan.actions.faq_none')}
        </Typography>
      )}
      {entries && entries.length > 0 && (
        <List dense className="faq-search__results">
          {entries.map((entry) => (
            <ListItem
              key={entry.id}
              secondaryAction={
                <Button size="small" onClick={() => onInsert(entry)}>
                  {translate('layanan.actions.faq_insert')}
                </Button>
              }
            >
              <ListItemText primary={entry.question} secondary={entry.answer} slotProps={{ secondary: { noWrap: true } }} sx={{ pr: 10 }} />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
};
