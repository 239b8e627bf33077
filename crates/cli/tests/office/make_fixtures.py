"""Office fixtures for hedui's CLI tests (issue #17), made from the corpus texts.

    python3 make_fixtures.py CORPUS_DIR OUT_DIR HEDUI

For each of the corpus documents 000, 002 and 004:
  NNN.xlsx          its tables, one sheet each (title, 公开表号, unit and notes above and below;
                    002 also has a hidden sheet and a hidden row of draft figures),
                    figures as numbers with `#,##0.00`-style formats, header cells merged, each
                    合计 row's figures that are the sum of their 类 rows as =SUM(...) formulas,
                    recalculated by LibreOffice so that the file holds their cached values
  NNN-说明.docx     the rest of the document: headings, paragraphs, lists
  NNN.docx          the whole document, tables as Word tables (header cells spanning columns)
  NNN-tables.txt    the tables' text alone, as the workbook holds it (what NNN.xlsx should read as)
  NNN-说明.txt      the narrative's text alone
plus 000.xls (LibreOffice), the five texts in GB18030 (NNN-gbk.txt), and the bad files of bad/.

And sh-2024-budget-wanli-subdistrict.xlsx: the shared 部门预算 workbook template
(xlsx/sh-2026-department-budget-template.xlsx) filled with the nine tables of
pdf/sh-2024-budget-wanli-subdistrict.pdf as the hedui binary HEDUI reads them (`hedui parse`):
each table's rows under the template's header, the template's body rows replaced by exactly the
unit's rows, figures as numbers in the formats that show them as the PDF does; 编制部门 and the year
filled in; the template's narrative sheets (XX placeholders) left out, the workbook holds tables.
Beside it sh-2024-budget-wanli-subdistrict-说明.txt: the rest of the PDF (cover, narrative,
项目支出绩效目标), its text as `pdftotext -layout` writes it without the nine tables.
Needs openpyxl, python-docx and msoffcrypto-tool (PyPI), soffice (LibreOffice) and pdftotext
(poppler-utils).
"""

import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from decimal import Decimal

import json
from copy import copy

import docx
import msoffcrypto.format.ooxml
import openpyxl
from openpyxl.utils import get_column_letter

NUMBER = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|0|[1-9]\d{0,14})(?:\.(\d+))?$")


def number_format(text):
    """The number format that shows `text`'s figure as written, or None when it is no figure."""
    match = NUMBER.match(text)
    if not match:
        return None
    decimals = len(match.group(1) or "")
    integer = "#,##0" if "," in text else "0"
    return integer + ("." + "0" * decimals if decimals else "")


def segments(lines):
    """Splits a text's lines into ("table", lines) and ("text", lines) runs: a table is a run of
    tab lines with its caption above (heading, 公开表号, 单位, 部门 lines, up to a heading or five
    lines) and its notes below (注…, 说明…)."""
    is_tab = [("\t" in line) for line in lines]
    spans = []
    i = 0
    while i < len(lines):
        if not is_tab[i]:
            i += 1
            continue
        end = i
        while end < len(lines) and is_tab[end]:
            end += 1
        start, seen = i, 0
        floor = spans[-1][1] if spans else 0
        while start > floor and seen < 5:
            line = lines[start - 1]
            if line.strip():
                if len(line.strip()) > 40 or line.startswith("- "):
                    break
                seen += 1
            start -= 1
            if line.startswith("#"):
                break
        while start < i and not lines[start].strip():
            start += 1
        after = end
        while after < len(lines) and not lines[after].strip():
            after += 1
        # Notes under the table (注：…, 说明：…本表无数据) stay with it.
        while after < len(lines) and lines[after].startswith(("注", "说明")) and "\t" not in lines[after]:
            end = after + 1
            after = end
            while after < len(lines) and not lines[after].strip():
                after += 1
        spans.append((start, end))
        i = end
    out, at = [], 0
    for start, end in spans:
        if start > at:
            out.append(("text", lines[at:start]))
        out.append(("table", lines[start:end]))
        at = end
    if at < len(lines):
        out.append(("text", lines[at:]))
    return out


def cell_text(line):
    if line.startswith("#"):
        return line.lstrip("#").strip()
    return line if "\t" in line else line.rstrip()


