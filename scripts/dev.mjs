// `npm run dev`: the API with tsx watch on :3001 and Vite's dev server (hot reload) on
// PORT (3000), which proxies /api and /feeds to the API. Same ./data as `npm start`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkNodeVersion } from './node-version.mjs';

checkNodeVersion();
const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.API_PORT ?? '3001';
const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'apps/api/src/index.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: apiPort,
      HOST: '127.0.0.1',
      SERVE_WEB: 'false',
      NODE_ENV: 'development',
    },
  }),
  spawn('npx', ['vite', 'dev', '--port', process.env.PORT ?? '3000', '--strictPort'], {
    cwd: `${root}/apps/web`,
    stdio: 'inherit',
    env: { ...process.env, MOTESPLATS_API_ORIGIN: `http://127.0.0.1:${apiPort}` },
  }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children)
  c.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
