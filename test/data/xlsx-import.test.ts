import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { svukWorkbook } from './svuk-fixture.js';
import { parse } from 'yaml';
import { importSvukXlsx } from '../../src/data/xlsx-import.js';
import { readXlsxCells, unzippedSize } from '../../src/data/xlsx-read.js';
import { createDeflateRaw } from 'node:zlib';
import { importSvukValueMap, parseAmount, parseShare } from '../../src/core/svuk-import.js';
import { valueModel } from '../../src/core/value-model.js';
import { validateModel } from '../../src/core/validate-model.js';
import { InvalidInputError } from '../../src/core/errors.js';

describe('parseAmount and parseShare', () => {
  it('reads Dutch and English amounts and percentages', () => {
    expect(parseAmount('€ 1.250,50')).toBe(1250.5);
    expect(parseAmount('£1,250.50')).toBe(1250.5);
    expect(parseAmount('0,25')).toBe(0.25);
    expect(parseAmount('many')).toBeNull();
    expect(parseShare('10%')).toEqual({ value: 0.1, asPercent: false });
    expect(parseShare(0.25)).toEqual({ value: 0.25, asPercent: false });
    expect(parseShare(5)).toEqual({ value: 0.05, asPercent: true });
    expect(parseShare(150)).toBeNull();
  });
});

