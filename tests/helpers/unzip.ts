import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Info-ZIP's `unzip -t`: the real client a teacher's machine would use. */
export async function unzipTest(file: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout } = await run('unzip', ['-t', file], { maxBuffer: 256 * 1024 * 1024 });
    return { ok: true, output: stdout };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** Entry names as Info-ZIP reads them (UTF-8 flag honoured). */
export async function unzipList(file: string): Promise<string[]> {
  const { stdout } = await run('unzip', ['-Z1', file], { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  return stdout.split('\n').filter((line) => line.length > 0);
}

/** Python's zipfile: a third, independent reader. Returns names and a CRC test result. */
export async function pythonZipCheck(file: string): Promise<{ names: string[]; firstBad: string | null }> {
  const script = 'import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({"names":z.namelist(),"firstBad":z.testzip()}))';
  const { stdout } = await run('python3', ['-c', script, file], { maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(stdout) as { names: string[]; firstBad: string | null };
}
