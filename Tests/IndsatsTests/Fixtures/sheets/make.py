"""Makes the import tests' spreadsheets (run by hand; the results are checked in).

    .venv-checks/bin/python Tests/IndsatsTests/Fixtures/sheets/make.py EXPORTED_BILAG_1.xlsx

EXPORTED_BILAG_1.xlsx is `output/bilag/bif-2018-22/bilag-bif-2018-22.xlsx` of the shipped site.
The files named *-libreoffice.xlsx are then converted by LibreOffice, as a desktop user
would save them:

    soffice --headless --convert-to xlsx --outdir lo bilag1-changed.xlsx (and bilag1.xlsx)

and the *.ods from those, as LibreOffice's own format:

    soffice --headless --convert-to ods bilag1-libreoffice.xlsx bilag1-changed-libreoffice.xlsx merged-header.xlsx
    (merged-header.ods renamed merged-header-libreoffice.ods)
"""
import shutil
import sys
import openpyxl
from openpyxl.styles import numbers

here = sys.path[0]
exported = sys.argv[1]


def out(name):
    return f"{here}/{name}"


# The export unchanged (LibreOffice re-saves it: the round trip).
shutil.copy(exported, out("bilag1.xlsx"))

# Three cells changed and a 2023 column added.
wb = openpyxl.load_workbook(exported)
jobs = wb["Job og uddannelse"]
assert jobs["A2"].value == "haandholdt-og-kontinuerlig-virksomhedsindsats-for-ledige"
jobs["E2"] = 3.4                 # 2019: 3,3 → 3,4
assert jobs["A3"].value == "saerlig-virksomhedsrettet-indsats-for-kvinder"
jobs["F3"] = 3.1                 # 2020: 2,9 → 3,1
jobs["I1"] = "2023"
jobs["I2"] = 3.3
jobs["I2"].number_format = "0.00"
discrimination = wb["Diskrimination og social kontro"]
assert discrimination["A4"].value == "dialogaktiviteter"
discrimination["D4"] = 1.25      # 2018: 0,9 → 1,25
discrimination["I1"] = "2023"
assert discrimination["A2"].value == "forebyggelse-af-social-kontrol"
discrimination["I2"] = 0.1 + 0.2  # a binary float: read as the cell shows it, 0,3
discrimination["I2"].number_format = numbers.FORMAT_GENERAL
wb.save(out("bilag1-changed.xlsx"))


def sheet(name, rows, merge=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ark1"
    for row in rows:
        ws.append(row)
    if merge:
        ws.merge_cells(merge)
    wb.save(out(name))


header = ["slug", "Indsats", "Forvaltning", "2019", "2020"]
sheet("unknown.xlsx", [header, ["bydelsmodre", "", "BIF", 0.3, 0.3]])
sheet("unknown-title.xlsx", [header, ["", "Bydelsmødrene", "BIF", 0.3, 0.3]])
sheet("duplicate.xlsx", [header, ["bydelsmoedre", "", "", 0.3, 0.3], ["bydelsmoedre", "", "", 0.4, 0.3]])
sheet("bad-cell.xlsx", [header, ["bydelsmoedre", "", "", "3,3x", 0.3], ["branchepakker", "", "", "1.242", ""]])
sheet("merged-header.xlsx", [header, ["bydelsmoedre", "", "", 0.3, 0.3]], merge="D1:E1")
sheet("empty.xlsx", [])
sheet("by-title.xlsx", [["Indsats", "Forvaltning", "2019"], ["Bydelsmødre", "BIF", "0,35"]])

# CSV as Danish spreadsheets save it.
csv_rows = "slug;Indsats;2019;2020\r\n;Bydelsmødre;0,35;0,3\r\n"
open(out("utf8-bom.csv"), "wb").write("\ufeff".encode() + csv_rows.encode("utf-8"))
open(out("windows-1252.csv"), "wb").write(csv_rows.encode("cp1252"))

# Not a workbook: a damaged zip (the export cut short).
data = open(exported, "rb").read()
open(out("corrupt.xlsx"), "wb").write(data[: len(data) // 2])

# password.xlsx: by-title.xlsx encrypted as Excel does with a password (an OLE container, not
# a zip), made with PyPI msoffcrypto-tool in a throwaway venv:
#     msoffcrypto-tool -e -p hemmelig by-title.xlsx password.xlsx
