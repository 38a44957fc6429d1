export { createAppService, type AppService, type AppServiceOptions } from './app-service.ts';
export { AppCallError, toAppCallError, toCallError, type CallError } from './call-error.ts';
export type { SecretStore, ShellAdapters } from './shell-adapters.ts';
