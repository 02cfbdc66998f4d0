// Two pages: the React app (index.html) and the vanilla page (vanilla.html).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { rollupOptions: { input: ['index.html', 'vanilla.html'] } },
  preview: { host: '127.0.0.1' },
});