def write_sheet(sheet, block):
    """One table's lines as a sheet: a row per line, figures as numbers in their formats,
    captions merged over the table's width, header cells merged over the empty cells after
    them, and 合计 figures that sum their 类 rows as formulas."""
    rows = [cell_text(line).split("\t") if "\t" in line else [cell_text(line)] for line in block]
    width = max(len(r) for r in rows)
    first_figure_row = next((n for n, r in enumerate(rows) if len(r) > 1 and any(number_format(c) and "." in c for c in r)), len(rows))
    values = {}
    for n, cells in enumerate(rows, start=1):
        for m, text in enumerate(cells, start=1):
            if not text:
                continue
            fmt = number_format(text.strip())
            cell = sheet.cell(row=n, column=m)
            if fmt and len(cells) > 1 and not (m == 1 and len(text) >= 3 and "." not in text and "," not in text):
                cell.value = Decimal(text.strip().replace(",", ""))
                cell.number_format = fmt
                values[(n, m)] = cell.value
            else:
                cell.value = text
        if len(cells) == 1 and width > 1 and cells[0]:
            sheet.merge_cells(start_row=n, start_column=1, end_row=n, end_column=width)
        elif len(cells) > 1 and n - 1 < first_figure_row:
            m = 1
            while m <= len(cells):
                end = m
                while end < len(cells) and not cells[end] and cells[m - 1]:
                    end += 1
                if end > m:
                    sheet.merge_cells(start_row=n, start_column=m, end_row=n, end_column=end)
                m = end + 1
    # 合计 rows: figures that are the sum of the 类 (3-digit code) rows below them.
    for n, cells in enumerate(rows, start=1):
        if re.sub(r"\s", "", cells[0]) not in ("合计", "总计"):
            continue
        classes = [k for k in range(n + 1, len(rows) + 1) if re.fullmatch(r"\d{3}", rows[k - 1][0].strip())]
        for m in range(2, len(cells) + 1):
            if (n, m) not in values or not classes or not all((k, m) in values for k in classes):
                continue
            if sum(values[(k, m)] for k in classes) == values[(n, m)]:
                letter = get_column_letter(m)
                sheet.cell(row=n, column=m).value = "=SUM(" + ",".join(f"{letter}{k}" for k in classes) + ")"


def hide_drafts(book):
    """A hidden sheet and a hidden row of draft figures, which hedui skips and reports."""
    draft = book.create_sheet("草稿")
    draft.append(["收入决算表"])
    draft.append(["项目", "本年收入合计"])
    draft.append(["合计", 1.0])
    draft.sheet_state = "hidden"
    first = book.worksheets[0]
    row = first.max_row + 2
    first.cell(row=row, column=1).value = "草稿：本年收入合计"
    first.cell(row=row, column=2).value = 9999
    first.row_dimensions[row].hidden = True


def sheet_title(block, number):
    for line in block:
        title = cell_text(line)
        if title and "\t" not in line and not title.startswith(("公开", "单位", "部门", "注")):
            return re.sub(r"[\[\]:*?/\\]", "", title)[:31]
    return f"表{number}"


def write_docx(path, blocks, tables_too):
    document = docx.Document()
    for kind, block in blocks:
        if kind == "table" and tables_too:
            write_word_table(document, block)
            continue
        if kind == "text":
            paragraphs(document, block)
    document.save(path)


def write_word_table(document, block):
    """A table's caption and notes as paragraphs around its rows as a Word table; a header cell
    followed by empty cells spans them."""
    first = next(n for n, line in enumerate(block) if "\t" in line)
    last = max(n for n, line in enumerate(block) if "\t" in line)
    rows = [line.split("\t") for line in block[first : last + 1]]
    paragraphs(document, block[:first])
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    first_figure_row = next((n for n, r in enumerate(rows) if any(number_format(c) and "." in c for c in r)), len(rows))
    for n, cells in enumerate(rows):
        m = 0
        while m < len(cells):
            end = m
            if n < first_figure_row and cells[m]:
                while end + 1 < len(cells) and not cells[end + 1]:
                    end += 1
            cell = table.cell(n, m)
            if end > m:
                cell = cell.merge(table.cell(n, end))
            cell.text = cells[m]
            m = end + 1
    paragraphs(document, block[last + 1 :])


def paragraphs(document, lines):
    for line in lines:
        if not line.strip():
            continue
        if line.startswith("#"):
            document.add_heading(line.lstrip("#").strip().replace("**", ""), level=min(len(line) - len(line.lstrip("#")), 9))
        elif line.startswith("- "):
            document.add_paragraph(line[2:].strip(), style="List Bullet")
        else:
            document.add_paragraph(line.strip().replace("**", ""))


