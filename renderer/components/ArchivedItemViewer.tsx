import { useEffect, useId, useRef, useState } from 'react';
import type { ArchivedPage } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { ShowInFolderButton } from './ShowInFolderButton.tsx';

/**
 * One archived item. Pages render in a frame with an empty sandbox: no scripts, no forms, no
 * same-origin access, whatever the archived HTML says; files open in the system's own app.
 */
export function ArchivedItemViewer({ page, onClose }: { page: ArchivedPage; onClose(): void }) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => headingRef.current?.focus(), [page.itemId]);

  const openFile = () => {
    setError(null);
    api['shell.openPath']({ path: page.archivePath }).catch(setError);
  };

  return (
    <section className="panel item-viewer" aria-labelledby={`${id}-h`}>
      <div className="viewer-head">
        <h2 id={`${id}-h`} ref={headingRef} tabIndex={-1}>{page.title || t.common.untitled}</h2>
        <button type="button" className="button button-small" onClick={onClose}>{t.common.close}</button>
      </div>
      <p className="hint">
        {t.library.fromArchive(`${page.archivePath} › ${page.entryPath}`)}{' '}
        <ShowInFolderButton path={page.archivePath} />
      </p>
      {page.html !== null && (
        <iframe className="viewer-frame" sandbox="" srcDoc={page.html} title={t.library.viewerFrame(page.title || t.common.untitled)} referrerPolicy="no-referrer" />
      )}
      {page.file !== null && (
        <div className="viewer-file">
          <p>{t.library.viewerFile(page.file.mediaType, fmt.bytes(page.file.size))}</p>
          <button type="button" className="button" onClick={openFile}>{t.library.openFile}</button>
        </div>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}
