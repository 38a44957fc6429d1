/** Electron's powerSaveBlocker, as far as the shells use it. */
export interface PowerSaveBlocker {
  start(type: 'prevent-app-suspension'): number;
  stop(id: number): void;
}

/** A switch for the sleep blocker: holds at most one blocker, however often it is turned on. */
export function createKeepAwake(powerSaveBlocker: PowerSaveBlocker): (on: boolean) => void {
  let blocker: number | null = null;
  return (on) => {
    if (on && blocker === null) blocker = powerSaveBlocker.start('prevent-app-suspension');
    if (!on && blocker !== null) {
      powerSaveBlocker.stop(blocker);
      blocker = null;
    }
  };
}
