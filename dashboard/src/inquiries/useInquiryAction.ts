import { useCallback } from 'react';
import { useDataProvider } from 'react-admin';
import type { Action } from '@layanan/config';
import type { LayananDataProvider } from '../providers/dataProvider';
import type { Inquiry } from '../types';

export interface ActionInput {
  division?: string;
  note?: string;
  information?: string;
  answer?: string;
  faqEntry?: string;
  reason?: string;
}

/** One SOP action through the data provider's domain methods; resolves with the inquiry as it now is. */
export function useInquiryAction() {
  const dataProvider = useDataProvider<LayananDataProvider>();
  return useCallback(
    (action: Action, id: string, input: ActionInput): Promise<Inquiry> => {
      switch (action) {
        case 'triage':
          return dataProvider.triageInquiry(id, { division: input.division ?? '', ...(input.note ? { note: input.note } : {}) });
        case 'coordinate':
          return dataProvider.coordinateInquiry(id, { information: input.information ?? '' });
        case 'answer':
          return dataProvider.answerInquiry(id, { answer: input.answer ?? '', ...(input.faqEntry ? { faqEntry: input.faqEntry } : {}) });
        case 'close':
          return dataProvider.closeInquiry(id, input.reason ? { reason: input.reason } : {});
        case 'reject':
          return dataProvider.rejectInquiry(id, { reason: input.reason ?? '' });
      }
    },
    [dataProvider],
  );
}
