import { runCli } from './run';

// A reader that stops early (`minuta list | head -1`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Entry of the `minuta` bin (bin/minuta.js loads the built copy of this file).
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  stderrIsTty: process.stderr.isTTY === true,
});
