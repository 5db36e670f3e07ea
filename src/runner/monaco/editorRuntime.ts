// The editor's runtime as one lazily imported module: everything here is loaded on first edit.
export { loadMonaco } from './loadMonaco';
export { typeProblems } from './diagnostics';
