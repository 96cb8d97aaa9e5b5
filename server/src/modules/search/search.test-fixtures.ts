import { strToU8, zipSync } from 'fflate';

/**
 * Small but valid files generated in memory for the extraction tests: no binary fixtures in the repository, and each
 * file holds exactly the words a test looks for.
 */

/** A one-page PDF whose content stream shows `text` in Helvetica, with a correct cross-reference table. */
export function minimalPdf(text: string): Uint8Array {
  const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 12 Tf 72 720 Td (${escaped}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(pdf);
}

const xmlHeader = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const zip = (parts: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)])));

/** A Word document: one paragraph per entry, each split into two runs mid-word (as Word often does). */
export function minimalDocx(paragraphs: string[]): Uint8Array {
  const body = paragraphs
    .map((text) => {
      const cut = Math.ceil(text.length / 2);
      return `<w:p><w:r><w:t>${text.slice(0, cut)}</w:t></w:r><w:r><w:t xml:space="preserve">${text.slice(cut)}</w:t></w:r></w:p>`;
    })
    .join('');
  return zip({
    '[Content_Types].xml': `${xmlHeader}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    'word/document.xml': `${xmlHeader}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:p><w:r><w:delText>deletedword</w:delText><w:instrText>HYPERLINK</w:instrText></w:r></w:p></w:body></w:document>`,
  });
}

/** A PowerPoint deck: one slide per entry (slide10 after slide2, as numbers sort). */
export function minimalPptx(slides: string[]): Uint8Array {
  const parts: Record<string, string> = {};
  slides.forEach((text, index) => {
    parts[`ppt/slides/slide${index + 1}.xml`] =
      `${xmlHeader}<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>${text}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>`;
  });
  return zip(parts);
}

/** A workbook: shared strings plus one inline string in the sheet; numeric cells must not leak into the text. */
export function minimalXlsx(shared: string[], inline: string): Uint8Array {
  const strings = shared.map((text) => `<si><t>${text}</t></si>`).join('');
  return zip({
    'xl/sharedStrings.xml': `${xmlHeader}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}">${strings}</sst>`,
    'xl/worksheets/sheet1.xml': `${xmlHeader}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>987654</v></c><c r="C1" t="inlineStr"><is><t>${inline}</t></is></c></row></sheetData></worksheet>`,
  });
}

/** An OpenDocument text (odt) with headings, spans and an explicit space element. */
export function minimalOdt(heading: string, paragraph: string): Uint8Array {
  return zip({
    mimetype: 'application/vnd.oasis.opendocument.text',
    'content.xml': `${xmlHeader}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:automatic-styles><style:style>ignored-style</style:style></office:automatic-styles><office:body><office:text><text:h>${heading}</text:h><text:p><text:span>${paragraph}</text:span><text:s/>tail</text:p></office:text></office:body></office:document-content>`,
  });
}
