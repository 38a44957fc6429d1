// electron-builder's afterPack hook (electron-builder.yml). It loads plain JavaScript, and the
// fuse code is TypeScript with tests, so it is run through tsx, as bin/twinarchive.js does.
import { register } from 'tsx/esm/api';

register();
const { flipFusesAfterPack } = await import('./after-pack-fuses.ts');

export async function afterPack(context) {
  await flipFusesAfterPack(context);
}
