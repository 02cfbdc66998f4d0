// Types for qrcode's encoder module, imported on its own so the bundle skips the package's renderers.
declare module 'qrcode/lib/core/qrcode.js' {
  export { create } from 'qrcode';
}
