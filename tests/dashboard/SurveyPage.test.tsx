/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { SKM_ELEMENTS } from '@layanan/config';
import { SurveyPage } from '../../dashboard/src/site/SurveyPage';

/** The survey reached from the tracking link; fetch answers as the server would. */
function renderSurvey(answer: (body: { data: { scores: Record<string, number>; comment?: string } }) => { status: number; body: object }) {
  const requests: { url: string; body: { data: { code: string; token: string; scores: Record<string, number>; comment?: string } } }[] = [];
  global.fetch = jest.fn(async (url: string, init: RequestInit) => {
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

const rate = (element: string, score: number) => {
  const group = screen.getByText((_, node) => node?.tagName === 'LEGEND' && node.textContent?.includes(element) === true).closest('fieldset')!;
  fireEvent.click(within(group).getByDisplayValue(String(score)));
};

describe('the public survey page (SKM)', () => {
  it('asks the nine elements on a scale of 1 to 4 and sends them with the code and token of the link', async () => {
    const requests = renderSurvey(() => ({ status: 201, body: { data: { code: 'INF-2606-00042', at: '2026-06-10T02:00:00Z', message: 'Terima kasih.' } } }));
    expect(screen.getAllByRole('group')).toHaveLength(9);
    for (const label of ['Persyaratan', 'Biaya/tarif', 'Sarana dan prasarana']) rate(label, 4);
    for (const label of ['Sistem, mekanisme dan prosedur', 'Waktu penyelesaian', 'Produk spesifikasi jenis pelayanan', 'Kompetensi pelaksana', 'Perilaku pelaksana', 'Penanganan pengaduan, saran dan masukan']) rate(label, 3);
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
    rate('Persyaratan', 2);
    fireEvent.click(screen.getByRole('button', { name: 'Kirim penilaian' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Mohon beri nilai untuk setiap unsur yang ditandai.');
    expect(document.querySelectorAll('.survey-item--missing')).toHaveLength(8);
    expect(requests).toHaveLength(0);

    rate('Biaya/tarif', 4);
    expect(document.querySelectorAll('.survey-item--missing')).toHaveLength(7);
    expect(screen.getByRole('alert')).toBeTruthy();
    for (const element of ['Sistem, mekanisme dan prosedur', 'Waktu penyelesaian', 'Produk spesifikasi jenis pelayanan', 'Kompetensi pelaksana', 'Perilaku pelaksana', 'Penanganan pengaduan, saran dan masukan', 'Sarana dan prasarana']) rate(element, 3);
    expect(document.querySelectorAll('.survey-item--missing')).toHaveLength(0);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the server\'s message when the request was rated already', async () => {
    renderSurvey(() => ({ status: 409, body: { error: { status: 409, message: 'Survei untuk permohonan ini sudah diisi. Terima kasih atas penilaian Anda.' } } }));
    for (const element of ['Persyaratan', 'Sistem, mekanisme dan prosedur', 'Waktu penyelesaian', 'Biaya/tarif', 'Produk spesifikasi jenis pelayanan', 'Kompetensi pelaksana', 'Perilaku pelaksana', 'Penanganan pengaduan, saran dan masukan', 'Sarana dan prasarana']) rate(element, 4);
    fireEvent.click(screen.getByRole('button', { name: 'Kirim penilaian' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Survei untuk permohonan ini sudah diisi. Terima kasih atas penilaian Anda.');
  });
});
