import { CallFailedError, createApi, type TwinArchiveApi } from '../shared/contract.ts';
import { createDevBridgeTransport, takeTokenFromLocation, TRANSPORT_CODES } from './dev-bridge-transport.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the dev bridge serves the UI to a browser. */
    readonly twinarchive?: TwinArchiveApi;
  }
}

/**
 * The contract client the whole UI uses: the preload's object in the app, the dev bridge over
 * HTTP in a browser. Nothing else in the renderer knows which one it got.
 */
export function connectApi(): TwinArchiveApi {
  if (window.twinarchive) return window.twinarchive;
  const token = takeTokenFromLocation();
  if (token === null) throw new CallFailedError('No token in the address.', TRANSPORT_CODES.noToken);
  const transport = createDevBridgeTransport(token);
  return createApi(transport.invoke, transport.subscribe);
}
