/**
 * CSV imports: what the tab API and the CLI need. `previewImport` checks a file and reports what it would change;
 * `applyImport` applies it (all or nothing, or the valid rows only). Reports are plain JSON.
 */
export { applyImport, previewImport, runImport, type ImportInput, type ImportMode, type ImportProgress, type ImportReport, type ImportRequest, type RowError } from './run-import';
export { IMPORT_KINDS, isImportKind, LAYOUTS, type ColumnSpec, type ImportKind, type Layout } from './layouts';
export { layoutTable, templateCsv, templateFileName } from './templates';
