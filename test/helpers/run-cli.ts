// Runs the kamiless CLI from source (node --import tsx test/helpers/run-cli.ts …), for tests that
// must kill or time a real process without depending on a build.
import { main } from '../../electron/app/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
