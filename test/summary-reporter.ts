/**
 * Prints one plain closing line, `Tests: N passed, N failed, N skipped`, after the default report, so
 * tools that read a run's last line need not parse coloured output.
 */
import type { Reporter, TestModule } from 'vitest/node';

/** The reporter added beside vitest's default one in vitest.config.ts. */
export class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
