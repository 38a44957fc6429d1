import type { FileContent } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { encodePalettePng, type Rgb } from './png.ts';
import { makePdf } from './pdf.ts';

/** The few real files of the demo world: what a teacher sees when opening the archive. */

const base64 = (bytes: Buffer): FileContent => ({ kind: 'base64', data: bytes.toString('base64') });

function insidePolygon(x: number, y: number, points: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let index = 0, previous = points.length - 1; index < points.length; previous = index, index += 1) {
    const [xi, yi] = points[index] as readonly [number, number];
    const [xj, yj] = points[previous] as readonly [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function starPoints(cx: number, cy: number, outer: number): [number, number][] {
  return Array.from({ length: 10 }, (_, index) => {
    const radius = index % 2 === 0 ? outer : outer * 0.382;
    const angle = -Math.PI / 2 + (index * Math.PI) / 5;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
  });
}

/** The European flag, 150 x 100: twelve gold stars on blue. */
export function europeanFlagPng(): FileContent {
  const stars = Array.from({ length: 12 }, (_, index) => {
    const angle = (index * Math.PI) / 6;
    return starPoints(75 + 33 * Math.sin(angle), 50 - 33 * Math.cos(angle), 6.5);
  });
  const palette: Rgb[] = [[0, 51, 153], [255, 204, 0]];
  return base64(encodePalettePng(150, 100, palette, (x, y) =>
    stars.some((star) => insidePolygon(x + 0.5, y + 0.5, star)) ? 1 : 0));
}

const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number): boolean =>
  ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

/** A drawn portrait, 96 x 96, for the demo teacher's profile photo. */
export function avatarPng(): FileContent {
  const palette: Rgb[] = [
    [205, 228, 242], [96, 62, 38], [241, 203, 172], [0, 122, 112], [45, 45, 52], [196, 84, 84],
  ];
  const [background, hair, skin, shirt, eye, mouth] = [0, 1, 2, 3, 4, 5];
  return base64(encodePalettePng(96, 96, palette, (x, y) => {
    if (inEllipse(x, y, 41, 39, 2.2, 2.2) || inEllipse(x, y, 55, 39, 2.2, 2.2)) return eye;
    if (inEllipse(x, y, 48, 50, 6, 2.5) && y >= 50) return mouth;
    if (inEllipse(x, y, 48, 42, 16, 20) && !(y < 30 && inEllipse(x, y, 48, 36, 24, 14))) return skin;
    if (inEllipse(x, y, 48, 40, 24, 26) && y < 66) return hair;
    if (inEllipse(x, y, 48, 104, 38, 36)) return shirt;
    return background;
  }));
}

/** Pixel art of a river landscape, 128 x 80, as a class drew it for "Our Rivers, Our Future". */
export function riverLandscapePng(): FileContent {
  const palette: Rgb[] = [
    [135, 196, 235], [170, 214, 240], [255, 214, 74], [92, 160, 72], [58, 122, 58],
    [40, 110, 190], [210, 235, 250], [120, 84, 52],
  ];
  const [sky, haze, sun, hill, farHill, river, ripple, trunk] = [0, 1, 2, 3, 4, 5, 6, 7];
  return base64(encodePalettePng(128, 80, palette, (x, y) => {
    const riverCentre = 64 + 18 * Math.sin(y / 9) * (y / 80);
    const riverHalfWidth = 2 + y / 7;
    if (y > 34 && Math.abs(x - riverCentre) < riverHalfWidth) return (x + y) % 11 === 0 ? ripple : river;
    if (Math.abs(x - 22) <= 1 && y > 44 && y < 56) return trunk;
    if (inEllipse(x, y, 22, 41, 6, 7)) return farHill;
    if (y > 44 + 6 * Math.sin(x / 13)) return hill;
    if (y > 30 + 5 * Math.sin(x / 7 + 1)) return farHill;
    if (inEllipse(x, y, 100, 14, 8, 8)) return sun;
    return y > 22 ? haze : sky;
  }));
}

/** The certificate of the National Quality Label, as the support office sent it. */
export function qualityLabelCertificatePdf(): FileContent {
  return {
    kind: 'text',
    text: makePdf('National Quality Label 2021', 'eTwinning National Support Organisation Flanders', [
      { text: 'eTwinning', size: 20, bold: true, y: 740 },
      { text: 'NATIONAL QUALITY LABEL 2021', size: 26, bold: true, y: 660 },
      { text: 'awarded to', size: 14, y: 600 },
      { text: 'Lotte Janssens', size: 22, bold: true, y: 560 },
      { text: 'GO! Atheneum Mechelen, Belgium', size: 14, y: 530 },
      { text: 'for the project', size: 14, y: 480 },
      { text: 'Our Rivers, Our Future', size: 20, bold: true, y: 445 },
      { text: 'in recognition of excellent work in eTwinning', size: 12, y: 380 },
      { text: 'Brussels, 15 October 2021', size: 12, y: 200 },
      { text: 'eTwinning National Support Organisation Flanders', size: 10, y: 170 },
    ]),
  };
}

/** Measurements of the partner classes, as exported from a shared spreadsheet. */
export function waterQualityCsv(): FileContent {
  const rows = [
    ['datum', 'school', 'rivier', 'plaats', 'temperatuur_C', 'pH', 'nitraat_mg_l', 'opmerking'],
    ['2019-10-08', 'GO! Atheneum Mechelen', 'Dijle', 'Mechelen', '13.5', '7.6', '18', 'helder water'],
    ['2019-10-09', '12ο Δημοτικό Σχολείο Θεσσαλονίκης', 'Αξιός', 'Θεσσαλονίκη', '17.0', '8.1', '22', 'πολλά πουλιά'],
    ['2019-11-12', 'GO! Atheneum Mechelen', 'Dijle', 'Mechelen', '10.0', '7.4', '25', '"veel blad, wat schuim"'],
    ['2019-11-13', '12ο Δημοτικό Σχολείο Θεσσαλονίκης', 'Αξιός', 'Θεσσαλονίκη', '14.5', '8.0', '24', ''],
    ['2020-02-04', 'GO! Atheneum Mechelen', 'Schelde', 'Antwerpen', '6.5', '7.8', '31', 'hoog water, "springtij"'],
    ['2020-02-05', 'Basisschool De Regenboog', 'Leie', 'Gent', '6.0', '7.5', '27', 'koud! ❄'],
  ];
  const cell = (value: string): string => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return { kind: 'text', text: `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n` };
}

/** A plain text note whose name (CON.txt) Windows refuses. */
export function lessonNotesText(): FileContent {
  return {
    kind: 'text',
    text: 'Les 3 – nepnieuws herkennen\n\n1. Wie heeft het geschreven?\n2. Wanneer?\n'
      + '3. Welke bronnen worden genoemd?\n4. Zoek de foto op met een omgekeerde zoekopdracht.\n',
  };
}
