// `npm run reset-data`: reseeds the emulator's database from scratch (every edit is lost).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../server/config/env.ts';
import { openEmulatorStore } from '../server/emulator/plugin.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
try {
  const config = loadConfig(process.env, { cwd: root });
  const store = openEmulatorStore({ ...config.local.emulator, reset: true }, (message) =>
    process.stdout.write(`${message}\n`),
  );
  store.close();
} catch (error) {
  process.stderr.write(
    `${error instanceof ConfigError ? 'Configuration error' : 'Cannot reset'}: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
