import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a reader finds in a PDF: its pages' text, one line per text run, and how many images it draws. */
export interface ReadPdf {
  readonly pages: number;
  readonly text: string;
  readonly images: number;
}

/** Reads a PDF back the way a person's viewer would (pdf.js), for tests of what a letter contains. */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // pdf.js takes ownership of the array it is given, so it gets a copy.
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, disableFontFace: true });
  const pdf = await task.promise;
  try {
    const lines: string[] = [];
    let images = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      for (const item of (await page.getTextContent()).items) if ('str' in item && item.str.trim()) lines.push(item.str);
      images += (await page.getOperatorList()).fnArray.filter((fn) => fn === OPS.paintImageXObject).length;
    }
    return { pages: pdf.numPages, text: lines.join('\n'), images };
  } finally {
    await task.destroy();
  }
}
