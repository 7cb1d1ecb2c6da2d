import { MinutaError } from '../../shared/errors';

/**
 * Reads a password from the terminal without echoing it (raw mode: each key is handled here and
 * nothing is written back but a newline). Refuses when there is no terminal, rather than reading a
 * password from a pipe that might be a log.
 */
export function readPasswordFromTerminal(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    return Promise.reject(new MinutaError('invalid', 'No password: use --password-file FILE or MINUTA_P12_PASSWORD, or run in a terminal to be asked', 'password'));
  }
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
        if (ch === '\u0003') return done(new MinutaError('invalid', 'Cancelled', 'password'));
        if (ch === '\u007f' || ch === '\b') value = Array.from(value).slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
