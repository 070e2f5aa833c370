"""Makes the import tests' hostile spreadsheets, written by hand as no spreadsheet program
would (run by hand with any Python 3; the results are checked in):

    python3 Tests/IndsatsTests/Fixtures/sheets/make-hostile.py

- entity-expansion.xlsx: a sheet part declaring "billion laughs" entities (must not expand);
- external-entity.xlsx, external-entity-utf16.xlsx: a sheet part whose cell is an entity for
  a file outside the spreadsheet (must not be read, nor become an empty cell);
- formula-without-value.xlsx: a formula with no calculated value (its amount is unknown);
- error-cells.xlsx, error-cells.csv: cells showing #DIV/0!, #REF!, Err:502;
- formula-as-text.csv: a formula saved as its text (=1+2), not its result;
- year-with-decimals.csv: a year heading written as 2019.0.
"""
import sys
import zipfile

here = sys.path[0]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xlsx(name, sheet):
    with zipfile.ZipFile(f"{here}/{name}", "w", zipfile.ZIP_DEFLATED) as zipped:
        class z:  # fixed dates, so that running the script again gives the same bytes
            writestr = staticmethod(lambda path, data: zipped.writestr(zipfile.ZipInfo(path, (2026, 12, 2, 0, 0, 0)), data, zipfile.ZIP_DEFLATED))
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet)


def text(ref, value):
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def sheet(rows, prolog='<?xml version="1.0"?>'):
    header = '<row r="1">' + text("A1", "slug") + text("B1", "2018") + "</row>"
    return prolog + f'<worksheet xmlns="{MAIN}"><sheetData>' + header + rows + "</sheetData></worksheet>"


laughs = "".join(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' for i in range(1, 10))
xlsx("entity-expansion.xlsx", sheet('<row r="2">' + text("A2", "dialogaktiviteter") + text("B2", "&lol9;") + "</row>",
                                    f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol0 "lol">{laughs}]>'))
external = '<!DOCTYPE worksheet [<!ENTITY outside SYSTEM "file:///etc/hostname">]>'
row = '<row r="2">' + text("A2", "dialogaktiviteter") + text("B2", "&outside;") + "</row>"
xlsx("external-entity.xlsx", sheet(row, '<?xml version="1.0"?>' + external))
xlsx("external-entity-utf16.xlsx", sheet(row, '<?xml version="1.0" encoding="UTF-16"?>' + external).encode("utf-16"))
xlsx("formula-without-value.xlsx", sheet('<row r="2">' + text("A2", "dialogaktiviteter") + '<c r="B2"><f>SUM(1,2)</f></c></row>'))
xlsx("error-cells.xlsx", sheet('<row r="2">' + text("A2", "dialogaktiviteter") + '<c r="B2"><f>1/0</f><v>#DIV/0!</v></c></row>'
                               + '<row r="3">' + text("A3", "hotspot") + '<c r="B3" t="e"><f>#REF!</f><v>#REF!</v></c></row>'))
with open(f"{here}/error-cells.csv", "w", newline="") as f:
    f.write("slug;2018\r\ndialogaktiviteter;#DIV/0!\r\nhotspot;Err:502\r\n")
with open(f"{here}/formula-as-text.csv", "w", newline="") as f:
    f.write("slug;2018\ndialogaktiviteter;=1+2\n")
with open(f"{here}/year-with-decimals.csv", "w", newline="") as f:
    f.write("slug;2018;2019.0\ndialogaktiviteter;1,5;2\n")
