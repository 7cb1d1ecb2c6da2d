import { createHash } from 'node:crypto';
import type * as pkijs from 'pkijs';
import * as asn1js from 'asn1js';

/** What a person reads about a certificate: names, validity, and the fingerprint that identifies it. */
export interface CertificateSummary {
  /** "CN=…, O=…, C=…" */
  subject: string;
  issuer: string;
  commonName: string;
  organisation: string | undefined;
  email: string | undefined;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** SHA-256 of the certificate's DER, hex: what the audit log records. */
  fingerprint: string;
}

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.42': 'GN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

function attributes(name: pkijs.RelativeDistinguishedNames): { type: string; value: string }[] {
  return name.typesAndValues.map((tv) => {
    const v = tv.value as unknown as { valueBlock?: { value?: unknown } };
    const value = typeof v.valueBlock?.value === 'string' ? v.valueBlock.value : '';
    return { type: SHORT_NAMES[tv.type] ?? tv.type, value };
  });
}

/** RFC 4514-like, most significant last as OpenSSL prints it the other way: we keep the certificate's order. */
export function distinguishedName(name: pkijs.RelativeDistinguishedNames): string {
  return attributes(name)
    .map((a) => `${a.type}=${a.value}`)
    .join(', ');
}

export function certificateSummary(cert: pkijs.Certificate): CertificateSummary {
  const subject = attributes(cert.subject);
  const get = (t: string) => subject.find((a) => a.type === t)?.value;
  const der = new Uint8Array(cert.toSchema().toBER(false));
  return {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    commonName: get('CN') ?? distinguishedName(cert.subject),
    organisation: get('O'),
    email: get('emailAddress'),
    serialNumber: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    fingerprint: createHash('sha256').update(der).digest('hex'),
  };
}

/** Reads one certificate from DER; undefined when the bytes are not one. */
export function parseCertificateDer(der: Uint8Array, Certificate: typeof pkijs.Certificate): pkijs.Certificate | undefined {
  const asn = asn1js.fromBER(der);
  if (asn.offset === -1) return undefined;
  try {
    return new Certificate({ schema: asn.result });
  } catch {
    return undefined;
  }
}
