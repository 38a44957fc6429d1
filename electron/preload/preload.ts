import { contextBridge, ipcRenderer } from 'electron';
import { z } from 'zod';
import { createPreloadApi } from './preload-api.ts';

// The page's CSP has no 'unsafe-eval': zod must not even try its compiled fast path.
z.config({ jitless: true });

contextBridge.exposeInMainWorld('twinarchive', createPreloadApi(ipcRenderer));
