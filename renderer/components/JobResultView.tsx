import { useId } from 'react';
import type { JobState } from '../../shared/contract.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { ShowInFolderButton } from './ShowInFolderButton.tsx';
import { VerifyPanel } from './VerifyPanel.tsx';

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The end of a job: what was written where, what could not be fetched, and a check. */
export function JobResultView({ job, onOpenLibrary, onNew }: { job: JobState; onOpenLibrary(): void; onNew(): void }) {
  const { t, fmt } = useI18n();
  const id = useId();
  const itemCount = job.archives.reduce((sum, archive) => sum + archive.items, 0);
  const heading = job.status === 'done' ? t.archive.doneHeading : job.status === 'failed' ? t.archive.failedHeading : t.archive.cancelledHeading;
  return (
    <section className="panel job-result" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{heading}</h2>
      <ErrorAlert error={job.error} />
      <p>
        {t.archive.writtenTo(job.destination)}{' '}
        <ShowInFolderButton path={job.destination} />
      </p>
      {job.archives.length > 0 && (
        <p className="result-summary">
          {t.archive.summary(
            job.archives.length, fmt.number(job.archives.length),
            t.common.items(itemCount, fmt.number(itemCount)), fmt.bytes(job.archives.reduce((sum, archive) => sum + archive.size, 0)),
          )}
        </p>
      )}
      {job.archives.length > 0 && <VerifyPanel label={t.archive.verify} />}
      <div className="actions">
        <button type="button" className="button" onClick={onOpenLibrary}>{t.archive.openLibrary}</button>
        <button type="button" className="button" onClick={onNew}>{t.archive.newArchive}</button>
      </div>
      {job.archives.length === 0 ? (
        <p>{t.archive.noArchives}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t.archive.archivesLabel}</caption>
            <thead>
              <tr>
                <th scope="col">{t.archive.archiveColumns.title}</th>
                <th scope="col">{t.archive.archiveColumns.part}</th>
                <th scope="col" className="num">{t.archive.archiveColumns.items}</th>
                <th scope="col" className="num">{t.archive.archiveColumns.size}</th>
                <th scope="col">{t.archive.archiveColumns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {job.archives.map((archive) => (
                <tr key={archive.path}>
                  <th scope="row">
                    <span className="archive-title">{archive.title}</span>
                    <span className="archive-file">{fileName(archive.path)}</span>
                  </th>
                  <td>{t.archive.partOf(fmt.number(archive.part), fmt.number(archive.parts))}</td>
                  <td className="num">{fmt.number(archive.items)}</td>
                  <td className="num">{fmt.bytes(archive.size)}</td>
                  <td><ShowInFolderButton path={archive.path} name={fileName(archive.path)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {job.problems.length > 0 && (
        <section aria-labelledby={`${id}-problems`}>
          <h3 id={`${id}-problems`}>{t.archive.problemsHeading}</h3>
          <p>{t.archive.problemsIntro}</p>
          <ul className="problem-list">
            {job.problems.map((problem) => (
              <li key={problem.itemId}><span className="problem-where">{problem.title || t.common.untitled}</span> <span>{problem.problem}</span></li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
