/**
 * What only a shell can do for the app service: native dialogs, the file manager, the platform's
 * login window, safe storage of secrets and printing to PDF. The Electron shell gives all of it;
 * the dev bridge gives what a browser tab can (see electron/dev-bridge/web-adapters.ts).
 */
export interface SecretStore {
  save(key: string, value: string): Promise<void>;
  /** null when nothing is stored under `key` (or it can no longer be decrypted). */
  load(key: string): Promise<string | null>;
  remove(key: string): Promise<void>;
}

export interface ShellAdapters {
  /** A native folder picker; null when the person cancels. */
  chooseFolder(title: string): Promise<string | null>;
  showInFolder(path: string): Promise<void>;
  openPath(path: string): Promise<void>;
  /**
   * Opens the platform's own /login page in a window and returns the session's cookies as the
   * text of a Netscape cookies.txt file, or null when the window was closed first. Absent outside
   * the desktop app.
   */
  browserSignIn?: (baseUrl: string) => Promise<string | null>;
  /** Never plain text on disk: safeStorage in the app, memory in the dev bridge. */
  secrets: SecretStore;
  /** Prints an HTML document to PDF (Electron's printToPDF). Absent outside the desktop app. */
  renderPdf?: (html: string) => Promise<Buffer>;
}
