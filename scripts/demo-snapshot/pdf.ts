/**
 * A one-page PDF written by hand: ASCII only, so string length is byte length and the xref
 * offsets computed here are the real ones.
 */
export interface PdfLine {
  text: string;
  size: number;
  bold?: boolean;
  /** Distance from the bottom of an A4 page, in points. */
  y: number;
}

const escapePdfText = (text: string): string => text.replace(/[\\()]/g, (char) => `\\${char}`);

function contentStream(lines: readonly PdfLine[]): string {
  const frame = '0.0 0.2 0.6 RG 4 w 30 30 535 782 re S 1 w 40 40 515 762 re S';
  const texts = lines.map((line) => {
    // Helvetica averages about half an em per character: good enough to centre a line.
    const x = Math.max(40, Math.round((595 - line.text.length * line.size * 0.5) / 2));
    return `BT /${line.bold ? 'F1' : 'F2'} ${line.size} Tf ${x} ${line.y} Td (${escapePdfText(line.text)}) Tj ET`;
  });
  return [frame, '0 0 0 rg', ...texts].join('\n');
}

export function makePdf(title: string, author: string, lines: readonly PdfLine[]): string {
  if (/[^\x20-\x7e]/.test(title + author + lines.map((line) => line.text).join(''))) {
    throw new Error('the hand-written PDF takes printable ASCII only');
  }
  const stream = contentStream(lines);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] '
      + '/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    `<< /Title (${escapePdfText(title)}) /Author (${escapePdfText(author)}) /Producer (TwinArchive demo generator) >>`,
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  text += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\n`;
  text += `startxref\n${xrefAt}\n%%EOF\n`;
  return text;
}
