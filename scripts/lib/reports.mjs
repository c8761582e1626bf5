// Readers of test-runner reports, so the closing line counts tests, not steps.
import { readFileSync } from "node:fs";

/**
 * Counts a vitest JSON report. A test file that fails to load has no test results of its own; it is
 * `testResults[].status === "failed"` and counts as one failure (vitest's report has no Jest
 * `numRuntimeErrorTestSuites`).
 */
export function vitestCounts(file) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  const brokenFiles = (report.testResults ?? []).filter(
    (result) =>
      result.status === "failed" && (result.assertionResults ?? []).every((a) => a.status !== "failed"),
  ).length;
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + brokenFiles };
}

/** Counts a JUnit XML report (pytest, PHPUnit, minitest reporters): tests minus failures, errors and skips. */
export function junitCounts(file) {
  const xml = readFileSync(file, "utf8");
  let passed = 0;
  let failed = 0;
  for (const match of xml.matchAll(/<testsuite\b[^>]*>/g)) {
    const attr = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(match[0])?.[1] ?? 0);
    // Nested suites repeat their children's totals; only count leaf-level suites once via the first root.
    passed += attr("tests") - attr("failures") - attr("errors") - attr("skipped");
    failed += attr("failures") + attr("errors");
    break;
  }
  return { passed, failed };
}
