import ExcelJS from 'exceljs';

/**
 * A value map in the layout of Social Value UK's "SROI Value Map" template (the spreadsheet that accompanies
 * "A Guide to Social Return on Investment", SROI Network / Social Value UK 2012): a title, a "Stage 1–4" row of
 * merged cells, a row of column groups (Stakeholders, Intended/unintended changes, Inputs over two columns,
 * Outputs, The Outcomes (what changes) over eight columns, Deadweight %, Displacement %, Attribution %, Drop off %,
 * Impact), a row of the template's questions, the outcome rows, and the "Calculating Social Return" block with the
 * discount rate. The stakeholder cell of the first two outcomes is merged, as value maps often have it.
 */
export async function svukWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Value Map');
  ws.getCell('A1').value = 'The SROI Value Map';
  const stage = (range: string, label: string): void => {
    ws.getCell(range.split(':')[0]!).value = label;
    ws.mergeCells(range);
  };
  stage('A3:B3', 'Stage 1');
  stage('C3:F3', 'Stage 2');
  stage('G3:M3', 'Stage 3');
  stage('N3:R3', 'Stage 4');
  ws.getRow(4).values = ['Stakeholders', 'Intended/unintended changes', 'Inputs', null, 'Outputs', 'The Outcomes (what changes)', null, null, null, null, null, null, null, 'Deadweight %', 'Displacement %', 'Attribution %', 'Drop off %', 'Impact'];
  ws.mergeCells('C4:D4');
  ws.mergeCells('F4:M4');
  ws.getRow(5).values = [
    'Who do we have an effect on? Who has an effect on us?',
    'What do you think will change for them?',
    'What do they invest?',
    'Value £',
    'Summary of activity in numbers',
    'Description: How would the stakeholder describe the changes?',
    'Indicator: How would you measure it?',
    'Source: Where did you get the information from?',
    'Quantity: How much change was there?',
    'Duration: How long does it last?',
    'Financial proxy: What proxy would you use to value the change?',
    'Value £: What is the value of the change?',
    'Source: Where did you get the information from?',
    'What would have happened without the activity?',
    'What activity did you displace?',
    'Who else contributed to the change?',
    'Does the outcome drop off in future years?',
    'Quantity times financial proxy, less deadweight, displacement and attribution',
  ];
  ws.getRow(6).values = ['Residents (65+)', 'Less lonely', 'Time', null, '40 sessions', 'Residents feel less lonely', 'UCLA loneliness score', 'Survey 2023', 10, 1, 'GP visits avoided', 100, 'PSSRU 2023', 0.2, 0, 0.25, 0, { formula: 'I6*L6*(1-N6)*(1-O6)*(1-P6)', result: 600 }];
  ws.getRow(7).values = [null, 'More active', null, null, null, 'Residents are more active', 'Days active per week', 'Survey 2023', '12', 3, 'Gym membership', '€ 1.250,50', 'Sport England', '10%', 5, 0.1, 0.5, 999];
  ws.mergeCells('A6:A7');
  ws.getRow(9).values = ['Council', null, 'Grant', 5000];
  ws.getCell('T9').value = 'note to self';
  ws.getRow(10).values = ['Volunteers', null, null, null, null, 'Volunteers gain skills', null, null, 'many', null, 'Course fee', 50, 'Local college', null, 0, 0, 0];
  ws.getCell('A12').value = 'Calculating Social Return';
  ws.getCell('A13').value = 'Discount rate (%)';
  ws.getCell('B13').value = 0.035;
  ws.getCell('B13').numFmt = '0.0%';
  ws.getCell('A14').value = 'Total Present Value (PV)';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
