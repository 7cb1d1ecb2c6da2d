import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { MinutaError, excerpt } from '../../shared/errors';
import { certificateSummary, type CertificateSummary } from './certificates';
import { ensureCryptoEngine } from './engine';

/**
 * A signer's key and certificate, from a PKCS#12 file (.p12/.pfx), checked before anything is signed.
 * The password only ever travels as bytes into pkijs; it is never part of an error, a log or a result.
 */

export interface SigningCredentials {
  key: KeyObject;
  certificate: pkijs.Certificate;
  /** The certificate's DER (what ESS signing-certificate-v2 hashes). */
  certificateDer: Uint8Array;
  /** The other certificates of the file (intermediate and root CAs), sent along in the signature. */
  chain: pkijs.Certificate[];
  summary: CertificateSummary;
}

const OID_KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const OID_SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const OID_CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const OID_X509 = '1.2.840.113549.1.9.22.1';
const MAX_P12_BYTES = 1024 * 1024;

const p12Error = (message: string) => new MinutaError('invalid', message, 'p12');

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export async function loadPkcs12(der: Uint8Array, password: string): Promise<{ key: KeyObject; certificates: pkijs.Certificate[] }> {
  ensureCryptoEngine();
  if (der.byteLength > MAX_P12_BYTES) throw p12Error('The PKCS#12 file is larger than 1 MB: it is no key file');
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(toArrayBuffer(der));
  } catch {
    throw p12Error('The key file is not a PKCS#12 (.p12/.pfx) file');
  }
  const pass = toArrayBuffer(new TextEncoder().encode(password));
  try {
    await pfx.parseInternalValues({ password: pass, checkIntegrity: true });
  } catch (e) {
    // The MAC over the file is keyed by the password: a mismatch is (nearly always) a wrong password.
    if (/integrity/i.test((e as Error).message)) throw p12Error('Wrong password for the PKCS#12 file (or the file is damaged)');
    throw p12Error(`The PKCS#12 file cannot be read: ${excerpt((e as Error).message, 80)}`);
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw p12Error('The PKCS#12 file holds no key or certificate');
  const certificates: pkijs.Certificate[] = [];
  let key: KeyObject | undefined;
  try {
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password: pass })) });
    for (const contents of safe.parsedValue.safeContents as { value: pkijs.SafeContents }[]) {
      for (const bag of contents.value.safeBags) {
        if (bag.bagId === OID_CERT_BAG) {
          const certBag = bag.bagValue as pkijs.CertBag;
          if (certBag.certId === OID_X509 && certBag.parsedValue instanceof pkijs.Certificate) certificates.push(certBag.parsedValue);
        } else if (bag.bagId === OID_SHROUDED_KEY_BAG || bag.bagId === OID_KEY_BAG) {
          let info: pkijs.PrivateKeyInfo | undefined;
          if (bag.bagId === OID_SHROUDED_KEY_BAG) {
            const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
            // parseInternalValues is protected in the typings but is the documented way to decrypt.
            await (shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }).parseInternalValues({ password: pass });
            info = shrouded.parsedValue;
          } else info = bag.bagValue as pkijs.PrivateKeyInfo;
          if (info && !key) key = createPrivateKey({ key: Buffer.from(info.toSchema().toBER(false)), format: 'der', type: 'pkcs8' });
        }
      }
    }
  } catch (e) {
    if (e instanceof MinutaError) throw e;
    const msg = (e as Error).message ?? '';
    if (/algorithm|unsupported|not supported/i.test(msg)) {
      throw p12Error('The PKCS#12 file uses an old encryption (RC2 or 3DES); export it again with AES (openssl pkcs12 -export without -legacy)');
    }
    throw p12Error(`The PKCS#12 file cannot be decrypted: ${excerpt(msg, 80)}`);
  }
  if (!key) throw p12Error('The PKCS#12 file holds no private key');
  if (certificates.length === 0) throw p12Error('The PKCS#12 file holds no certificate');
  return { key, certificates };
}

/** The certificate whose public key is the key's. */
function certificateOfKey(key: KeyObject, certificates: pkijs.Certificate[]): pkijs.Certificate | undefined {
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return certificates.find((c) => Buffer.from(c.subjectPublicKeyInfo.toSchema().toBER(false)).equals(spki));
}

const KEY_USAGE = '2.5.29.15';

/** digitalSignature (bit 0) or nonRepudiation (bit 1) of the keyUsage extension, when it is there. */
function keyUsageAllowsSigning(cert: pkijs.Certificate): boolean | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === KEY_USAGE);
  if (!ext) return undefined;
  const asn = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView);
  if (!(asn.result instanceof asn1js.BitString)) return false;
  const first = asn.result.valueBlock.valueHexView[0] ?? 0;
  return (first & 0x80) !== 0 || (first & 0x40) !== 0;
}

/**
 * Opens a PKCS#12 file and checks that its certificate may sign now: within its validity, and with a
 * key usage that allows signatures (a certificate without the extension is refused too: a sign-off
 * copy is signed with a signing certificate, not with a TLS or test one).
 */
export async function openSigningCredentials(der: Uint8Array, password: string, now: Date): Promise<SigningCredentials> {
  const { key, certificates } = await loadPkcs12(der, password);
  const certificate = certificateOfKey(key, certificates);
  if (!certificate) throw p12Error('The PKCS#12 file holds no certificate for its private key');
  const summary = certificateSummary(certificate);
  if (now < summary.notBefore) throw new MinutaError('invalid', `The certificate of ${summary.commonName} is not valid before ${summary.notBefore.toISOString()}`, 'p12');
  if (now > summary.notAfter) throw new MinutaError('invalid', `The certificate of ${summary.commonName} expired on ${summary.notAfter.toISOString()}`, 'p12');
  const usage = keyUsageAllowsSigning(certificate);
  if (usage !== true) {
    throw new MinutaError(
      'invalid',
      `The certificate of ${summary.commonName} is not for signing: its key usage ${usage === undefined ? 'is not stated' : 'has neither digitalSignature nor nonRepudiation'}`,
      'p12',
    );
  }
  const keyType = key.asymmetricKeyType;
  if (keyType !== 'rsa' && keyType !== 'ec') throw p12Error(`The key is of type ${keyType ?? 'unknown'}; Minuta signs with RSA or ECDSA keys`);
  const certificateDer = new Uint8Array(certificate.toSchema().toBER(false));
  const chain = certificates.filter((c) => c !== certificate);
  return { key, certificate, certificateDer, chain, summary };
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
