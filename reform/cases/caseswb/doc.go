// Package caseswb reads case records (办件) exported by the provincial
// platform as workbooks (.xlsx), as package cases reads CSV and JSON Lines
// exports.
//
// It is a package of its own so that programs reading case records that
// never touch a spreadsheet do not build github.com/xuri/excelize/v2:
// package cases stays free of it and refuses .xlsx with cases.format.
//
// The sheet read is the first whose first rows hold a case header
// ([cases.IsHeader]); a workbook without one is read from its first sheet
// (and reported by the header check). A title row above the header is
// allowed, as in matters/workbook. Rows are streamed with excelize's row
// iterator and handed, cell by cell, to the very decoding of CSV exports
// ([cases.NewRowDecoder]): header aliases, timestamps (text, Excel serial
// numbers and date cells alike), limits and terms. Memory holds the
// compressed file and one row.
//
// Every problem is a [schema.Problem] at "april.xlsx[办件]:row:col", the
// sheet's row and column, with the record's path /cases/N/key. A cell
// holding a formula is reported (workbook.formula) and read as empty:
// formulas are never evaluated nor their cached value trusted. A file
// that is not a workbook, too large (workbook.too-large) or that makes the
// spreadsheet library panic is a workbook.open problem, never a crash.
package caseswb
