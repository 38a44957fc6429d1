import { describe, expect, it } from 'vitest';
import { prepareForViewer, resolveEntry } from '../../electron/core/app/viewer-page.ts';

describe('archived pages in the app viewer', () => {
  it('resolves relative links inside the ZIP and nothing outside it', () => {
    expect(resolveEntry('Pages/Welcome.html', '../Materials/poster%20(i-1).jpg')).toBe('Materials/poster (i-1).jpg');
    expect(resolveEntry('Pages/Welcome.html', 'pic%23%3F.png')).toBe('Pages/pic#?.png');
    expect(resolveEntry('Pages/Welcome.html', '../../etc/passwd')).toBeNull();
    expect(resolveEntry('Pages/Welcome.html', 'https://tracker.example/p.gif')).toBeNull();
    expect(resolveEntry('Pages/Welcome.html', '/abs.png')).toBeNull();
    expect(resolveEntry('Pages/Welcome.html', '%E0%A4%A.png')).toBeNull();
  });

  it('puts a stricter CSP first and inlines the page\'s own images', async () => {
    const html = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><img alt="x" src="../Photos/a%20b.png"><img src="missing.png"></body></html>';
    const read = async (name: string) => (name === 'Photos/a b.png' ? Buffer.from([1, 2, 3]) : null);
    const viewed = await prepareForViewer(html, 'Pages/P.html', read);
    expect(viewed.indexOf('Content-Security-Policy')).toBeLessThan(viewed.indexOf('<body'));
    expect(viewed).toContain('img-src data:');
    expect(viewed).toContain('src="data:image/png;base64,AQID"');
    expect(viewed).toContain('src="missing.png"');
  });
});
