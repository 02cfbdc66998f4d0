// Tests the worker SRP client over a real MessageChannel (structured clone), its errors and its inline fallbacks.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PasswordClaimInput } from '../../machines/ports.ts';
import { secret } from '../../machines/secret.ts';
import { createFastSrp } from './srpFast.ts';
import { createInlineSrp, createWorkerSrp, type SrpEngineReport } from './srpWorkerClient.ts';
import { messageChannelWorker } from './srpWorkerChannel.testkit.ts';
import type { TestWorkerChannel } from './srpWorkerChannel.testkit.ts';

const channels: TestWorkerChannel[] = [];

afterEach(() => {
  for (const channel of channels.splice(0)) channel.close();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function channelWorker(seen: unknown[] = []): TestWorkerChannel {
  const channel = messageChannelWorker(seen);
  channels.push(channel);
  return channel;
}

function claimInput(ephemeral: PasswordClaimInput['ephemeral'], srpB = 'c3'.repeat(384)): PasswordClaimInput {
  return {
    ephemeral,
    srpB,
    salt: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    secretBlock: btoa('secret block'),
    now: new Date(Date.UTC(2026, 10, 23, 12, 0, 9)),
    poolName: 'DemoPool1',
    userIdForSrp: 'srp-user',
    password: secret('Passw0rd!demo'),
  };
}

describe('createWorkerSrp', () => {
  it('returns the same claim through the worker as the fast engine computes inline', async () => {
    const srp = createWorkerSrp({ createChannel: () => channelWorker() });
    const ephemeral = await srp.createEphemeral();
    expect(await srp.passwordClaim(claimInput(ephemeral))).toEqual(
      await createFastSrp().passwordClaim(claimInput(ephemeral)),
    );
  });

  it('re-wraps the private a and the device password in Secret after they cross the boundary', async () => {
    const srp = createWorkerSrp({ createChannel: () => channelWorker() });
    const ephemeral = await srp.createEphemeral();
    const verifier = await srp.createDeviceVerifier({ deviceGroupKey: '-Group1', deviceKey: 'us-east-1_device' });
    expect(ephemeral.a.reveal()).toMatch(/^[0-9a-f]+$/);
    expect(verifier.devicePassword.reveal()).toHaveLength(56);
    // Plain containment: the device password is base64, whose `+` and `/` a RegExp would misread.
    const serialised = JSON.stringify({ ephemeral, verifier });
    expect(serialised).not.toContain(ephemeral.a.reveal());
    expect(serialised).not.toContain(verifier.devicePassword.reveal());
  });

  it('rejects with the engine’s error when the server sends B = 0', async () => {
    const srp = createWorkerSrp({ createChannel: () => channelWorker() });
    const ephemeral = await srp.createEphemeral();
    await expect(srp.passwordClaim(claimInput(ephemeral, '0'))).rejects.toThrow('B cannot be zero.');
  });

  it('ignores malformed messages on the worker side and still answers the well-formed ones', async () => {
    const seen: unknown[] = [];
    const channel = channelWorker(seen);
    const srp = createWorkerSrp({ createChannel: () => channel });
    channel.page.postMessage({ id: 'x', method: 'createEphemeral' });
    const ephemeral = await srp.createEphemeral();
    expect(seen).toHaveLength(2);
    expect(ephemeral.srpA).toMatch(/^[0-9a-f]+$/);
  });

  it('runs inline when there is no Worker (as in Node)', async () => {
    expect(typeof globalThis.Worker).toBe('undefined');
    const srp = createWorkerSrp();
    const ephemeral = await srp.createEphemeral();
    expect(await srp.passwordClaim(claimInput(ephemeral))).toEqual(
      await createFastSrp().passwordClaim(claimInput(ephemeral)),
    );
  });

  it('computes inline on the page, from the worker’s own file, the same claim as the fast engine', async () => {
    const srp = createInlineSrp();
    const ephemeral = await srp.createEphemeral();
    expect(await srp.passwordClaim(claimInput(ephemeral))).toEqual(
      await createFastSrp().passwordClaim(claimInput(ephemeral)),
    );
    await expect(srp.passwordClaim(claimInput(ephemeral, '0'))).rejects.toThrow('B cannot be zero.');
  });

  it('finishes calls in flight inline when the worker fails to start', async () => {
    let fail: (error: Error) => void = () => undefined;
    const reports: SrpEngineReport[] = [];
    const srp = createWorkerSrp({
      onEngine: (report) => reports.push(report),
      createChannel: () => ({
        post: () => {
          fail(new Error('the SRP worker failed to start or crashed'));
        },
        listen: (_onMessage, onError) => {
          fail = onError;
        },
      }),
    });
    const ephemeral = await srp.createEphemeral();
    expect(await srp.passwordClaim(claimInput(ephemeral))).toEqual(
      await createFastSrp().passwordClaim(claimInput(ephemeral)),
    );
    expect(reports).toEqual([{ engine: 'inline', reason: 'the SRP worker failed to start or crashed' }]);
  });

  it('runs inline when the worker cannot even be constructed', async () => {
    const srp = createWorkerSrp({
      createChannel: () => {
        throw new Error('Refused to create a worker (worker-src)');
      },
    });
    expect((await srp.createEphemeral()).srpA).toMatch(/^[0-9a-f]+$/);
  });

  it('reports the worker once it has answered, and inline with the reason when it later fails', async () => {
    const reports: SrpEngineReport[] = [];
    let fail: (error: Error) => void = () => undefined;
    const channel = channelWorker();
    const srp = createWorkerSrp({
      createChannel: () => ({
        post: (request) => {
          channel.post(request);
        },
        listen: (onMessage, onError) => {
          channel.listen(onMessage, onError);
          fail = onError;
        },
      }),
      onEngine: (report) => reports.push(report),
    });
    expect(reports).toEqual([]);
    const ephemeral = await srp.createEphemeral();
    await srp.createEphemeral();
    expect(reports).toEqual([{ engine: 'worker' }]);
    fail(new Error('the SRP worker failed to start or crashed'));
    expect((await srp.passwordClaim(claimInput(ephemeral))).signature).toMatch(/=$/);
    expect(reports).toEqual([
      { engine: 'worker' },
      { engine: 'inline', reason: 'the SRP worker failed to start or crashed' },
    ]);
  });

  it('warns once on the console when a worker that exists cannot be used and nobody listens for the engine', async () => {
    vi.stubGlobal('Worker', function Worker() {
      throw new Error('not used: createChannel is given');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const srp = createWorkerSrp({
      createChannel: () => {
        throw new DOMException('Refused to create a worker', 'SecurityError');
      },
    });
    await srp.createEphemeral();
    const ephemeral = await srp.createEphemeral();
    await srp.passwordClaim(claimInput(ephemeral));
    expect(warn.mock.calls).toEqual([
      ['cognito-xstate: SRP runs on the main thread because the SRP worker could not be created (SecurityError).'],
    ]);
    expect(JSON.stringify(warn.mock.calls)).not.toContain('Passw0rd!demo');
  });

  it('tells the listener, without a console warning, that a runtime with no Worker runs SRP inline', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reports: SrpEngineReport[] = [];
    await createWorkerSrp({ onEngine: (report) => reports.push(report) }).createEphemeral();
    await createWorkerSrp().createEphemeral();
    expect(reports).toEqual([{ engine: 'inline', reason: 'this runtime has no Worker' }]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('opens no worker and tells nobody anything until it is started or called, as during server render', async () => {
    const reports: SrpEngineReport[] = [];
    let opened = 0;
    createWorkerSrp({
      createChannel: () => {
        opened += 1;
        return channelWorker();
      },
      onEngine: (report) => reports.push(report),
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(opened).toBe(0);
    expect(reports).toEqual([]);
  });

  it('ends its worker on close and starts a fresh one on the next call (StrictMode remounts)', async () => {
    const opened: TestWorkerChannel[] = [];
    const closed: TestWorkerChannel[] = [];
    const srp = createWorkerSrp({
      createChannel: () => {
        const channel = channelWorker();
        opened.push(channel);
        return {
          ...channel,
          close: () => {
            closed.push(channel);
          },
        };
      },
    });
    srp.start();
    await srp.createEphemeral();
    srp.close();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(closed).toEqual(opened);
    const ephemeral = await srp.createEphemeral();
    expect(ephemeral.srpA).toMatch(/^[0-9a-f]+$/);
    expect(opened).toHaveLength(2);
    srp.close();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(closed).toHaveLength(2);
  });
});
