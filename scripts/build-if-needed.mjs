// `npm start` builds the SPA only when the sources are newer than the last build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist', 'index.html');
const inputs = [
  'src',
  'public',
  'index.html',
  'redirect.html',
  'vite.config.ts',
  'package-lock.json',
];

function newest(entry) {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce(
    (latest, name) => Math.max(latest, newest(path.join(entry, name))),
    stats.mtimeMs,
  );
}

const sourcesChanged = inputs
  .map((input) => path.join(root, input))
  .filter(existsSync)
  .reduce((latest, input) => Math.max(latest, newest(input)), 0);

if (existsSync(built) && statSync(built).mtimeMs >= sourcesChanged) {
  console.log('The SPA build is up to date.');
} else {
  console.log('Building the SPA…');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
