import { afterEach, expect } from 'vitest';
import type { CallName } from '../../shared/contract.ts';
import { createAppService, type AppService } from '../../electron/core/app/app-service.ts';
import { AppCallError } from '../../electron/core/app/call-error.ts';
import type { ShellAdapters } from '../../electron/core/app/shell-adapters.ts';
import { createWebAdapters } from '../../electron/dev-bridge/web-adapters.ts';

/** Starts app services as the web shell does (an unexpected failure fails the test); all close after each test. */
export function useAppServices(): (dataDir: string, adapters?: ShellAdapters) => AppService {
  const services: AppService[] = [];
  afterEach(async () => {
    await Promise.all(services.splice(0).map((service) => service.close()));
  });
  return (dataDir, adapters = createWebAdapters()) => {
    const service = createAppService({
      dataDir, shell: 'web', version: '0.0.0-test', systemLanguage: 'en', adapters,
      onUnexpectedError: (call, error) => {
        throw new Error(`unexpected failure in ${call}: ${String(error)}`);
      },
    });
    services.push(service);
    return service;
  };
}

/** A typed call, as the UI makes it. */
export async function call<T>(service: AppService, name: CallName, args: unknown = {}): Promise<T> {
  return (await service.handle(name, args)) as T;
}

/** The AppCallError `promise` fails with. */
export async function failure(promise: Promise<unknown>): Promise<AppCallError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppCallError);
    return error as AppCallError;
  }
  throw new Error('the call did not fail');
}
