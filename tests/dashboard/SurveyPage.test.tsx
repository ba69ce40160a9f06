/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { SKM_ELEMENTS, SKM_QUESTIONS } from '@layanan/config';
import { SurveyPage } from '../../dashboard/src/site/SurveyPage';

/** The survey reached from the tracking link; fetch answers as the server would (the look-up says whether it was given). */
function renderSurvey(answer: (body: { data: { scores: Record<string, number>; comment?: string } }) => { status: number; body: object }, given = false) {
  const requests: { url: string; body: { data: { code: string; token: string; scores: Record<string, number>; comment?: string } } }[] = [];
  global.fetch = jest.fn(async (url: string, init: RequestInit) => {
    if (url.startsWith('/api/public/track/')) {
      return { ok: true, status: 200, statusText: 'OK', json: async () => ({ data: { code: 'INF-2606-00042', survey: { given, open: !given } } }) } as Response;
    }
    const body = JSON.parse(String(init.body));
    requests.push({ url, body });
    const { status, body: reply } = answer(body);
    return { ok: status < 400, status, statusText: 'x', json: async () => reply } as Response;
  }) as never;
  render(
    <MemoryRouter initialEntries={['/survei/INF-2606-00042?token=rahasia']}>
      <Routes>
        <Route path="/survei/:code" element={<SurveyPage />} />
      </Routes>
    </MemoryRouter>,
  );
  return requests;
}

/** Answers one element's question, by its element code (U1 … U9) and a score 1 … 4. */
const rate = (element: string, score: number) => {
  const group = screen.getByRole('group', { name: new RegExp(SKM_QUESTIONS[element as keyof typeof SKM_QUESTIONS].question.replace(/[?/]/g, '.')) });
  fireEvent.click(within(group).getByLabelText(SKM_QUESTIONS[element as keyof typeof SKM_QUESTIONS].answers[score - 1]));
};
const ALL_BUT_U1 = SKM_ELEMENTS.filter((element) => element !== 'U1');

describe('the public survey page (SKM)', () => {
  it('asks the instrument’s nine questions, each with its own answers, and sends their scores with the code and token of the link', async () => {
    const requests = renderSurvey(() => ({ status: 201, body: { data: { code: 'INF-2606-00042', at: '2026-06-10T02:00:00Z', message: 'Terima kasih.' } } }));
    expect(screen.getAllByRole('group')).toHaveLength(9);
    // A free service is rated by what it cost, not "Tidak baik … Sangat baik".
    expect(within(screen.getByRole('group', { name: /biaya.tarif/ })).getByLabelText('Gratis')).toBeTruthy();
    for (const element of ['U1', 'U4', 'U9']) rate(element, 4);
    for (const element of ['U2', 'U3', 'U5', 'U6', 'U7', 'U8']) rate(element, 3);
    fireEvent.change(screen.getByLabelText('Saran dan masukan (tidak wajib)'), { target: { value: 'Petugas ramah.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kirim penilaian' }));
    await waitFor(() => expect(screen.getByTestId('survey-thanks')).toBeTruthy());
    expect(requests).toHaveLength(1);
    expect(requests[0].url).toBe('/api/public/surveys');
    expect(requests[0].body.data).toEqual({
      code: 'INF-2606-00042',
      token: 'rahasia',
      comment: 'Petugas ramah.',
      scores: Object.fromEntries(SKM_ELEMENTS.map((e) => [e, ['U1', 'U4', 'U9'].includes(e) ? 4 : 3])),
    });
  });

  it('sends nothing until every element has a score, and marks the ones left', async () => {
    const requests = renderSurvey(() => ({ status: 201, body: {} }));
    rate('U1', 2);
    fireEvent.click(screen.getByRole('button', { name: 'Kirim penilaian' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Mohon jawab setiap pertanyaan yang ditandai.');
    expect(document.querySelectorAll('.survey-item--missing')).toHaveLength(8);
    expect(requests).toHaveLength(0);

    rate('U4', 4);
    expect(document.querySelectorAll('.survey-item--missing')).toHaveLength(7);
    expect(screen.getByRole('alert')).toBeTruthy();
    for (const element of ALL_BUT_U1.filter((element) => element !== 'U4')) rate(element, 3);
    expect(document.querySelectorAll('.survey-item--missing')).toHaveLength(0);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the server\'s message when the request was rated already', async () => {
    renderSurvey(() => ({ status: 409, body: { error: { status: 409, message: 'Survei untuk permohonan ini sudah diisi. Terima kasih atas penilaian Anda.' } } }));
    for (const element of SKM_ELEMENTS) rate(element, 4);
    fireEvent.click(screen.getByRole('button', { name: 'Kirim penilaian' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Survei untuk permohonan ini sudah diisi. Terima kasih atas penilaian Anda.');
  });

  it('says at once that a survey already given was given, without asking the nine questions again', async () => {
    const requests = renderSurvey(() => ({ status: 201, body: {} }), true);
    expect((await screen.findByTestId('survey-given')).textContent).toContain('Survei ini sudah Anda isi');
    expect(screen.queryAllByRole('group')).toHaveLength(0);
    expect(requests).toHaveLength(0);
  });
});
