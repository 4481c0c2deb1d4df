import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { failureJson, failureSentence } from '../../src/report/solve-failure.js';

describe('the sentence for a solve that did not succeed (docs/cli.md, exit status 1)', () => {
  const spectralRadius = { lower: 0.99999954, upper: 1.0000005 };
  const hints = { maxIterations: { value: 5000, option: '--max-iterations' }, tolerance: { value: 1e-12, option: '--tolerance' } };

  test('not productive: the bounds and the loop to check, or the coefficients in general', () => {
    const withLoop = failureSentence({ status: 'not-productive', iterations: 100, spectralRadius }, { what: 'the gross output', loops: [['a', 'b']], ...hints });
    assert.equal(
      withLoop,
      'the gross output: the economy is not productive (the spectral radius of A is between 0.99999954 and 1.0000005; within 1e-6 of 1 counts as 1), so (I − A)⁻¹ does not exist; ' +
        'the loop of items "a", "b" needs, around the loop, at least as much of them as it makes: check the input coefficients of the techniques that make them, and their units.',
    );
    assert.match(failureSentence({ status: 'not-productive' }, { what: 'x', loops: [['seed']] }), /item "seed" needs at least one unit of itself per unit made: check the input coefficients of the techniques that make it/);
    const many = failureSentence({ status: 'not-productive' }, { what: 'x', loops: [Array.from({ length: 9 }, (_, i) => `p${i}`)] });
    assert.match(many, /"p5" and 3 more/);
    assert.match(failureSentence({ status: 'not-productive' }, { what: 'x' }), /check the input coefficients of the techniques, and the units of the items/);
  });

  test('did not converge: the options that would change it', () => {
    const s = failureSentence({ status: 'max-iterations', iterations: 5000, relativeResidual: 3e-9 }, { what: 'the labour values', ...hints });
    assert.equal(s, 'the labour values did not converge in 5000 iterations, relative residual 3.00e-9: raise --max-iterations (now 5000) or loosen --tolerance (now 1e-12).');
    assert.match(failureSentence({ status: 'max-iterations', iterations: 1 }, { what: 'x' }), /in 1 iteration: .*rescale the units/);
  });

  test('breakdown and a singular inverse', () => {
    assert.match(failureSentence({ status: 'breakdown', iterations: 7, spectralRadius }, { what: 'x', ...hints }), /^x: the iterative solver broke down after 7 iterations \(the spectral radius .*\): rescale the units of the items .*, or loosen --tolerance \(now 1e-12\)\.$/);
    assert.match(failureSentence({ status: 'singular' }, { what: 'the Leontief inverse' }), /I − A is singular to working precision/);
  });

  test('the JSON carries the status, the sentence, the iterations and the bounds: no number of the solve', () => {
    assert.deepEqual(failureJson({ status: 'breakdown', iterations: 3, relativeResidual: Number.NaN, spectralRadius }, 'why'), { status: 'breakdown', message: 'why', iterations: 3, spectralRadius });
  });
});
