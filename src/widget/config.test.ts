import { describe, expect, it } from 'vitest';
import { cognitoEndpoint, poolRegion } from './config.ts';

describe('widget config', () => {
  it('talks to real Cognito in the pool id’s region by default', () => {
    expect(poolRegion({ userPoolId: 'eu-west-1_AbC123' })).toBe('eu-west-1');
    expect(cognitoEndpoint({ userPoolId: 'eu-west-1_AbC123' })).toBe('https://cognito-idp.eu-west-1.amazonaws.com/');
  });

  it('prefers an explicit region, and an endpoint over both', () => {
    expect(cognitoEndpoint({ userPoolId: 'eu-west-1_AbC123', region: 'us-east-2' })).toBe(
      'https://cognito-idp.us-east-2.amazonaws.com/',
    );
    expect(cognitoEndpoint({ userPoolId: 'eu-west-1_AbC123', endpoint: 'http://127.0.0.1:9229' })).toBe(
      'http://127.0.0.1:9229',
    );
  });
});
