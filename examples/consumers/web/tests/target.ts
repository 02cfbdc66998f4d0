// The emulator the runner started with `npx cognito-emulator` from the installed package, and its demo pool.
export const sharedPool = {
  endpoint: process.env.EMULATOR_URL ?? 'http://127.0.0.1:9229',
  userPoolId: 'us-east-1_DemoPool1',
  clientId: 'demoappclient0000000000001',
};
export const demoPassword = 'Passw0rd!demo';
