/** The part of pdfmake 0.3's server API the Rekap Informasi uses (the package ships no types). */
declare module 'pdfmake' {
  interface OutputDocument {
    getStream(): Promise<NodeJS.ReadableStream & { end(): void }>;
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(definition: object): OutputDocument;
  }
  const pdfmake: PdfMake;
  export = pdfmake;
}
