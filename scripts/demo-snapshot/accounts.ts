import type { SnapshotAccount } from '../../electron/core/sample-platform/snapshot-schema.ts';

/** The people of the demo world. Every password is `demo`. */
export const ACCOUNT_KEYS = ['lotte', 'koen', 'nso', 'sofie', 'eleni'] as const;
export type AccountKey = (typeof ACCOUNT_KEYS)[number];

export const ACCOUNTS: Record<AccountKey, SnapshotAccount> = {
  lotte: {
    id: 'u-101', login: 'lotte.janssens', password: 'demo', name: 'Lotte Janssens',
    email: 'lotte.janssens@school.example', hasEtwinningAccount: true, hasSegAccount: true,
  },
  koen: {
    id: 'u-102', login: 'koen.desmet', password: 'demo', name: 'Koen De Smet',
    email: 'koen.desmet@school.example', hasEtwinningAccount: true, hasSegAccount: false,
  },
  nso: {
    id: 'u-103', login: 'nso.moderator', password: 'demo', name: 'eTwinning NSO Vlaanderen',
    email: 'nso.vlaanderen@support.example', hasEtwinningAccount: true, hasSegAccount: false,
  },
  sofie: {
    id: 'u-104', login: 'sofie.maes', password: 'demo', name: 'Sofie Maes',
    email: 'sofie.maes@school.example', hasEtwinningAccount: true, hasSegAccount: false,
  },
  eleni: {
    id: 'u-105', login: 'eleni.georgiou', password: 'demo', name: 'Ελένη Γεωργίου (Eleni Georgiou)',
    email: 'eleni.georgiou@school.example', hasEtwinningAccount: true, hasSegAccount: false,
  },
};

const BY_LETTER: Record<string, AccountKey> = { L: 'lotte', K: 'koen', N: 'nso', S: 'sofie', E: 'eleni' };

/** `'LKN'` → the accounts Lotte, Koen and the NSO. */
export function membersFromLetters(letters: string): AccountKey[] {
  return [...letters].map((letter) => {
    const key = BY_LETTER[letter];
    if (!key) throw new Error(`unknown member letter ${letter}`);
    return key;
  });
}

export function accountKeyOf(accountId: string): AccountKey {
  const key = ACCOUNT_KEYS.find((candidate) => ACCOUNTS[candidate].id === accountId);
  if (!key) throw new Error(`no account ${accountId}`);
  return key;
}
