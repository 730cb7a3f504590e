/**
 * Native Excel charts added to an .xlsx that exceljs wrote (exceljs writes no charts): for each
 * template chart, a DrawingML chart part (clustered column, clustered bar or line, one series per
 * template series, categories and values as references to the sheet's cells, so Excel and
 * LibreOffice draw them from the stored values), a drawing anchoring it at its cell with its size,
 * and the relationships and content types that tie them to the sheet. The same TemplateChart the
 * pane hands to Office.js (taskpane/workbook/office-template.ts).
 */
import JSZip from 'jszip';
import type { TemplateChart } from '../../src/sheets/template/plan';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const EMU_PER_POINT = 12700;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "B2:B13" on sheet "Dashboard" → "'Dashboard'!$B$2:$B$13". */
export function absoluteRef(sheet: string, local: string): string {
  const abs = local
    .split(':')
    .map((a) => a.replace(/^([A-Za-z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
  return `'${sheet.replace(/'/g, "''")}'!${abs}`;
}

/** The chart part of one template chart. */
export function chartXml(sheet: string, chart: TemplateChart): string {
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escape(s.name)}</c:v></c:tx>` +
        `<c:cat><c:strRef><c:f>${escape(absoluteRef(sheet, chart.categories))}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escape(absoluteRef(sheet, s.values))}</c:f></c:numRef></c:val>` +
        (chart.kind === 'line' ? '<c:smooth val="0"/>' : '') +
        `</c:ser>`,
    )
    .join('');
  const axes = '<c:axId val="1001"/><c:axId val="1002"/>';
  const plot =
    chart.kind === 'line'
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
      : `<c:barChart><c:barDir val="${chart.kind === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axes}</c:barChart>`;
  const catPos = chart.kind === 'bar' ? 'l' : 'b';
  const valPos = chart.kind === 'bar' ? 'b' : 'l';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escape(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}` +
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${catPos}"/><c:crossAx val="1002"/></c:catAx>` +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:crossAx val="1001"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part of a sheet: one anchor per chart, at its cell, with its size. */
export function drawingXml(charts: readonly TemplateChart[]): string {
  const anchors = charts
    .map(
      (chart, i) =>
        `<xdr:oneCellAnchor><xdr:from><xdr:col>${chart.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${chart.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${Math.round(chart.width * EMU_PER_POINT)}" cy="${Math.round(chart.height * EMU_PER_POINT)}"/>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escape(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`;
}

const relsXml = (rels: { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${r.target}"/>`)
    .join('')}</Relationships>`;

/** Sheet name → its part ("xl/worksheets/sheet5.xml"), from the workbook part and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map(
    [...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const unescape = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return new Map(
    [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => [
      unescape(m[1]),
      `xl/${targets.get(m[2])!.replace(/^\/?xl\//, '')}`,
    ]),
  );
}

/** Adds `charts` (by sheet) to the .xlsx in `xlsx`; returns the new file. */
export async function addCharts(
  xlsx: Buffer | Uint8Array,
  charts: readonly { sheet: string; chart: TemplateChart }[],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  let types = await zip.file('[Content_Types].xml')!.async('string');
  const bySheet = new Map<string, TemplateChart[]>();
  for (const { sheet, chart } of charts) bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), chart]);
  let chartNo = 0;
  let drawingNo = 0;
  for (const [sheet, list] of bySheet) {
    const part = parts.get(sheet);
    if (!part) throw new Error(`There is no sheet "${sheet}" to chart.`);
    const drawing = `drawing${++drawingNo}`;
    const chartRels = list.map((chart, i) => {
      const name = `chart${++chartNo}`;
      zip.file(`xl/charts/${name}.xml`, chartXml(sheet, chart));
      types = types.replace('</Types>', `<Override PartName="/xl/charts/${name}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`);
      return { id: `rId${i + 1}`, type: 'chart', target: `../charts/${name}.xml` };
    });
    zip.file(`xl/drawings/${drawing}.xml`, drawingXml(list));
    zip.file(`xl/drawings/_rels/${drawing}.xml.rels`, relsXml(chartRels));
    types = types.replace('</Types>', `<Override PartName="/xl/drawings/${drawing}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`);
    // The sheet points at its drawing (before tableParts, as the schema orders them).
    const relsPath = part.replace(/worksheets\//, 'worksheets/_rels/') + '.rels';
    const existing = zip.file(relsPath) ? await zip.file(relsPath)!.async('string') : relsXml([]);
    const id = `rIdFpaDrawing`;
    zip.file(relsPath, existing.replace('</Relationships>', `<Relationship Id="${id}" Type="${REL}/drawing" Target="../drawings/${drawing}.xml"/></Relationships>`));
    let xml = await zip.file(part)!.async('string');
    if (xml.includes('<drawing ')) throw new Error(`Sheet "${sheet}" already has a drawing.`);
    if (!xml.includes('xmlns:r=')) xml = xml.replace('<worksheet ', `<worksheet xmlns:r="${NS_R}" `);
    const tag = `<drawing r:id="${id}"/>`;
    xml = xml.includes('<tableParts') ? xml.replace('<tableParts', `${tag}<tableParts`) : xml.replace('</worksheet>', `${tag}</worksheet>`);
    zip.file(part, xml);
  }
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
