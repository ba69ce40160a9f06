import { lazy, Suspense } from 'react';
import { Link, NavLink, Route, Routes } from 'react-router-dom';
import { SITE_PAGES } from '@layanan/config';
import { siteMessages as m } from './messages';
import { AskPage } from './AskPage';
import { ConfirmationPage } from './ConfirmationPage';
import { TrackPage } from './TrackPage';
import { FaqPage } from './FaqPage';
import { FaqPreviewPage } from './FaqPreviewPage';
import { SurveyPage } from './SurveyPage';
import { ForgotPasswordPage, ResetPasswordPage } from './AccountPages';
import { AccessibilityPage } from './AccessibilityPage';
import { VerifyPage } from './VerifyPage';
import { PrivacyPage } from './PrivacyPage';
import { useOffice } from './office';
import { officeContactLine } from '@layanan/config';

/** Loaded when opened: the figures and their tables stay out of the ask page's first visit. */
const PerformancePage = lazy(() => import('./PerformancePage').then((module) => ({ default: module.PerformancePage })));

/** The Dinas as its profile names it, with its address and contacts: the site's own words hold no office name. */
const OfficeFooter = () => {
  const office = useOffice();
  if (!office) return null;
  const address = [office.address, office.postcode].filter(Boolean).join(' ');
  return (
    <>
      <div>{office.fullName}</div>
      {address && <div className="site__contact">{address}</div>}
      {officeContactLine(office) && <div className="site__contact">{officeContactLine(office)}</div>}
    </>
  );
};

const OfficeName = () => <>{useOffice()?.fullName ?? ''}</>;

/** The citizen's pages: ask, the confirmation with the tracking link, tracking, the survey, the FAQ, document verification, the privacy notice, the service's performance and standard, and the accessibility statement. */
export const SiteApp = () => (
  <div className="site">
    <a className="skip-link" href="#main">
      {m.skip}
    </a>
    <header className="site__header">
      <div className="site__brand">
        <span className="site__logo" aria-hidden="true">
          i
        </span>
        <div>
          <div className="site__title">{m.title}</div>
          <div className="site__office">
            <OfficeName />
          </div>
        </div>
      </div>
      <nav className="site__nav">
        <NavLink to={SITE_PAGES.ask} end>
          {m.nav.ask}
        </NavLink>
        <NavLink to={SITE_PAGES.trackForm}>{m.nav.track}</NavLink>
        <NavLink to={SITE_PAGES.faq}>{m.nav.faq}</NavLink>
        <NavLink to={SITE_PAGES.performance}>{m.nav.performance}</NavLink>
      </nav>
    </header>
    <main className="site__main" id="main" tabIndex={-1}>
      <Routes>
        <Route path={SITE_PAGES.ask} element={<AskPage />} />
        <Route path={SITE_PAGES.sent} element={<ConfirmationPage />} />
        <Route path={SITE_PAGES.trackForm} element={<TrackPage />} />
        <Route path={SITE_PAGES.track} element={<TrackPage />} />
        <Route path={SITE_PAGES.faq} element={<FaqPage />} />
        <Route path={SITE_PAGES.faqPreview} element={<FaqPreviewPage />} />
        <Route path={SITE_PAGES.survey} element={<SurveyPage />} />
        <Route path={SITE_PAGES.accessibility} element={<AccessibilityPage />} />
        <Route path={SITE_PAGES.privacy} element={<PrivacyPage />} />
        <Route path={SITE_PAGES.forgotPassword} element={<ForgotPasswordPage />} />
        <Route path={SITE_PAGES.resetPassword} element={<ResetPasswordPage />} />
        <Route path={SITE_PAGES.verify} element={<VerifyPage />} />
        <Route
          path={SITE_PAGES.performance}
          element={
            <Suspense fallback={<p className="muted">{m.performance.loading}</p>}>
              <PerformancePage />
            </Suspense>
          }
        />
        <Route path="*" element={<AskPage />} />
      </Routes>
    </main>
    <footer className="site__footer">
      <OfficeFooter />
      <Link to={SITE_PAGES.privacy}>{m.footer.privacy}</Link>
      <Link to={SITE_PAGES.accessibility}>{m.footer.accessibility}</Link>
    </footer>
  </div>
);
