/**
 * Where the platform's original body of a page is kept, byte for byte: under `originals/`,
 * mirroring the page's own path (so it is as unique as the page), with `.txt` appended so that
 * a browser shows it as text and never renders it.
 * `spaces/Climate Action/pages/Welcome.html` -> `originals/spaces/Climate Action/pages/Welcome.html.txt`
 */
export function originalEntryName(pageEntryName: string): string {
  return `originals/${pageEntryName}.txt`;
}
