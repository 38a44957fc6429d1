import type { Snapshot, SnapshotItem } from '../../electron/core/sample-platform/snapshot-schema.ts';

/** Pieces for sample-platform snapshots of a school whose colleagues archive together. */

export interface Teacher {
  id: string;
  login: string;
  password: string;
  name: string;
}

export const AN: Teacher = { id: 'u1', login: 'an.peeters', password: 'an-secret', name: 'An Peeters' };
export const BO: Teacher = { id: 'u2', login: 'bo.janssens', password: 'bo-secret', name: 'Bo Janssens' };

export function account(teacher: Teacher): Snapshot['accounts'][number] {
  return { id: teacher.id, login: teacher.login, password: teacher.password, name: teacher.name, email: `${teacher.login}@school.example`, hasEtwinningAccount: true, hasSegAccount: false };
}

export function twinSpace(id: string, title: string, member: string): Snapshot['spaces'][number] {
  return { id, kind: 'twinspace', title, createdAt: '2017-09-01T08:00:00Z', members: [member], activity: ['2019-03-01T08:00:00Z'], migrationRequest: 'none' };
}

export function pages(space: string, owner: string, count: number, prefix: string): SnapshotItem[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}-p${index}`, owner, space, type: 'page' as const, title: `${prefix} page ${index}`, createdAt: '2019-05-01T10:00:00Z',
    body: `<h1>${prefix} ${index}</h1><p>Wat we samen leerden, deel ${index}.</p>`,
  }));
}

export function files(space: string | null, owner: string, count: number, prefix: string, size: number, type: 'material' | 'photo' = 'material'): SnapshotItem[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}-f${index}`, owner, space, type, title: `${prefix} foto ${index}.jpg`, createdAt: '2019-05-02T10:00:00Z',
    file: { name: `${prefix} foto ${index}.jpg`, mediaType: 'image/jpeg', content: { kind: 'generated' as const, seed: `${prefix}-${index}`, size: size + index } },
  }));
}
