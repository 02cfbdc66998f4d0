// Lambda triggers: load the pool's handler (function or ES module path), call it with Cognito's event shape.
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TriggerEvent, TriggerHandler, TriggerName } from './config.ts';
import { CognitoError } from './errors.ts';
import type { Pool } from './store.ts';

const loaded = new Map<string, Promise<TriggerHandler>>();

function isHandler(value: unknown): value is TriggerHandler {
  return typeof value === 'function';
}

async function loadModule(path: string, baseDir: string): Promise<TriggerHandler> {
  const file = isAbsolute(path) ? path : resolve(baseDir, path);
  const mod: unknown = await import(pathToFileURL(file).href);
  if (typeof mod === 'object' && mod !== null) {
    if ('handler' in mod && isHandler(mod.handler)) return mod.handler;
    if ('default' in mod && isHandler(mod.default)) return mod.default;
  }
  throw new CognitoError('InvalidLambdaResponseException', `Trigger module ${path} exports no handler`);
}

export interface TriggerCall {
  pool: Pool;
  name: TriggerName;
  triggerSource: string;
  clientId: string;
  userName: string;
  request: Record<string, unknown>;
  /** Only for calls whose API accepts ClientMetadata; copied into the event, never stored. */
  clientMetadata?: Record<string, string> | undefined;
  response?: Record<string, unknown>;
}

export interface Triggers {
  has(pool: Pool, name: TriggerName): boolean;
  /** Runs the trigger if the pool has one; returns its `response` (or undefined when there is none). */
  run(call: TriggerCall): Promise<Record<string, unknown> | undefined>;
}

export function createTriggers(baseDir: string): Triggers {
  async function handlerFor(pool: Pool, name: TriggerName): Promise<TriggerHandler | undefined> {
    const configured = pool.settings.lambdaConfig[name];
    if (configured === undefined) return undefined;
    if (isHandler(configured)) return configured;
    let pending = loaded.get(`${baseDir}\0${configured}`);
    if (!pending) {
      pending = loadModule(configured, baseDir);
      loaded.set(`${baseDir}\0${configured}`, pending);
    }
    return pending;
  }

  return {
    has: (pool, name) => pool.settings.lambdaConfig[name] !== undefined,
    async run(call) {
      const handler = await handlerFor(call.pool, call.name);
      if (!handler) return undefined;
      const event: TriggerEvent = {
        version: '1',
        triggerSource: call.triggerSource,
        region: call.pool.region,
        userPoolId: call.pool.id,
        userName: call.userName,
        callerContext: {
          awsSdkVersion: 'aws-sdk-unknown-unknown',
          clientId: call.clientId,
        },
        request: call.clientMetadata
          ? { ...call.request, clientMetadata: { ...call.clientMetadata } }
          : { ...call.request },
        response: { ...call.response },
      };
      let result: TriggerEvent | undefined;
      try {
        result = await handler(event);
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        throw new CognitoError('UserLambdaValidationException', `${call.name} failed with error ${text}.`);
      }
      return (result ?? event).response;
    },
  };
}
