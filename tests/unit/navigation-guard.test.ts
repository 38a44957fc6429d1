import { describe, expect, it } from 'vitest';
import { decideNavigation, externalUrlToOpen } from '../../electron/main/external-links.ts';
import { isAllowedPdfRequest } from '../../electron/main/pdf/pdf-requests.ts';

describe('externalUrlToOpen', () => {
  it('lets http and https addresses go to the system browser', () => {
    expect(externalUrlToOpen('https://school-education.ec.europa.eu/en/etwinning')).toBe('https://school-education.ec.europa.eu/en/etwinning');
    expect(externalUrlToOpen('http://example.org')).toBe('http://example.org/');
  });

  it('refuses every other scheme and anything that does not parse', () => {
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share/setup.exe',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/etc/passwd',
      'app://twinarchive/index.html',
      'data:text/html,<script>1</script>',
      'mailto:someone@example.org',
      'https//missing-colon',
      '',
    ]) {
      expect(externalUrlToOpen(url), url).toBeNull();
    }
  });

  it('refuses addresses with credentials in them', () => {
    expect(externalUrlToOpen('https://user:secret@example.org/')).toBeNull();
  });
});

describe('decideNavigation', () => {
  it('never navigates a window without an allowed origin; web links open outside', () => {
    expect(decideNavigation('https://example.org/', null)).toBe('open-externally');
    expect(decideNavigation('app://twinarchive/other.html', null)).toBe('deny');
    expect(decideNavigation('file:///etc/passwd', null)).toBe('deny');
  });

  it('keeps the login window on the platform\'s origin', () => {
    const platform = 'https://live.etwinning.net';
    expect(decideNavigation('https://live.etwinning.net/login?next=/', platform)).toBe('allow');
    expect(decideNavigation('https://live.etwinning.net/', platform)).toBe('allow');
    expect(decideNavigation('http://live.etwinning.net/', platform)).toBe('open-externally');
    expect(decideNavigation('https://live.etwinning.net.evil.example/', platform)).toBe('open-externally');
    expect(decideNavigation('https://live.etwinning.net:8443/', platform)).toBe('open-externally');
    expect(decideNavigation('file:///etc/passwd', platform)).toBe('deny');
    expect(decideNavigation('nonsense', platform)).toBe('deny');
  });
});

describe('isAllowedPdfRequest', () => {
  const page = 'file:///tmp/twinarchive-pdf-x/report.html';

  it('lets the PDF window load its page and inline data, nothing else', () => {
    expect(isAllowedPdfRequest(page, page)).toBe(true);
    expect(isAllowedPdfRequest('data:image/png;base64,AAAA', page)).toBe(true);
    expect(isAllowedPdfRequest('https://tracker.example/pixel.gif', page)).toBe(false);
    expect(isAllowedPdfRequest('file:///etc/passwd', page)).toBe(false);
    expect(isAllowedPdfRequest('file:///tmp/twinarchive-pdf-x/other.html', page)).toBe(false);
  });
});
