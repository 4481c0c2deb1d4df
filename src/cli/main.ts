#!/usr/bin/env node
import { endQuietlyOnClosedPipe } from './closed-pipe.js';
import { buildProgram } from './program.js';
import { reportError } from './run-command.js';

endQuietlyOnClosedPipe(process.stdout);

buildProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    process.exitCode = reportError(err);
  });
