export * from './lock-initiative.js';
export * from './evaluate-initiative.js';
export * from './initiative-report.js';
export * from './provenance.js';
