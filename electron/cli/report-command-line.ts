/** A shell word: left bare when it is safe, else in single quotes. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/** The `twinarchive report --from-library` command that writes one account's last scan. */
export function reportCommand(options: { source: string; accountId: string; dataDir: string | null; format: string; out: string }): string {
  return [
    'twinarchive report --from-library',
    `--source ${shellWord(options.source)}`,
    `--account ${shellWord(options.accountId)}`,
    ...(options.dataDir === null ? [] : [`--data-dir ${shellWord(options.dataDir)}`]),
    `--format ${options.format}`,
    `--out ${shellWord(options.out)}`,
  ].join(' ');
}
