// Every playground on a page shares one runner worker; runs are queued, never concurrent.
import { createBrowserRunner, type SnippetRunner } from '../../src/runner/snippetRunner';

let runner: SnippetRunner | undefined;

export function pageRunner(): SnippetRunner {
  runner ??= createBrowserRunner();
  return runner;
}
