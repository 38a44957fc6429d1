import type { ArchiveRecord } from '../../shared/contract.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ShowInFolderButton } from './ShowInFolderButton.tsx';

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function ArchivesTable({ archives }: { archives: readonly ArchiveRecord[] }) {
  const { t, fmt } = useI18n();
  const columns = t.library.columns;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{t.library.archivesLabel}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.title}</th>
            <th scope="col">{columns.part}</th>
            <th scope="col" className="num">{columns.entries}</th>
            <th scope="col" className="num">{columns.size}</th>
            <th scope="col">{columns.createdAt}</th>
            <th scope="col">{columns.actions}</th>
          </tr>
        </thead>
        <tbody>
          {archives.map((archive) => (
            <tr key={archive.id}>
              <th scope="row">
                <span className="archive-title">{archive.title}</span>
                <span className="archive-file">{fileName(archive.path)}</span>
              </th>
              <td>{t.archive.partOf(fmt.number(archive.part), fmt.number(archive.parts))}</td>
              <td className="num">{fmt.number(archive.entryCount)}</td>
              <td className="num">{fmt.bytes(archive.size)}</td>
              <td>{fmt.dateTime(archive.createdAt)}</td>
              <td><ShowInFolderButton path={archive.path} name={fileName(archive.path)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
