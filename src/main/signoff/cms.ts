import { createHash, createPublicKey, sign as cryptoSign, verify as cryptoVerify, constants, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SigningCredentials } from './credentials';
import { ensureCryptoEngine } from './engine';

/**
 * The CMS detached signature of a PAdES baseline B-B signature (ETSI EN 319 142-1; CAdES, RFC 5652):
 * SHA-256, signed attributes content-type, message-digest and ESS signing-certificate-v2 (RFC 5035),
 * and no signing-time attribute (PAdES puts the claimed time in the signature dictionary's /M).
 * pkijs builds and reads the ASN.1; Node's crypto hashes and signs.
 */

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  sha384WithRSA: '1.2.840.113549.1.1.12',
  sha512WithRSA: '1.2.840.113549.1.1.13',
  rsaPss: '1.2.840.113549.1.1.10',
  ecdsaSha256: '1.2.840.10045.4.3.2',
  ecdsaSha384: '1.2.840.10045.4.3.3',
  ecdsaSha512: '1.2.840.10045.4.3.4',
} as const;

const DIGESTS: Record<string, string> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };

const toArrayBuffer = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/** ESS signing-certificate-v2: binds the signature to this certificate, not only to its key. */
function signingCertificateV2(cert: pkijs.Certificate, der: Uint8Array): asn1js.Sequence {
  const hash = createHash('sha256').update(der).digest();
  const issuerSerial = new asn1js.Sequence({
    value: [
      // GeneralNames with one directoryName ([4], explicit: Name is a CHOICE).
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })] }),
      new asn1js.Integer({ valueHex: toArrayBuffer(cert.serialNumber.valueBlock.valueHexView) }),
    ],
  });
  // hashAlgorithm is left out: SHA-256 is its DEFAULT, which DER omits.
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(hash) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** DER orders a SET OF by the encodings of its members; OpenSSL re-encodes the set before checking it. */
function derSorted(attrs: pkijs.Attribute[]): pkijs.Attribute[] {
  const enc = attrs.map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER(false)) }));
  enc.sort((x, y) => {
    const n = Math.max(x.der.length, y.der.length);
    for (let i = 0; i < n; i++) {
      const d = (x.der[i] ?? 0) - (y.der[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });
  return enc.map((e) => e.a);
}

/** Builds the DER of a detached CMS SignedData over `digest` (SHA-256 of the signed byte ranges). */
export function buildCadesSignature(digest: Uint8Array, creds: SigningCredentials): Uint8Array {
  ensureCryptoEngine();
  const ec = creds.key.asymmetricKeyType === 'ec';
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: derSorted([
      attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
      attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })),
      attribute(OID.signingCertificateV2, signingCertificateV2(creds.certificate, creds.certificateDer)),
    ]),
  });
  // What is signed is the attributes encoded as a SET (tag 0x31), not as the [0] they are stored as.
  const toSign = new Uint8Array(signedAttrs.toSchema().toBER(false));
  toSign[0] = 0x31;
  // Node signs ECDSA as DER (r, s), which is what CMS carries; RSA with PKCS#1 v1.5.
  const signature = cryptoSign('sha256', toSign, ec ? { key: creds.key, dsaEncoding: 'der' } : { key: creds.key, padding: constants.RSA_PKCS1_PADDING });

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: creds.certificate.issuer, serialNumber: creds.certificate.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier(ec ? { algorithmId: OID.ecdsaSha256 } : { algorithmId: OID.sha256WithRSA, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [creds.certificate, ...creds.chain],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

export interface CmsCheck {
  /** The message-digest attribute equals the hash of the signed bytes. */
  digestMatches: boolean;
  /** The signature over the signed attributes verifies with the signer certificate's key. */
  signatureValid: boolean;
  /** ESS signing-certificate(-v2) names the signer certificate (undefined: no such attribute). */
  signingCertificateMatches: boolean | undefined;
  signer: pkijs.Certificate | undefined;
  /** All certificates the signature carries. */
  certificates: pkijs.Certificate[];
  digestAlgorithm: string;
  /** Why it is invalid, when it is. */
  problem: string | undefined;
}

function attrValue(info: pkijs.SignerInfo, type: string): asn1js.AsnType | undefined {
  return info.signedAttrs?.attributes.find((a) => a.type === type)?.values[0];
}

function sameBytes(a: ArrayBuffer | Uint8Array, b: ArrayBuffer | Uint8Array): boolean {
  return Buffer.from(a as ArrayBuffer).equals(Buffer.from(b as ArrayBuffer));
}

/** Checks a detached CMS signature over `signed` (the concatenated /ByteRange bytes). Never throws on a bad signature. */
export function checkCmsSignature(der: Uint8Array, signed: Uint8Array[]): CmsCheck {
  ensureCryptoEngine();
  const result: CmsCheck = {
    digestMatches: false,
    signatureValid: false,
    signingCertificateMatches: undefined,
    signer: undefined,
    certificates: [],
    digestAlgorithm: 'unknown',
    problem: undefined,
  };
  let signedData: pkijs.SignedData;
  try {
    const asn = asn1js.fromBER(toArrayBuffer(der));
    if (asn.offset === -1) throw new Error('not DER');
    const info = new pkijs.ContentInfo({ schema: asn.result });
    if (info.contentType !== OID.signedData) throw new Error('not SignedData');
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch {
    result.problem = 'the signature value is not a CMS SignedData';
    return result;
  }
  result.certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const info = signedData.signerInfos[0];
  if (!info || signedData.signerInfos.length !== 1) {
    result.problem = 'the signature must have exactly one signer';
    return result;
  }
  const sid = info.sid;
  result.signer = result.certificates.find((c) =>
    sid instanceof pkijs.IssuerAndSerialNumber
      ? c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)
      : c.extensions?.some((e) => e.extnID === '2.5.29.14' && sameBytes((e.parsedValue as asn1js.OctetString).valueBlock.valueHexView, (sid as asn1js.OctetString).valueBlock.valueHexView)),
  );
  const digestName = DIGESTS[info.digestAlgorithm.algorithmId];
  if (!digestName) {
    result.problem = `unsupported digest algorithm ${info.digestAlgorithm.algorithmId}`;
    return result;
  }
  result.digestAlgorithm = digestName.toUpperCase().replace('SHA', 'SHA-');
  const hash = createHash(digestName);
  for (const part of signed) hash.update(part);
  const digest = hash.digest();

  if (!info.signedAttrs) {
    result.problem = 'the signature has no signed attributes (PAdES requires them)';
    return result;
  }
  const md = attrValue(info, OID.messageDigest);
  result.digestMatches = md instanceof asn1js.OctetString && sameBytes(md.valueBlock.valueHexView, digest);

  if (!result.signer) {
    result.problem = 'the signer certificate is not in the signature';
    return result;
  }
  const certDer = new Uint8Array(result.signer.toSchema().toBER(false));
  const scv2 = attrValue(info, OID.signingCertificateV2);
  if (scv2 instanceof asn1js.Sequence) {
    const first = ((scv2.valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock.value;
    // ESSCertIDv2: [hashAlgorithm (default SHA-256)], certHash, [issuerSerial]
    const algSeq = first?.[0] instanceof asn1js.Sequence ? first[0] : undefined;
    const hashOid = algSeq ? (algSeq.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString() : OID.sha256;
    const certHash = (algSeq ? first?.[1] : first?.[0]) as asn1js.OctetString | undefined;
    const hashName = DIGESTS[hashOid];
    result.signingCertificateMatches = !!hashName && !!certHash && sameBytes(certHash.valueBlock.valueHexView, createHash(hashName).update(certDer).digest());
  }

  // The signed attributes exactly as they were received, as a SET.
  const encoded = info.signedAttrs.encodedValue;
  const toVerify = new Uint8Array(encoded.byteLength);
  toVerify.set(new Uint8Array(encoded));
  toVerify[0] = 0x31;
  try {
    const publicKey: KeyObject = createPublicKey({ key: Buffer.from(result.signer.subjectPublicKeyInfo.toSchema().toBER(false)), format: 'der', type: 'spki' });
    const alg = info.signatureAlgorithm.algorithmId;
    const sig = Buffer.from(info.signature.valueBlock.valueHexView);
    if (alg === OID.rsaPss) {
      result.signatureValid = cryptoVerify(digestName, toVerify, { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, sig);
    } else if ([OID.rsaEncryption, OID.sha256WithRSA, OID.sha384WithRSA, OID.sha512WithRSA].includes(alg as never)) {
      result.signatureValid = cryptoVerify(digestName, toVerify, { key: publicKey, padding: constants.RSA_PKCS1_PADDING }, sig);
    } else if ([OID.ecdsaSha256, OID.ecdsaSha384, OID.ecdsaSha512].includes(alg as never)) {
      result.signatureValid = cryptoVerify(digestName, toVerify, { key: publicKey, dsaEncoding: 'der' }, sig);
    } else {
      result.problem = `unsupported signature algorithm ${alg}`;
      return result;
    }
  } catch {
    result.signatureValid = false;
  }
  if (!result.digestMatches) result.problem = 'the signed bytes were changed (the message digest does not match)';
  else if (!result.signatureValid) result.problem = 'the signature does not verify with the signer certificate';
  else if (result.signingCertificateMatches === false) result.problem = 'the signing-certificate attribute names another certificate';
  return result;
}