def soffice(args, outdir, profile):
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", *args, "--outdir", outdir], check=True, stdout=subprocess.DEVNULL)


def main(corpus, out, hedui):
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="hedui-office-")
    profile = os.path.join(work, "profile")
    names = sorted(n for n in os.listdir(corpus) if n.endswith(".txt"))
    for name in names:
        number = name[:3]
        text = open(os.path.join(corpus, name), encoding="utf-8").read()
        with open(os.path.join(out, f"{number}-gbk.txt"), "wb") as f:
            f.write(text.encode("gb18030"))
        if number not in ("000", "002", "004"):
            continue
        blocks = segments(text.split("\n"))
        book = openpyxl.Workbook()
        book.remove(book.active)
        tables = [block for kind, block in blocks if kind == "table"]
        for index, block in enumerate(tables, start=1):
            title = sheet_title(block, index)
            while title in book.sheetnames:
                title = title[:28] + f"({index})"
            write_sheet(book.create_sheet(title), block)
        if number == "002":
            hide_drafts(book)
        raw = os.path.join(work, f"{number}.xlsx")
        book.save(raw)
        # LibreOffice saves the workbook again with the formulas' values.
        soffice(["--convert-to", "xlsx:Calc MS Excel 2007 XML", raw], out, profile)
        with open(os.path.join(out, f"{number}-tables.txt"), "w", encoding="utf-8") as f:
            f.write("\n\n".join("\n".join(cell_text(line) for line in block) for block in tables) + "\n")
        with open(os.path.join(out, f"{number}-说明.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join("\n".join(block) for kind, block in blocks if kind == "text"))
        write_docx(os.path.join(out, f"{number}-说明.docx"), blocks, tables_too=False)
        write_docx(os.path.join(out, f"{number}.docx"), blocks, tables_too=True)
    soffice(["--convert-to", "xls:MS Excel 97", os.path.join(out, "000.xlsx")], out, profile)
    filled_template(corpus, out, hedui)
    bad(out, work, profile)
    shutil.rmtree(work, ignore_errors=True)


TEMPLATE = "xlsx/sh-2026-department-budget-template.xlsx"
FILLED_FROM = "pdf/sh-2024-budget-wanli-subdistrict.pdf"
# The template's chapters of narrative: XX placeholders, not the unit's text.
NARRATIVE_SHEETS = ("部门主要职能", "部门机构设置", "名词解释", "部门编制说明", "其他相关情况说明", "项目经费情况说明")
CHINESE_ORDINALS = "一二三四五六七八九十"


def hedui_parse(hedui, path):
    out = subprocess.run([hedui, "parse", "--format", "json", path], check=True, capture_output=True)
    return json.loads(out.stdout)


def squeeze(value):
    return re.sub(r"\s", "", str(value)) if value is not None else ""


def filled_template(corpus, out, hedui):
    """The budget template with the PDF's nine tables written into its table sheets."""
    pdf = hedui_parse(hedui, os.path.join(corpus, FILLED_FROM))
    template_path = os.path.join(corpus, TEMPLATE)
    template = hedui_parse(hedui, template_path)
    book = openpyxl.load_workbook(template_path)
    for name in NARRATIVE_SHEETS:
        book.remove(book[name])
    sheets = {table["form"]: sheet_titled(book, table["title"]) for table in template["tables"]}
    tables = {table["form"]: table for table in pdf["tables"]}
    assert sorted(sheets) == sorted(tables), (sorted(sheets), sorted(tables))
    document = pdf["document"]
    # The year and the department of the PDF where the template has its own (titles, cover,
    # contents), and after each empty 编制部门：.
    year, template_year = f"{document['year']}年", f"{template['document']['year']}年"
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    text = cell.value.replace(template_year, year).replace(template["document"]["department"], document["department"])
                    if text.strip() == "编制部门：":
                        text = "编制部门：" + document["department"]
                    cell.value = text
    for form, table in tables.items():
        shape = table["model"]["shape"]
        if shape == "classified":
            last = fill_classified(sheets[form], table)
        elif shape == "summary":
            last = fill_summary(sheets[form], table)
        else:
            last = fill_single_row(sheets[form], table)
        for n, note in enumerate(table["notes"], start=last + 1):
            sheets[form].cell(row=n, column=1).value = note["text"]
    name = os.path.basename(FILLED_FROM).removesuffix(".pdf")
    book.save(os.path.join(out, f"{name}.xlsx"))
    with open(os.path.join(out, f"{name}-说明.txt"), "w", encoding="utf-8") as f:
        f.write(without_tables(os.path.join(corpus, FILLED_FROM), pdf["tables"]))


def without_tables(pdf_path, tables):
    """The PDF's text as `pdftotext -layout` writes it, less the lines from its first table's
    title to its last table's last note (the tables follow one another in the PDF)."""
    text = subprocess.run(["pdftotext", "-layout", pdf_path, "-"], check=True, capture_output=True, text=True).stdout
    lines = text.split("\n")
    first = next(n for n, line in enumerate(lines) if squeeze(line) == squeeze(tables[0]["title"]))
    last_line = squeeze((tables[-1]["notes"][-1]["text"] if tables[-1]["notes"] else tables[-1]["title"]))
    last = next(n for n in range(len(lines) - 1, first, -1) if squeeze(lines[n]) == last_line)
    return "\n".join(lines[:first] + lines[last + 1 :])


def sheet_titled(book, title):
    return next(s for s in book.worksheets if any(squeeze(c.value) == squeeze(title) for row in s.iter_rows(max_row=5) for c in row))


def first_row(sheet, start, found):
    """The first row from `start` on with a cell that `found` accepts."""
    return next(r for r in range(start, sheet.max_row + 1) if any(found(squeeze(c.value)) for c in sheet[r]))


def headers(sheet, body_start):
    """Each column's header: its lowest header cell's text, from the row under 编制部门 down."""
    top = first_row(sheet, 1, lambda text: text.startswith("编制部门")) + 1
    out = {}
    for r in range(top, body_start):
        for cell in sheet[r]:
            if squeeze(cell.value):
                out[cell.column] = squeeze(cell.value)
    return out


def column_of(heads, name, after=0, before=None):
    """The column headed `name` (the PDF's column path's last part), or whose header starts with
    it (机关运行经费 under 机关运行经费预算数), between `after` and `before`."""
    part = squeeze(name.split("/")[-1])
    inside = {c: h for c, h in heads.items() if c > after and (before is None or c < before)}
    exact = [c for c, h in inside.items() if h == part]
    near = [c for c, h in inside.items() if h.startswith(part)]
    found = exact or near
    assert len(found) == 1, (name, inside)
    return found[0]


def resize_body(sheet, start, old, new):
    """Makes the template's `old` body rows from `start` `new` empty rows styled as its first,
    moving what is below them, merged cells too (openpyxl moves cells, not merges)."""
    styles = {cell.column: copy(cell._style) for cell in sheet[start]}
    moved = [r for r in list(sheet.merged_cells.ranges) if r.min_row >= start]
    for merged in moved:
        sheet.unmerge_cells(str(merged))
    if new > old:
        sheet.insert_rows(start + old, new - old)
    elif new < old:
        sheet.delete_rows(start + new, old - new)
    for merged in moved:
        if merged.min_row >= start + old:
            merged.shift(0, new - old)
            sheet.merge_cells(str(merged))
    for r in range(start, start + new):
        for column, style in styles.items():
            cell = sheet.cell(row=r, column=column)
            cell._style = copy(style)
            cell.value = None


def put_figure(cell, figure):
    """A figure as the number it shows, in the format that shows it as the PDF does."""
    fmt = number_format(figure["raw"])
    if fmt is None:
        cell.value = figure["raw"]
    else:
        cell.value = Decimal(figure["raw"].replace(",", ""))
        cell.number_format = fmt


def fill_classified(sheet, table):
    """Rows by 科目编码 (类, 款, 项 in their columns), then 合计. Returns the 合计 row."""
    body = first_row(sheet, 1, lambda text: text == "类") + 1
    heads = headers(sheet, body)
    total = first_row(sheet, body, lambda text: text == "合计")
    rows = table["model"]["rows"]
    resize_body(sheet, body, total - body, len(rows))
    total = body + len(rows)
    levels = [column_of(heads, level) for level in ("类", "款", "项") if level in heads.values()]
    name = next(c for c, h in heads.items() if "名称" in h)
    for r, row in enumerate(rows, start=body):
        code = row["code"]
        parts = [code[:3], code[3:5], code[5:7]]
        sheet.cell(row=r, column=levels[0]).value = int(parts[0])
        for column, part in zip(levels[1:], parts[1:]):
            if part:
                sheet.cell(row=r, column=column).value = part
                sheet.cell(row=r, column=column).number_format = "@"
        sheet.cell(row=r, column=name).value = row["label"]
        for column, figure in row["values"].items():
            put_figure(sheet.cell(row=r, column=column_of(heads, column, after=name)), figure)
    for column, figure in table["model"]["total"]["values"].items():
        put_figure(sheet.cell(row=total, column=column_of(heads, column, after=name)), figure)
    return total


def fill_summary(sheet, table):
    """收入 lines on the left, 支出 lines on the right, each under its 项目 column, then the
    总计 row. Returns the 总计 row."""
    body = first_row(sheet, 1, lambda text: text == "项目") + 1
    heads = headers(sheet, body)
    income_label, expenditure_label = sorted(c for c, h in heads.items() if h == "项目")
    total = first_row(sheet, body, lambda text: "总计" in text)
    lines = table["model"]["lines"]
    sides = {side: [line for line in lines if line["side"] == side and not line["label"].endswith("总计")] for side in ("income", "expenditure")}
    resize_body(sheet, body, total - body, max(len(s) for s in sides.values()))
    total = body + max(len(s) for s in sides.values())
    for side, label_column, before in (("income", income_label, expenditure_label), ("expenditure", expenditure_label, None)):
        placed = [(body + n, line) for n, line in enumerate(sides[side])]
        placed += [(total, line) for line in lines if line["side"] == side and line["label"].endswith("总计")]
        for r, line in placed:
            sheet.cell(row=r, column=label_column).value = ordinal_label(line)
            for column, figure in line["values"].items():
                put_figure(sheet.cell(row=r, column=column_of(heads, column, after=label_column, before=before)), figure)
    return total


def ordinal_label(line):
    ordinal = line["ordinal"]
    if ordinal is None:
        return line["label"]
    return f"{ordinal}{'、' if ordinal[0] in CHINESE_ORDINALS else '. '}{line['label']}"


def fill_single_row(sheet, table):
    """One row of figures (the “三公” table) under the header that ends with 小计. Returns it."""
    row = first_row(sheet, 1, lambda text: text == "小计") + 1
    heads = headers(sheet, row)
    for cell in table["cells"]:
        put_figure(sheet.cell(row=row, column=column_of(heads, cell["column"])), cell["value"])
    return row


def bad(out, work, profile):
    """Files hedui must refuse, each with its own message."""
    bad = os.path.join(out, "bad")
    os.makedirs(bad, exist_ok=True)
    book = openpyxl.Workbook()
    book.save(os.path.join(bad, "empty.xlsx"))
    book = openpyxl.Workbook()
    book.active.title = "通讯录"
    for row in (["姓名", "电话", "备注"], ["张三", "13800000000", "财务科"], ["李四", "13900000000", "办公室"]):
        book.active.append(row)
    book.save(os.path.join(bad, "no-tables.xlsx"))
    with open(os.path.join(out, "000.xlsx"), "rb") as f:
        whole = f.read()
    with open(os.path.join(bad, "corrupt.xlsx"), "wb") as f:
        f.write(whole[: len(whole) // 2])
    encrypted = io.BytesIO()
    office = msoffcrypto.format.ooxml.OOXMLFile(io.BytesIO(whole))
    office.encrypt("123456", encrypted)
    with open(os.path.join(bad, "encrypted.xlsx"), "wb") as f:
        f.write(encrypted.getvalue())
    with zipfile.ZipFile(os.path.join(bad, "bomb-size.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 << 20))
    with zipfile.ZipFile(os.path.join(bad, "bomb-entries.docx"), "w", zipfile.ZIP_STORED) as z:
        z.writestr("word/document.xml", "<document/>")
        for n in range(10_001):
            z.writestr(f"word/media/{n}.bin", b"")
    with zipfile.ZipFile(os.path.join(bad, "archive.zip"), "w") as z:
        z.writestr("readme.txt", "not an office file")
    soffice(["--convert-to", "doc:MS Word 97", os.path.join(out, "000-说明.docx")], bad, profile)
    shutil.copy(os.path.join(bad, "000-说明.doc"), os.path.join(bad, "report.doc"))
    os.remove(os.path.join(bad, "000-说明.doc"))
    shutil.copy(os.path.join(bad, "report.doc"), os.path.join(bad, "report.wps"))
    shutil.copy(os.path.join(out, "000.xls"), os.path.join(bad, "tables.et"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