describe('importSvukXlsx', () => {
  let dir = '';
  let file = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rendement-svuk-'));
    file = join(dir, 'value-map.xlsx');
    writeFileSync(file, await svukWorkbook());
  });

  it('maps the SVUK layout to a valid model, value by value', async () => {
    const { mapping, validation, yaml } = await importSvukXlsx(file, { id: 'buurtkamer', priceYear: 2024 });
    expect(mapping.sheet).toBe('Value Map');
    expect(mapping.headerRow).toBe(5);
    expect(mapping.columns).toMatchObject({ stakeholder: 'A', inputValue: 'D', quantity: 'I', duration: 'J', proxyValue: 'L', proxySource: 'M', indicatorSource: 'H', deadweight: 'N', displacement: 'O', attribution: 'P', dropOff: 'Q', impact: 'R' });
    expect(validation.ok, JSON.stringify(validation.issues)).toBe(true);
    const m = mapping.model as { stakeholders: { id: string; name: string }[]; inputs: unknown[]; outcomes: Record<string, any>[]; valuation: Record<string, unknown> };
    expect(m.stakeholders.map((s) => s.name)).toEqual(['Residents (65+)', 'Council', 'Volunteers']);
    expect(m.inputs).toEqual([{ id: 'grant', funder: 'council', kind: 'money', years: [0], amount: 5000, description: 'Grant' }]);
    const [lonely, active, skills] = m.outcomes;
    // Row 6: quantity 10, £100, deadweight 20 %, attribution 25 %, one year, proxy source PSSRU.
    expect(lonely).toMatchObject({ id: 'residents-feel-less-lonely', stakeholder: m.stakeholders[0]!.id, quantity: 10, duration: 1 });
    expect(lonely!['proxy']).toMatchObject({ value: 100, source: 'PSSRU 2023', priceYear: 2024, description: 'GP visits avoided' });
    expect([lonely!['deadweight'].value, lonely!['displacement'].value, lonely!['attribution'].value, lonely!['dropOff'].value]).toEqual([0.2, 0, 0.25, 0]);
    expect(lonely!['deadweight'].reason).toBe('SVUK value map: Value Map!N6');
    // Row 7 (stakeholder from the merged A6:A7): "12" → 12, "€ 1.250,50" → 1250.50, "10%" → 0.10, 5 → 5 %, 0.5 drop-off, 3 years.
    expect(active).toMatchObject({ stakeholder: m.stakeholders[0]!.id, quantity: 12, duration: 3 });
    expect(active!['proxy'].value).toBe(1250.5);
    expect([active!['deadweight'].value, active!['displacement'].value, active!['attribution'].value, active!['dropOff'].value]).toEqual([0.1, 0.05, 0.1, 0.5]);
    // Row 10: quantity "many" is not a number → 0 with a note; the empty deadweight → 0; the empty duration → 1.
    expect(skills).toMatchObject({ quantity: 0, duration: 1 });
    expect(m.valuation).toMatchObject({ method: 'sroi', priceYear: 2024, horizonYears: 3, discountFirstYear: true, discount: { rate: 0.035, source: 'SVUK value map: Value Map!B13' } });

    const unmapped = mapping.unmapped.map((u) => u.cell);
    expect(unmapped).toEqual(expect.arrayContaining(['E6', 'R7', 'T9', 'I10']));
    expect(unmapped).toHaveLength(4);
    const impact = mapping.unmapped.find((u) => u.cell === 'R7')!;
    // Hand: 12 × 1250.50 × 0.9 × 0.95 × 0.9 = 11547.117, not the 999 in the sheet.
    expect(impact.reason.en).toContain('11547.117');
    expect(mapping.missing.map((x) => x.path.join('.'))).toEqual(expect.arrayContaining(['outcomes.2.quantity', 'outcomes.2.deadweight.value', 'outcomes.2.duration', 'municipality']));
    // The YAML carries the notes as comments and parses back to the same model.
    expect(yaml).toContain('ONTBREEKT / MISSING');
    expect(yaml).toMatch(/displacement:\n\s+value: 0\.05 # 5 in Value Map!O7 gelezen als 5 %/);
    expect(parse(yaml)).toEqual(mapping.model);
  });

  it('values the imported model as a hand calculation does', async () => {
    const { validation } = await importSvukXlsx(file, { id: 'buurtkamer', priceYear: 2024 });
    if (!validation.ok) throw new Error('invalid');
    const v = valueModel(validation.model).valuation;
    // Hand, 3.5 % from the sheet, year 1 discounted (SVUK "Calculating Social Return"):
    // lonely: 10 × 100 × 0.8 × 1 × 0.75 = 600 in year 1 → 600 × 0.966183575 = 579.710145
    // active: 11547.117 × (0.966183575 + 0.5 × 0.933510700 + 0.25 × 0.901942706) = 19150.022909
    // skills: quantity 0 → 0. Inputs: 5000 in year 0, not discounted. Ratio = 19729.733054 / 5000 = 3.945946611.
    expect(v.presentValueBenefits).toBeCloseTo(19729.733053888936, 6);
    expect(v.presentValueInputs).toBe(5000);
    expect(v.sroiRatio!).toBeCloseTo(3.945946610777787, 9);
  });

  it('takes a negative proxy as a negative outcome (sign: negative, the proxy its size) and values it as a cost', () => {
    const rows = [
      ['Belanghebbende', 'Omschrijving', 'Aantal', 'Duur', 'Financiële proxy', 'Waarde', 'Bron', 'Deadweight', 'Verdringing', 'Toerekening', 'Afname'],
      [],
      ['Bewoners', 'Minder eenzaam', 20, 1, 'Huisartsbezoek', 80, 'Kengetallen', '30%', '0%', '10%', '0%'],
      ['Buren', 'Drukte bij de ingang', 10, 1, 'Geluidshinder', '€ -50', 'Illustratief', '0%', '0%', '0%', '0%'],
      ['Discontovoet', 0.0225],
    ];
    const r = importSvukValueMap([{ name: 'Waardekaart', rows }], { id: 'x', priceYear: 2024 });
    if ('error' in r) throw new Error(r.error.en);
    const [plus, minus] = r.model['outcomes'] as Record<string, any>[];
    expect(plus!['sign']).toBeUndefined();
    expect(minus).toMatchObject({ sign: 'negative', quantity: 10, proxy: { value: 50, source: 'Illustratief' } });
    expect(r.unmapped).toHaveLength(0);
    expect(r.notes.map((n) => n.note.en)).toEqual(expect.arrayContaining([expect.stringContaining('taken as a negative outcome')]));
    const validation = validateModel(r.model);
    if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
    const v = valueModel(validation.model).valuation;
    // Hand, 2.25 % from the sheet, year 1 discounted: 20 × 80 × 0.7 × 0.9 = 1008; 10 × 50 = 500, a cost, so −500;
    // (1008 − 500) / 1.0225 = 508 × 0.977995110 = 496.821516.
    expect(v.presentValueBenefits).toBeCloseTo(496.82151589242054, 6);
    expect(v.outcomes.find((o) => o.negative)!.presentValue).toBeCloseTo(-488.99755501222493, 6);
  });

  it('finds the value map by Dutch headers too, and says where a missing sheet is', () => {
    const rows = [
      ['Belanghebbende', 'Omschrijving', 'Aantal', 'Duur', 'Financiële proxy', 'Waarde', 'Bron', 'Deadweight', 'Verdringing', 'Toerekening', 'Afname'],
      [],
      ['Bewoners', 'Minder eenzaam', 20, 2, 'Huisartsbezoek', 80, 'Kengetallen', '30%', '0%', '10%', '20%'],
      ['Discontovoet', 0.0225],
    ];
    const r = importSvukValueMap([{ name: 'Waardekaart', rows }], { id: 'x', priceYear: 2024 });
    if ('error' in r) throw new Error(r.error.en);
    const o = (r.model['outcomes'] as Record<string, any>[])[0]!;
    expect(o).toMatchObject({ quantity: 20, duration: 2, proxy: { value: 80, source: 'Kengetallen' } });
    expect([o['deadweight'].value, o['displacement'].value, o['attribution'].value, o['dropOff'].value]).toEqual([0.3, 0, 0.1, 0.2]);
    expect((r.model['valuation'] as Record<string, unknown>)['discount']).toMatchObject({ rate: 0.0225 });
    const missing = importSvukValueMap([{ name: 'Waardekaart', rows }], { id: 'x', priceYear: 2024, sheet: 'Blad9' });
    expect('error' in missing && missing.error.en).toContain('There is no sheet "Blad9". The workbook has: Waardekaart');
  });

  it('refuses what is not an .xlsx value map with a message naming the file and what to do', async () => {
    const expectError = async (path: string, code: string, en: RegExp, limits?: { maxBytes: number }): Promise<void> => {
      const err = await (limits ? readXlsxCells(path, limits) : importSvukXlsx(path, { id: 'x', priceYear: 2024 })).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(InvalidInputError);
      expect((err as InvalidInputError).code).toBe(code);
      expect((err as InvalidInputError).text.en).toMatch(en);
      expect((err as InvalidInputError).text.nl).toContain(path);
    };
    const text = join(dir, 'notes.xlsx');
    writeFileSync(text, 'stakeholder;quantity\n');
    await expectError(text, 'xlsx.not-xlsx', /is not an \.xlsx workbook\. Save the file/);
    // An encrypted .xlsx is an OLE2 compound file (MS-OFFCRYPTO), starting with D0 CF 11 E0 A1 B1 1A E1.
    const locked = join(dir, 'locked.xlsx');
    writeFileSync(locked, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    await expectError(locked, 'xlsx.password-protected', /password-protected .*remove the password/);
    await expectError(join(dir, 'absent.xlsx'), 'xlsx.unreadable', /Cannot read .*ENOENT/);
    await expectError(file, 'xlsx.too-large', /the limit is 0 MB/, { maxBytes: 1000 });
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]));
    await expectError(broken, 'xlsx.not-xlsx', /not a readable \.xlsx workbook/);
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Blad1').getCell('A1').value = 'hello';
    const other = join(dir, 'other.xlsx');
    writeFileSync(other, Buffer.from(await empty.xlsx.writeBuffer()));
    await expectError(other, 'xlsx.no-value-map', /No value map found/);
    expect(readFileSync(text, 'utf8')).toBe('stakeholder;quantity\n');
  });
  it('refuses a zip bomb (a small .xlsx that unzips to 150 MB) before unzipping it', async () => {
    // 150 MB of zeros deflated in 1 MB chunks: about 150 kB on disk.
    const deflate = createDeflateRaw({ level: 9 });
    const parts: Buffer[] = [];
    deflate.on('data', (b: Buffer) => parts.push(b));
    const done = new Promise((resolve) => deflate.on('end', resolve));
    const chunk = Buffer.alloc(1 << 20);
    for (let i = 0; i < 150; i++) deflate.write(chunk);
    deflate.end();
    await done;
    const data = Buffer.concat(parts);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    // One entry, local header + central directory + end record (APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16); sizes as stated.
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(150 << 20, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(150 << 20, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(0, 42);
    const cdOffset = local.length + name.length + data.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(cdOffset, 16);
    const bomb = join(dir, 'bomb.xlsx');
    writeFileSync(bomb, Buffer.concat([local, name, data, central, name, end]));
    expect(data.length).toBeLessThan(1 << 20);
    const err = await readXlsxCells(bomb).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).code).toBe('xlsx.too-large');
    expect((err as InvalidInputError).text.en).toContain('unzips to more than 100 MB');
    // The real value map unzips to a few kB.
    expect(unzippedSize(readFileSync(file), 1 << 20)).toBeGreaterThan(1000);
  });
});
