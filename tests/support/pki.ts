import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A throwaway PKI made with the openssl command at test time, in a temp folder (no private key is
 * ever committed): a root CA and signer certificates issued by it, each packed with its key and the
 * CA into a PKCS#12 file. `openssl ca` is used (not `x509 -req`) because it can set any validity
 * period, past or future, which the expiry tests need.
 */

export interface Signer {
  name: string;
  p12: string;
  password: string;
  cert: string;
  key: string;
}

export interface TestPki {
  dir: string;
  caCert: string;
  caKey: string;
  issue(options: IssueOptions): Signer;
}

export interface IssueOptions {
  name: string;
  /** Subject, e.g. "/C=KH/O=Ministry of Labour/CN=H.E. Mr. Heng Sour". UTF-8 allowed. */
  subject: string;
  key: 'rsa' | 'ec-p256' | 'ec-p384';
  password?: string;
  /** keyUsage extension value; `none` leaves the extension out. */
  keyUsage?: string | 'none';
  /** YYYYMMDDHHMMSSZ */
  startDate?: string;
  endDate?: string;
}

function run(args: string[], cwd: string): string {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.error) throw new Error(`openssl is missing (apt-get install openssl): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

function newKey(kind: IssueOptions['key'], out: string, cwd: string) {
  if (kind === 'rsa') run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', out], cwd);
  else run(['genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${kind === 'ec-p256' ? 'P-256' : 'P-384'}`, '-out', out], cwd);
}

export function createTestPki(dir: string, caSubject = '/C=LA/O=Minuta Test Secretariat/CN=Minuta Test Root CA'): TestPki {
  mkdirSync(join(dir, 'newcerts'), { recursive: true });
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = test_ca',
      '[test_ca]',
      `dir = ${dir}`,
      'database = $dir/index.txt',
      'new_certs_dir = $dir/newcerts',
      'serial = $dir/serial',
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      'utf8 = yes',
      'string_mask = utf8only',
      '[any]',
      'commonName = supplied',
      'organizationName = optional',
      'countryName = optional',
      'emailAddress = optional',
      '[req]',
      'distinguished_name = dn',
      'utf8 = yes',
      'string_mask = utf8only',
      '[dn]',
      '[ca_ext]',
      'basicConstraints = critical, CA:true',
      'keyUsage = critical, keyCertSign, cRLSign',
      'subjectKeyIdentifier = hash',
      '',
    ].join('\n'),
  );
  const caKey = join(dir, 'ca.key');
  const caCert = join(dir, 'ca.pem');
  newKey('rsa', caKey, dir);
  run(['req', '-config', 'ca.cnf', '-new', '-x509', '-utf8', '-key', caKey, '-subj', caSubject, '-days', '3650', '-extensions', 'ca_ext', '-out', caCert], dir);

  return {
    dir,
    caCert,
    caKey,
    issue(o) {
      const key = join(dir, `${o.name}.key`);
      const csr = join(dir, `${o.name}.csr`);
      const cert = join(dir, `${o.name}.pem`);
      const ext = join(dir, `${o.name}.ext`);
      const p12 = join(dir, `${o.name}.p12`);
      const password = o.password ?? `pw-${o.name}-Ünï`;
      newKey(o.key, key, dir);
      run(['req', '-config', 'ca.cnf', '-new', '-utf8', '-key', key, '-subj', o.subject, '-out', csr], dir);
      const usage = o.keyUsage ?? 'critical, digitalSignature, nonRepudiation';
      writeFileSync(
        ext,
        ['basicConstraints = CA:false', ...(usage === 'none' ? [] : [`keyUsage = ${usage}`]), 'subjectKeyIdentifier = hash', 'authorityKeyIdentifier = keyid', ''].join('\n'),
      );
      run(
        [
          'ca', '-batch', '-config', 'ca.cnf', '-cert', caCert, '-keyfile', caKey, '-in', csr, '-out', cert, '-notext', '-utf8',
          '-extfile', ext, '-startdate', o.startDate ?? '20250101000000Z', '-enddate', o.endDate ?? '20351231235959Z',
        ],
        dir,
      );
      run(['pkcs12', '-export', '-inkey', key, '-in', cert, '-certfile', caCert, '-name', o.name, '-out', p12, '-passout', `pass:${password}`], dir);
      return { name: o.name, p12, password, cert, key };
    },
  };
}
