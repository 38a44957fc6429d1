import { createContext, useContext } from 'react';
import type { TwinArchiveApi } from '../../shared/contract.ts';

export const ApiContext = createContext<TwinArchiveApi | null>(null);

export function useApi(): TwinArchiveApi {
  const api = useContext(ApiContext);
  if (api === null) throw new Error('useApi needs an ApiContext provider above it.');
  return api;
}
