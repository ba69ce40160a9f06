/** The office that runs the SOP, as citizens and staff read its name. */
export const OFFICE = {
  name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo',
  shortName: 'Disdukcapil Kota Probolinggo',
  address: 'Kota Probolinggo, Jawa Timur',
} as const;
