/** rendement's public library API. */
export {
  validateModel,
  valueModel,
  modelJsonSchema,
  computeSroi,
  computeMkba,
  discountFactors,
  discountPresets,
  resolveDiscount,
  npv,
  irr,
  formatRatio,
  formatEuro,
  formatNumber,
  formatPercent,
  formatProbability,
  describe,
  RendementError,
  InvalidInputError,
  UsageError,
} from './core/index.js';
export type { Model, ModelInput, ModelIssue, Valuation, SroiResult, MkbaResult, Lang, LocalisedText } from './core/index.js';
export { loadModelFile, parseModelText, type ModelFileResult } from './data/index.js';
export { ObservationStore, DEFAULT_STORE_PATH, ingestFile, type IngestOptions, type IngestResult, type UploadRecord, type StoredObservation } from './data/index.js';
export type { ObservationIssue } from './core/index.js';
// Upload service (issue 8): access tokens, audit log, the serialised writer, ingest from bytes.
export { uploaderLabel } from './data/uploader-label.js';
export { isDuckDbFile } from './data/store-path-check.js';
export { createToken, verifyToken, tokenForVerification, tokenSecretMatches, unusableTokenHash, findToken, listTokens, revokeToken, tokenIdOf, tokenScope, tokenRoles, INITIATIVE_ID, type TokenRecord, type TokenRole, type TokenSpec, type CreatedToken } from './data/tokens.js';
export { appendAudit, ensureAuditLog, listAudit, sha256Of, type AuditEntry, type AuditRecord } from './data/audit-log.js';
export { WriteQueue } from './data/write-queue.js';
export { GroupCommit, type GroupJob } from './data/group-commit.js';
export { ingestBytes } from './data/ingest-bytes.js';
// Monitoring data (issue 3): export, valuation wiring, adapters for public statistics.
export { exportObservations, resolveQuantities, ingestTable, type TableSource, elanWijkPanelAdapter, cbsKerncijfersLongAdapter, cbsKerncijfersWideAdapter, type CsvAdapter, type ExportFormat, type ResolvedQuantities, type ObservationQuery } from './data/index.js';
// Uncertainty (issue 5): tornado, switching values, scenarios and a seeded Monte Carlo; worker threads for portfolios.
export { modelUncertainty, evaluateUncertainty, resolveUncertainty, runMonteCarlo, summarizeMonteCarlo, compileValueMap, switchingValue, tornado, evaluateScenarios, type UncertaintyResult, type MonteCarloSummary, type SwitchingValue, type TornadoRow, type ScenarioResult, type Distribution, type Uncertainty } from './core/index.js';
export { runPortfolioUncertainty, type PortfolioJob, type PortfolioOutcome, type PortfolioOptions } from './data/monte-carlo-workers.js';
// Charts and reports (issue 6): Vega-Lite specs, SVG/PNG, council and neighbourhood HTML, Markdown, JSON, portfolio.
export { buildReport, buildPortfolio, writeReportFiles, reportFormats, reportUncertainty, type ReportFormat, type ReportFile, type ReportBundle, type ReportInput, type ReportOptions, type ReportEvaluation, type ReportUncertainty, type ReportSwitchingValue, type ProvenanceEntry, type ReportVoice } from './render/index.js';
export { waterfallChart, stakeholderChart, distributionChart, inputsChart, scorecardChart, indicatorSeriesChart, didChart, tornadoChart, monteCarloChart, portfolioChart, histogramBins, renderSvg, renderPng, compileChart, specJson, type Chart, type DataTable, type ScorecardRow, type CriterionStatus, type IndicatorSeriesInput, type DidChartInput, type TornadoInput, type MonteCarloInput, type HistogramBin, type PortfolioEntry } from './render/index.js';
// Outcome evaluation (issue 4): whole-initiative evaluation from the store, criteria locks.
export { evaluateInitiative, initiativeEvaluationJson, valuationJson, initiativeUncertainty, withUncertainty, initiativeReportInput, provenanceOf, type InitiativeEvaluation, type InitiativeEvaluationOptions, type Provenance } from './jobs/index.js';
export { saveCriteriaLock, loadCriteriaLocks, saveForecastLock, loadForecastLocks } from './data/criteria-lock-store.js';
// Plan versus realised (issue 13 point 5): the forecast locked with the criteria, and its variance decomposition.
export { lockInitiative, type LockInitiativeOptions, type LockInitiativeResult } from './jobs/index.js';
export { lockForecast, forecastHash, planVersusRealised, type ForecastLock, type PlanVersusRealised, type OutcomeVariance, type RuleChange, type VarianceEffects } from './core/index.js';
export { lockCriteria, criteriaLockStatus, evaluateOutcomes, toEvaluationJson, type CriteriaLock, type EvaluationJson, type OutcomeEvaluation } from './core/index.js';
export { reportEvaluation } from './render/report-evaluation.js';
export { reportInputFrom } from './render/report-input-from.js';
// Excel both ways (issue 13.6): the value map as a workbook with live formulas, and the SVUK value map template read into a model.
export { valueMapWorkbook, columnLetter, type WorkbookPlan, type WorkbookSheet, type WorkbookCell, type WorkbookFormat } from './core/svuk-workbook.js';
export { writeWorkbookXlsx } from './data/xlsx-write.js';
export { importSvukValueMap, parseAmount, parseShare, type SheetCells, type SheetValue, type SvukImport, type SvukImportOptions, type SvukField, type UnmappedCell, type MissingField } from './core/svuk-import.js';
export { readXlsxCells, MAX_XLSX_BYTES, MAX_XLSX_CELLS } from './data/xlsx-read.js';
export { importSvukXlsx, svukModelYaml, type SvukXlsxImport } from './data/xlsx-import.js';
// Excel data, approval of uploads, participants' voices (issue 14).
export { ensureUploadReviews, recordUploadReview, uploadReviews, uploadStates, REVIEW_REASON_MAX, type UploadReview, type UploadState } from './data/upload-reviews.js';
export { openQuarantine, type Quarantine } from './data/quarantine.js';
export { ensureVoices, storeVoicesCsv, storeVoices, voiceBatchExists, voiceRules, voicesFor, type StoredVoice, type VoicesResult } from './data/voices.js';
// Portfolio at scale (issue 18): overview from summary rows, streamed runs on worker threads.
export { buildPortfolioOverview, portfolioRow, portfolioSpreadChart, type PortfolioRow, type PortfolioOverviewOptions } from './render/index.js';
export { runPortfolioStream, runPortfolioInitiative, portfolioSummaryCsv, portfolioSummaryColumns, writePortfolioSummaryParquet, type PortfolioStreamOptions, type PortfolioStreamResult, type PortfolioFailure, type PortfolioInitiativeJob, type PortfolioInitiativeDone, type PortfolioFigures } from './jobs/index.js';
