import { runCli } from './run';

// Entry of the `minuta` bin (bin/minuta.js loads the built copy of this file).
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
});
