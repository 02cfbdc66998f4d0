// Ports whose code loads on first use: the transport and the SRP client are not needed to paint the sign-in form.
import type { CognitoPort, SrpPort } from '../../machines/index.ts';
import type { WorkerSrpPort } from '../adapters/srpWorkerClient.ts';

/** A CognitoPort that loads its implementation with the first call (sign-in submit, or an account flow's first step). */
export function lazyCognito(load: () => Promise<CognitoPort>): CognitoPort {
  let port: Promise<CognitoPort> | undefined;
  return {
    call: async (operation, request) => (await (port ??= load())).call(operation, request),
  };
}

/** A WorkerSrpPort that loads the SRP client on `start()` or the first SRP call; start and close keep their order. */
export function lazyWorkerSrp(load: () => Promise<SrpPort | WorkerSrpPort>): WorkerSrpPort {
  let port: Promise<SrpPort | WorkerSrpPort> | undefined;
  const get = (): Promise<SrpPort | WorkerSrpPort> => (port ??= load());
  return {
    start() {
      void get().then((loaded) => {
        if ('start' in loaded) loaded.start();
      });
    },
    close() {
      // Nothing to close when nothing was loaded; otherwise after any start() queued before it.
      void port?.then((loaded) => {
        if ('close' in loaded) loaded.close();
      });
    },
    createEphemeral: async () => (await get()).createEphemeral(),
    passwordClaim: async (input) => (await get()).passwordClaim(input),
    deviceClaim: async (input) => (await get()).deviceClaim(input),
    createDeviceVerifier: async (input) => (await get()).createDeviceVerifier(input),
  };
}
