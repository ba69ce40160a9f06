/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { FaqPage } from '../../dashboard/src/site/FaqPage';

const entry = (documentId: string, question: string, serviceCategory: string) => ({ documentId, question, answer: `Jawaban ${documentId}.`, serviceCategory, keywords: [] });
const ALL = [entry('a', 'Apa saja syarat membuat KIA?', 'kia'), entry('b', 'Apa saja syarat mengurus akta kelahiran?', 'akta_kelahiran'), entry('c', 'Apakah pengurusan akta kelahiran dikenai biaya?', 'akta_kelahiran')];

/** The public FAQ page, with the server's list and its search engine's answer for "akte kelahiran". */
function renderFaq() {
  const asked: string[] = [];
  global.fetch = jest.fn(async (url: string) => {
    asked.push(url);
    const q = new URL(url, 'http://site').searchParams.get('q');
    const data = q === null ? ALL : q === 'akte kelahiran' ? [ALL[2], ALL[1]] : [];
    return { ok: true, status: 200, statusText: 'OK', json: async () => ({ data }) } as Response;
  }) as never;
  render(
    <MemoryRouter>
      <FaqPage />
    </MemoryRouter>,
  );
  return asked;
}

describe('the public FAQ page', () => {
  it('lists every entry by service, and as the citizen types, the server’s best matches in its order', async () => {
    const asked = renderFaq();
    await screen.findByText('Apa saja syarat membuat KIA?');
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'akte kelahiran' } });
    const results = await screen.findByTestId('faq-results');
    expect(within(results).getAllByRole('group').map((item) => item.querySelector('summary')!.textContent)).toEqual([
      'Apakah pengurusan akta kelahiran dikenai biaya?',
      'Apa saja syarat mengurus akta kelahiran?',
    ]);
    expect(screen.queryByText('Apa saja syarat membuat KIA?')).toBeNull();
    expect(asked.at(-1)).toContain('q=akte%20kelahiran');
  });

  it('says so when nothing matches, and shows the whole list again once the search is cleared', async () => {
    renderFaq();
    await screen.findByText('Apa saja syarat membuat KIA?');
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'resep rendang' } });
    await screen.findByText('Tidak ada pertanyaan yang cocok. Silakan ajukan pertanyaan Anda.');
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '' } });
    await waitFor(() => expect(screen.getByText('Apa saja syarat membuat KIA?')).toBeTruthy());
  });
});
