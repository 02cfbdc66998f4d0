// The Vite env variables the demo reads (`npm start` sets them to the emulator it started).
interface ImportMetaEnv {
  readonly VITE_COGNITO_ENDPOINT?: string;
  readonly VITE_COGNITO_REGION?: string;
  readonly VITE_USER_POOL_ID?: string;
  readonly VITE_CLIENT_ID?: string;
}
