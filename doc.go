// Package zwfw is the root of a Go library for government-service reform
// (政务服务改革): catalogues of service matters (政务服务事项), the reform
// modes bureaus run over them ("3+2", "七办", 一网通办 …), counties and their
// township and village service system, and the monthly bulletin
// (工作简报) that reports on all of it.
//
// This package holds no code; it maps the module.
//
// # Packages
//
// The packages stand on floors; each imports only packages on lower floors.
//
//  1. [github.com/zwfw/zwfw/schema]: the one problem model every check
//     reports with (path, file:line:col, stable rule, severity), the
//     module's messages in English and Chinese from one table, reading
//     YAML and JSON with source positions, and validation against the
//     embedded JSON Schemas.
//  2. [github.com/zwfw/zwfw/matters]: matters, catalogues and one-thing
//     bundles; loading, semantic checks, writing.
//     [github.com/zwfw/zwfw/county]: the administrative hierarchy and its
//     service points, with Suining (遂宁市) embedded.
//     [github.com/zwfw/zwfw/matters/workday]: China's official working-day
//     calendar (holidays and 调休 from the State Council's notices,
//     2019–2026, loadable for a new year) and limit arithmetic.
//  3. [github.com/zwfw/zwfw/reform]: measures and reform modes as data,
//     exact indicators over catalogues, scorecards rolled up the hierarchy,
//     the lists bureaus publish, written as Markdown, CSV and JSON.
//     [github.com/zwfw/zwfw/reform/cases]: case records (办件) read from the
//     platform's exports, and the efficiency figures of 效能监察 (受理, 办结,
//     按时, 超期, 好差评 …) as exact counters rolled up department → unit →
//     city.
//  4. [github.com/zwfw/zwfw/report]: the monthly bulletin: model (masthead,
//     a bureau's layout of sections and wording as data), consistency
//     checks, rendering (text, Markdown, JSON, a Word document in the
//     GB/T 9704-2012 layout, a web page with charts), month over month, and
//     reported figures set against computed ones.
//     [github.com/zwfw/zwfw/report/attendance]: the window roster, leave,
//     clock-in punches, visits and submissions logs counted into the
//     bulletin's sections 二–四 and its attendance detail.
//  5. examples/…: small programs, each a documented way to use the library.
//     examples/bulletin prints the April 2021 bulletin of Suining; examples/
//     validate checks catalogue documents and prints problems in the
//     compiler convention.
//
// # Where to start
//
// Load a catalogue with [github.com/zwfw/zwfw/matters.LoadFile] and print
// its problems; every problem prints as
//
//	catalogue.yaml:41:7: error: /matters/12/promisedLimit: promised limit 30 工作日 exceeds legal limit 20 工作日 [matter.promised-exceeds-legal]
//
// and, through a [github.com/zwfw/zwfw/schema.Printer] for Chinese,
//
//	catalogue.yaml:41:7: 错误: /matters/12/promisedLimit: 承诺时限30个工作日超过法定时限20个工作日 [matter.promised-exceeds-legal]
//
// # Dependencies
//
// The standard library, github.com/santhosh-tekuri/jsonschema/v5 (JSON
// Schema validation, kept behind this module's API), gopkg.in/yaml.v3 (YAML
// with positions), github.com/google/go-cmp (tests and test helpers) and
// golang.org/x/text (GB18030 spreadsheets); github.com/6tail/lunar-go in
// tests only, as an independent check of the holiday calendar. The go directive stays at 1.23
// so the module builds where its importers are.
package zwfw
