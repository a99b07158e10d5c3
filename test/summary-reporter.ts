/**
 * Prints, after the default report, the time each project's files took (summed over files, so more
 * than the wall time when files run in parallel), the ten slowest files, and one plain closing line,
 * `Tests: N passed, N failed, N skipped`, so tools that read a run's last line need not parse
 * coloured output and a run that grew slow says where.
 */
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const SLOWEST = 10;

/** The reporter added beside vitest's default one in vitest.config.ts. */
export class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const files: { name: string; project: string; seconds: number }[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      const d = module.diagnostic();
      files.push({
        name: path.relative(process.cwd(), module.moduleId),
        project: module.project.name,
        seconds: (d.prepareDuration + d.collectDuration + d.setupDuration + d.duration) / 1000,
      });
    }
    const out: string[] = [];
    const totals = new Map<string, number>();
    for (const file of files) totals.set(file.project, (totals.get(file.project) ?? 0) + file.seconds);
    if (files.length > 0) {
      out.push('', 'File time by project (summed over files):');
      for (const [project, seconds] of totals) out.push(`  ${project.padEnd(10)} ${seconds.toFixed(0)} s`);
      out.push(`Slowest ${Math.min(SLOWEST, files.length)} files:`);
      for (const file of [...files].sort((a, b) => b.seconds - a.seconds).slice(0, SLOWEST))
        out.push(`  ${file.seconds.toFixed(1).padStart(7)} s  ${file.project.padEnd(10)} ${file.name}`);
    }
    out.push('', `Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`, '');
    process.stdout.write(out.join('\n'));
  }
}
