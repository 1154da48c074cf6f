/**
 * Reads Microsoft's "Product names and service plan identifiers for licensing"
 * list as shipped in data/microsoft-license-skus.csv. The file is small and
 * fixed-shape, so a strict RFC 4180 reader here beats a dependency.
 */

export interface SkuName {
  readonly skuPartNumber: string;
  readonly skuId: string;
  readonly productDisplayName: string;
}

const HEADER = ['skuPartNumber', 'skuId', 'productDisplayName'] as const;

/** Throws Error naming the line when the file is not the expected three-column CSV. */
export function parseSkuCsv(text: string): SkuName[] {
  const [header, ...rows] = readCsvRecords(text.replace(/^\uFEFF/, ''));
  if (header?.fields.join(',') !== HEADER.join(',')) {
    throw new Error(`SKU list: expected the header "${HEADER.join(',')}"`);
  }
  return rows.map(({ fields, line }) => {
    const [skuPartNumber, skuId, productDisplayName] = fields;
    if (fields.length !== HEADER.length || !skuPartNumber || !skuId || !productDisplayName) {
      throw new Error(`SKU list line ${line}: expected ${HEADER.length} non-empty fields`);
    }
    return { skuPartNumber, skuId, productDisplayName };
  });
}

interface CsvRecord {
  readonly fields: string[];
  /** 1-based line where the record starts, for error messages. */
  readonly line: number;
}

function readCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;

  const endRecord = (): void => {
    fields.push(field);
    // Blank lines (including the one after the final newline) are not records.
    if (fields.length > 1 || fields[0] !== '') records.push({ fields, line: recordLine });
    fields = [];
    field = '';
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') line++;
    if (inQuotes) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        inQuotes = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field === '') {
      inQuotes = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n') {
      endRecord();
      recordLine = line;
    } else if (char !== '\r') {
      field += char;
    }
  }
  if (inQuotes) throw new Error(`SKU list line ${recordLine}: unterminated quoted field`);
  endRecord();
  return records;
}
