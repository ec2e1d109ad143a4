import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The admin app, served by the API process under /admin/ (see registerAdminApp in src/http/server.ts). */
export default defineConfig({
  root: here,
  base: '/admin/',
  plugins: [react()],
  server: {
    // `npx vite --config web/vite.config.ts` during development, next to `npm start` on :3000.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: path.resolve(here, '../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        // ECharts is only reached through the dashboard's dynamic import, so it loads on demand.
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@babel[\\/]runtime|classnames|clsx|@emotion|stylis)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
