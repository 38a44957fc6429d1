/** One record of a CSV file, with the line it starts on (a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** Why the record cannot be trusted (a stray or unclosed quote); its fields are then a best guess. */
  problem: string | null;
}

const BOM = '\uFEFF';

/**
 * RFC 4180: fields separated by commas, records by CRLF (LF and a lone CR are accepted too),
 * fields in double quotes may hold commas, line breaks and doubled quotes. A leading byte
 * order mark is dropped and blank lines are skipped. Never throws: problems are reported per
 * record, so a person can be told about every bad line at once.
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let index = 0;

  /** Consumes a line break at `index` if there is one; true when it did. */
  const lineBreak = (): boolean => {
    const char = input[index];
    if (char === '\r') {
      index += input[index + 1] === '\n' ? 2 : 1;
    } else if (char === '\n') {
      index += 1;
    } else {
      return false;
    }
    line += 1;
    return true;
  };

  while (index < input.length) {
    const start = line;
    const fields: string[] = [];
    let problem: string | null = null;
    for (;;) {
      let field = '';
      if (input[index] === '"') {
        index += 1;
        let closed = false;
        while (index < input.length) {
          const char = input[index];
          if (char === '"') {
            if (input[index + 1] === '"') {
              field += '"';
              index += 2;
              continue;
            }
            index += 1;
            closed = true;
            break;
          }
          const before = index;
          if (lineBreak()) {
            field += input.slice(before, index);
            continue;
          }
          field += char;
          index += 1;
        }
        if (!closed) problem ??= 'a quoted value is not closed: end it with a double quote (").';
        // Text between the closing quote and the next comma or line break.
        while (index < input.length && input[index] !== ',' && input[index] !== '\r' && input[index] !== '\n') {
          problem ??= 'there is text after a closing quote: put the whole value in quotes and double the quotes inside it ("").';
          field += input[index];
          index += 1;
        }
      } else {
        while (index < input.length && input[index] !== ',' && input[index] !== '\r' && input[index] !== '\n') {
          if (input[index] === '"') {
            problem ??= 'a value holds a double quote but does not start with one: put the whole value in quotes and double the quotes inside it ("").';
          }
          field += input[index];
          index += 1;
        }
      }
      fields.push(field);
      if (input[index] === ',') {
        index += 1;
        continue;
      }
      lineBreak();
      break;
    }
    const blank = fields.length === 1 && fields[0] === '' && problem === null;
    if (!blank) records.push({ line: start, fields, problem });
  }
  return records;
}
