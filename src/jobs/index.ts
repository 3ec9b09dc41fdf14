export * from './lock-initiative.js';
export * from './evaluate-initiative.js';
export * from './initiative-report.js';
export * from './provenance.js';
export * from './portfolio-initiative.js';
export * from './portfolio-stream.js';
export * from './portfolio-summary.js';
