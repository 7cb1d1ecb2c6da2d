import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { MinutaError, excerpt } from '../../shared/errors';
import { parseCertificateDer } from './certificates';
import { ensureCryptoEngine } from './engine';

/**
 * Trust anchors the user chose (a file or a folder of CA certificates, PEM or DER) and the check of a
 * signer's chain against them. Nothing is fetched: no AIA, no OCSP, no CRL download; revocation is
 * therefore not checked (a later sign-off step can add CRLs the user supplies).
 */

const MAX_FILES = 1000;
const MAX_FILE_BYTES = 1024 * 1024;

function certificatesIn(bytes: Buffer): pkijs.Certificate[] {
  const text = bytes.toString('latin1');
  const pems = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  if (pems.length > 0) {
    return pems.map((m) => parseCertificateDer(new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')), pkijs.Certificate)).filter((c): c is pkijs.Certificate => !!c);
  }
  const one = parseCertificateDer(new Uint8Array(bytes), pkijs.Certificate);
  return one ? [one] : [];
}

export function loadTrustAnchors(path: string): pkijs.Certificate[] {
  ensureCryptoEngine();
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((n) => !n.startsWith('.'))
          .slice(0, MAX_FILES)
          .map((n) => join(path, n))
          .filter((f) => statSync(f).isFile())
      : [path];
  } catch {
    throw new MinutaError('not-found', `The trust anchors "${excerpt(path, 80)}" cannot be read`, 'trust');
  }
  const certs: pkijs.Certificate[] = [];
  for (const f of files) {
    if (statSync(f).size > MAX_FILE_BYTES) continue;
    certs.push(...certificatesIn(readFileSync(f)));
  }
  if (certs.length === 0) throw new MinutaError('invalid', `No CA certificate (PEM or DER) in "${excerpt(path, 80)}"`, 'trust');
  return certs;
}

export interface ChainCheck {
  trusted: boolean;
  /** Why not, when not. */
  problem: string | undefined;
}

/** Whether `signer` chains, through the certificates the signature carries, up to one of `anchors`, valid at `at`. */
export async function checkChain(signer: pkijs.Certificate, carried: pkijs.Certificate[], anchors: pkijs.Certificate[], at: Date): Promise<ChainCheck> {
  ensureCryptoEngine();
  // Certificates the signature carries are only candidates for the path, never anchors.
  const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: anchors, certs: [signer, ...carried.filter((c) => c !== signer)], checkDate: at });
  try {
    const r = await engine.verify({ passedWhenNotRevValues: true });
    return r.result ? { trusted: true, problem: undefined } : { trusted: false, problem: excerpt(r.resultMessage || 'no path to a trusted certificate', 160) };
  } catch (e) {
    return { trusted: false, problem: excerpt((e as Error).message || 'no path to a trusted certificate', 160) };
  }
}
