import { NavLink, Route, Routes } from 'react-router-dom';
import { siteMessages as m } from './messages';
import { AskPage } from './AskPage';
import { ConfirmationPage } from './ConfirmationPage';
import { TrackPage } from './TrackPage';
import { FaqPage } from './FaqPage';
import { FaqPreviewPage } from './FaqPreviewPage';
import { SurveyPage } from './SurveyPage';

/** The citizen's pages: ask, the confirmation with the tracking link, tracking, the survey, and the FAQ. */
export const SiteApp = () => (
  <div className="site">
    <header className="site__header">
      <div className="site__brand">
        <span className="site__logo" aria-hidden="true">
          i
        </span>
        <div>
          <div className="site__title">{m.title}</div>
          <div className="site__office">{m.office}</div>
        </div>
      </div>
      <nav className="site__nav">
        <NavLink to="/" end>
          {m.nav.ask}
        </NavLink>
        <NavLink to="/lacak">{m.nav.track}</NavLink>
        <NavLink to="/faq">{m.nav.faq}</NavLink>
      </nav>
    </header>
    <main className="site__main">
      <Routes>
        <Route path="/" element={<AskPage />} />
        <Route path="/terkirim" element={<ConfirmationPage />} />
        <Route path="/lacak" element={<TrackPage />} />
        <Route path="/lacak/:code" element={<TrackPage />} />
        <Route path="/faq" element={<FaqPage />} />
        <Route path="/faq/pratinjau/:documentId" element={<FaqPreviewPage />} />
        <Route path="/survei/:code" element={<SurveyPage />} />
        <Route path="*" element={<AskPage />} />
      </Routes>
    </main>
    <footer className="site__footer">{m.office}</footer>
  </div>
);
