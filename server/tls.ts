import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from 'selfsigned';
import { ConfigError } from './config/env.ts';

export interface TlsPair {
  key: string;
  cert: string;
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function readProvided(file: string, variable: string): Promise<string> {
  const text = await readIfPresent(file);
  if (text === undefined) throw new ConfigError(variable, `file "${file}" does not exist.`);
  return text;
}

/**
 * A provided pair (TLS_CERT/TLS_KEY, e.g. from mkcert) wins; otherwise a self-signed certificate
 * for localhost is made once and kept in the data folder, so a browser warns once, not every start.
 */
export async function loadTls(
  dataDir: string,
  provided: { certFile: string; keyFile: string } | undefined,
): Promise<TlsPair> {
  if (provided) {
    return {
      cert: await readProvided(provided.certFile, 'TLS_CERT'),
      key: await readProvided(provided.keyFile, 'TLS_KEY'),
    };
  }
  const certFile = path.join(dataDir, 'tls-cert.pem');
  const keyFile = path.join(dataDir, 'tls-key.pem');
  const [cert, key] = await Promise.all([readIfPresent(certFile), readIfPresent(keyFile)]);
  if (cert && key) return { cert, key };

  const notBeforeDate = new Date(Date.now() - 60_000);
  // 397 days: the longest validity browsers accept for a leaf certificate.
  const notAfterDate = new Date(notBeforeDate.getTime() + 397 * 24 * 3600 * 1000);
  const generated = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  await mkdir(dataDir, { recursive: true });
  await writeFile(keyFile, generated.private, { mode: 0o600 });
  await writeFile(certFile, generated.cert);
  return { cert: generated.cert, key: generated.private };
}
