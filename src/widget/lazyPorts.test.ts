import { describe, expect, it } from 'vitest';
import { secret, type SrpPort } from '../../machines/index.ts';
import type { WorkerSrpPort } from '../adapters/srpWorkerClient.ts';
import { createFastSrp } from '../adapters/srpFast.ts';
import { lazyWorkerSrp } from './lazyPorts.ts';

/** The fast engine behind a worker-shaped port that records its lifecycle calls. */
function recordingPort(events: string[]): WorkerSrpPort {
  const engine: SrpPort = createFastSrp();
  return {
    start: () => events.push('start'),
    close: () => events.push('close'),
    createEphemeral: () => engine.createEphemeral(),
    passwordClaim: (input) => engine.passwordClaim(input),
    deviceClaim: (input) => engine.deviceClaim(input),
    createDeviceVerifier: (input) => engine.createDeviceVerifier(input),
  };
}

describe('lazyWorkerSrp', () => {
  it('loads nothing until start() or the first SRP call, then loads once', async () => {
    const events: string[] = [];
    let loads = 0;
    const port = lazyWorkerSrp(() => {
      loads += 1;
      return Promise.resolve(recordingPort(events));
    });
    expect(loads).toBe(0);
    const first = await port.createEphemeral();
    const second = await port.createEphemeral();
    expect(loads).toBe(1);
    expect(first.srpA).toMatch(/^[0-9a-f]+$/);
    expect(second.srpA).not.toBe(first.srpA);
    // The loaded engine does the math: a claim computes with the ephemeral it handed out.
    const claim = await port.deviceClaim({
      ephemeral: first,
      srpB: 'ab'.repeat(64),
      salt: '0a1b2c3d',
      secretBlock: 'c2VjcmV0',
      now: new Date(0),
      deviceGroupKey: '-group',
      deviceKey: 'us-east-1_device',
      devicePassword: secret('device-password'),
    });
    expect(claim.timestamp).toBe('Thu Jan 1 00:00:00 UTC 1970');
  });

  it('closes nothing when nothing was loaded, and starts then closes in order once loaded', async () => {
    const events: string[] = [];
    let loads = 0;
    const port = lazyWorkerSrp(() => {
      loads += 1;
      return Promise.resolve(recordingPort(events));
    });
    port.close();
    expect(loads).toBe(0);
    port.start();
    port.close();
    await port.createEphemeral();
    expect(loads).toBe(1);
    expect(events).toEqual(['start', 'close']);
  });
});
