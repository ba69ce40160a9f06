import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { siteMessages as m } from './messages';
import { listFaq, type PublicFaq } from './siteApi';

function matches(entry: PublicFaq, words: string[]): boolean {
  const text = `${entry.question} ${entry.answer} ${(entry.keywords ?? []).join(' ')}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

/** One service's questions, as the public FAQ shows them; `open` unfolds the answers. */
export const FaqGroup = ({ category, entries, open = false }: { category: string; entries: PublicFaq[]; open?: boolean }) => (
  <div className="faq__group">
    <h2>{m.category[category] ?? category}</h2>
    {entries.map((entry) => (
      <details key={entry.documentId} className="faq__item" open={open}>
        <summary>{entry.question}</summary>
        <p>{entry.answer}</p>
      </details>
    ))}
  </div>
);

/** The published FAQ, searchable as one types, grouped by service. */
export const FaqPage = () => {
  const [entries, setEntries] = useState<PublicFaq[] | null>(null);
  const [query, setQuery] = useState('');
  useEffect(() => {
    listFaq().then(setEntries, () => setEntries([]));
  }, []);
  const groups = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const found = (entries ?? []).filter((entry) => matches(entry, words));
    const byCategory = new Map<string, PublicFaq[]>();
    for (const entry of found) {
      const key = entry.serviceCategory ?? 'lainnya';
      byCategory.set(key, [...(byCategory.get(key) ?? []), entry]);
    }
    return [...byCategory.entries()];
  }, [entries, query]);
  return (
    <section className="panel" aria-labelledby="faq-heading">
      <h1 id="faq-heading">{m.faq.heading}</h1>
      <input className="faq__search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder={m.faq.search} aria-label={m.faq.search} />
      {entries === null && <p className="muted">{m.faq.loading}</p>}
      {entries !== null && groups.length === 0 && <p className="muted">{m.faq.none}</p>}
      {groups.map(([category, items]) => (
        <FaqGroup key={category} category={category} entries={items} />
      ))}
      <p>
        <Link className="button" to="/">
          {m.faq.ask}
        </Link>
      </p>
    </section>
  );
};
