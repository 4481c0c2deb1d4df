/**
 * Ends the process quietly when the reader of a stream goes away (`plenty … --json | head`): the
 * write fails with EPIPE, which Node would otherwise raise as an unhandled error with a stack trace.
 * What was read is what the reader wanted, so the exit status is 0, as for `head` after `cat`.
 * Any other error of the stream is reported as the internal error it is.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    process.stderr.write(`plenty: cannot write the output: ${err.message}\n`);
    process.exit(2);
  });
}
