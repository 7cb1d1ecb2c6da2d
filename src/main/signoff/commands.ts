/**
 * The sign-off commands as the CLI lists and parses them. Kept apart from cli.ts, which the CLI loads
 * only when one of these commands runs (so that `minuta list` never loads the cryptography).
 */

export const SIGNOFF_USAGE = `  sign FILE.pdf --field NAME --p12 KEY.p12 [--password-file F] --out FILE.pdf
                                          sign one empty signature field (PAdES, as an
                                          incremental update); the password comes from
                                          --password-file, MINUTA_P12_PASSWORD or a prompt;
                                          with --db, also audited on the copy's meeting
                                          (and attached when it is sealed)
  certify FILE.pdf --p12 KEY.p12 [--password-file F] --out FILE.pdf
          [--field NAME] [--permissions 1|2|3]
                                          certify the copy before anyone signs it (DocMDP;
                                          2: only signing may follow), in an invisible field
  verify-signatures FILE.pdf [--trust FILE|DIR] [--format text|json]
                                          check every signature (chains against the CA
                                          certificates of --trust): exit 0 all valid,
                                          1 one is not, 2 the file cannot be read`;

export const SIGNOFF_COMMANDS: Record<string, ReadonlySet<string>> = {
  sign: new Set(['--field', '--p12', '--password-file', '--out']),
  certify: new Set(['--field', '--p12', '--password-file', '--out', '--permissions']),
  'verify-signatures': new Set(['--trust', '--format']),
};

/** The command line is wrong: the CLI prints the usage and exits 2. */
export class SignoffUsageError extends Error {}
