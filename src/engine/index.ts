// Public entry of the simulation engine ('tcp-lab' in snippets). Implementation lands here.
export type * from './types';
export type * from './api';
