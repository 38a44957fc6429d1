/** Names that are valid text but that a disk or an unzip tool treats as something else. */

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '\u00B9', '\u00B2', '\u00B3'];

// COM0 and LPT0 are on Microsoft's list since 2023 although only some Windows versions refuse
// them; prefixing a name that could still be created is cheaper than a file that cannot.
const WINDOWS_DEVICE_NAMES = new Set([
  'CON',
  'PRN',
  'AUX',
  'NUL',
  'CONIN$',
  'CONOUT$',
  ...DIGITS.map((digit) => `COM${digit}`),
  ...DIGITS.map((digit) => `LPT${digit}`),
]);

const LONGEST_DEVICE_NAME = Math.max(...[...WINDOWS_DEVICE_NAMES].map((name) => name.length));
const MAC_METADATA_FOLDER = '__MACOSX';

/** Windows opens a device instead of the file for `CON`, `con.txt`, `Lpt1 .tar.gz` and the like. */
export function isWindowsDeviceName(component: string): boolean {
  const dot = component.indexOf('.');
  let end = dot < 0 ? component.length : dot;
  while (end > 0 && component.charCodeAt(end - 1) === 0x20) end -= 1;
  // Upper case never has fewer code points, and a code point takes at most two units: a stem
  // of more than 14 units cannot become a device name of at most 7. Most names end here.
  if (end > 2 * LONGEST_DEVICE_NAME) return false;
  return WINDOWS_DEVICE_NAMES.has(component.slice(0, end).toUpperCase());
}

/**
 * macOS Archive Utility treats `._name` as the resource fork of `name` and `__MACOSX` as metadata,
 * so such entries vanish on extraction.
 */
export function isMacMetadataName(component: string): boolean {
  return component.startsWith('._') || (component.length <= 2 * MAC_METADATA_FOLDER.length && component.toUpperCase() === MAC_METADATA_FOLDER);
}

export function needsProtectivePrefix(component: string): boolean {
  return isWindowsDeviceName(component) || isMacMetadataName(component);
}
