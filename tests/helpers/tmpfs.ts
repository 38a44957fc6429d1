import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';

/**
 * Small real file systems (tmpfs) to fill up, standing in for a full USB stick. Mounting needs
 * root, which CI and the development machines have; elsewhere `available` is false.
 */
export function useTmpfs(): { available: boolean; mount(dir: string, megabytes: number): boolean; unmount(dir: string): void } {
  const mounted: string[] = [];
  const mount = (dir: string, megabytes: number): boolean => {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'ignore' });
      mounted.push(dir);
      return true;
    } catch {
      return false;
    }
  };
  const unmount = (dir: string): void => {
    execFileSync('umount', [dir], { stdio: 'ignore' });
    mounted.splice(mounted.indexOf(dir), 1);
  };
  afterEach(() => {
    for (const dir of mounted.splice(0)) execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  });
  const probe = path.join(process.env['TMPDIR'] ?? '/tmp', `twinarchive-mount-probe-${process.pid}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(probe, { recursive: true });
  const available = mount(probe, 1);
  if (available) unmount(probe);
  else console.log('full-disk tests skipped: this machine cannot mount a tmpfs (needs root)');
  return { available, mount, unmount };
}
