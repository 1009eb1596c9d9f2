// Package workbook reads and writes catalogues of service matters as the
// portals' workbooks (.xlsx), with github.com/xuri/excelize/v2, in a
// package of its own so that programs that never touch a spreadsheet do not
// build it.
//
// # Layout
//
// The matters sheet (事项) holds one matter a row: a title row, the header
// row, then the matters, in the columns and with the headers and aliases
// [matters.ReadCSV] accepts; the reading of every cell is the CSV reader's.
// The repeating elements are on sheets of their own keyed by the matter's
// code (事项编码), as platforms export them: 申请材料 (materials), 办理流程
// (steps) and 设定依据 (legal basis), each with a title row above its
// header. A sheet 目录信息 holds the catalogue's own elements (kind, title,
// division, level, date, source, notes) as name–value rows. A workbook
// whose matters sheet has another name (Sheet1) is read from its first
// sheet.
//
// # Cells
//
// Numbers (visits, batches, copies) are written as number cells, the
// effective date as a date cell, the rest as text cells; text starting
// with =, +, - or @ is written as a text cell with the text number format
// (@), so no spreadsheet takes it for a formula, now or when it is edited.
// On reading, a cell holding a formula is reported (workbook.formula) and
// left empty: formulas are never evaluated nor their cached value trusted.
//
// # Problems
//
// Every problem is a [schema.Problem] in the module's one model. Problems
// found in a cell are located at the sheet, row and column, in the compiler
// form with the sheet named, "list.xlsx[事项]:12:3", and the cell's
// reference leads the message ("事项!C12: …"). Rules: those of the CSV
// reader and of the semantic checks, and workbook.open (not a workbook),
// workbook.too-large, workbook.formula, workbook.cell (a cell of a
// repeating sheet that does not read), workbook.header (a repeating sheet
// without the matter's code column) and workbook.unknown-matter (a row of a
// repeating sheet names no matter of the matters sheet).
//
// # Memory
//
// Sheets are read row by row through excelize's streaming row reader, and
// the matters sheet is handed to the CSV reader as it is read, so reading
// holds the (compressed) file, one row and the catalogue it builds.
// Writing goes through excelize's stream writer.
package workbook
