import { useLocale, useTranslate } from 'react-admin';
import { QRCodeSVG } from 'qrcode.react';
import type { Receipt } from '../types';
import { formatDayDateTime, formatLongDateTime, intlLocale } from '../format';
import { officeHoursLines, type ReceiptLayout } from './receiptLayout';

/** The Tanda Terima itself, as printed: the same facts on every paper, the paper's width decides the rest. */
export const ReceiptSheet = ({ receipt, layout }: { receipt: Receipt; layout: ReceiptLayout }) => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const t = (key: string, args?: Record<string, unknown>) => translate(`layanan.receipt.${key}`, args);
  const link = new URL(receipt.trackingUrl, window.location.origin).href;
  const hours = officeHoursLines(receipt.officeHours, (day) => translate(`layanan.officeDay.${day}`));
  return (
    <article className={`receipt receipt--${layout}`} data-testid="receipt" data-layout={layout} data-code={receipt.code}>
      <header className="receipt__office">{receipt.office}</header>
      <h1 className="receipt__title">{t('heading')}</h1>
      <div className="receipt__code-label">{t('code')}</div>
      <div className="receipt__code" data-testid="receipt-code">
        {receipt.code}
      </div>
      <p className="receipt__received">
        {t('received', { time: formatLongDateTime(receipt.receivedAt, locale), channel: translate(`layanan.channel.${receipt.channel}`) })}
      </p>
      <section className="receipt__next">
        {receipt.answerDueBy ? (
          <>
            <p>{t('next')}</p>
            <p className="receipt__due" data-testid="receipt-due">
              {t('due', { time: formatDayDateTime(receipt.answerDueBy, locale) })}
            </p>
            {receipt.clockMode === 'working' && <p className="receipt__small">{t('due_working')}</p>}
          </>
        ) : (
          <p>{t('answered')}</p>
        )}
      </section>
      <section className="receipt__track">
        <QRCodeSVG className="receipt__qr" value={link} level="M" marginSize={2} role="img" aria-label={t('qr', { code: receipt.code })} data-testid="receipt-qr" />
        <p className="receipt__small">{t('scan')}</p>
        <p className="receipt__link" data-testid="receipt-link">
          {link}
        </p>
      </section>
      <section className="receipt__hours">
        <h2>{t('hours')}</h2>
        {hours.map((line) => (
          <div key={line}>{line}</div>
        ))}
      </section>
      <section className="receipt__privacy">
        <h2>{t('privacy_title')}</h2>
        {receipt.privacy ? (
          <>
            <p data-testid="receipt-privacy">{receipt.privacy.summary}</p>
            <p className="receipt__small">{t('privacy_more', { url: new URL(receipt.privacy.url, window.location.origin).href.replace(/^https?:\/\//, ''), version: receipt.privacy.version })}</p>
          </>
        ) : (
          <p>{t('privacy', { office: receipt.office })}</p>
        )}
      </section>
    </article>
  );
};
