import { importCasesJson } from './cases-json.js';
import { importHelpdeskLogCsv } from './helpdesk-log-csv.js';
import { ImportError, type ImportFormat, type ImportItem } from './import-result.js';
import { importKaggleCsv } from './kaggle-csv.js';
import { importServiceNowCsv } from './servicenow-csv.js';
import { importZendeskExport } from './zendesk/zendesk-export.js';

/**
 * Reads cases from the text of an export in one of the supported formats. Throws `ImportError` when the
 * whole input is unreadable (e.g. malformed JSON); a bad row is yielded as `{ ok: false, row, reason }`.
 *
 * @example for (const item of importCases(text, 'kaggle-csv')) ...
 */
export function importCases(text: string, format: ImportFormat, tenantId = 'default'): Iterable<ImportItem> {
  switch (format) {
    case 'zendesk-json': {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (e) {
        throw new ImportError(`malformed JSON: ${(e as Error).message}`);
      }
      return importZendeskExport(data, tenantId);
    }
    case 'kaggle-csv':
      return importKaggleCsv(text, tenantId);
    case 'servicenow-csv':
      return importServiceNowCsv(text, tenantId);
    case 'helpdesk-log-csv':
      return importHelpdeskLogCsv(text, tenantId);
    case 'cases-json':
      return importCasesJson(text, tenantId);
  }
}
